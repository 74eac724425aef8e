package org.dealerhub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void theUsersChoiceWinsOverTheBrowser() {
        assertEquals("uk", Languages.choose("uk", List.of(Locale.forLanguageTag("da-DK"))));
    }

    @Test
    void elseTheFirstBrowserLanguageThePortalSpeaks() {
        assertEquals("da", Languages.choose(null, List.of(Locale.GERMAN, Locale.forLanguageTag("da-DK"),
                Locale.ENGLISH)));
        assertEquals("nb", Languages.choose("xx", List.of(Locale.forLanguageTag("no"))));
        assertEquals("nb", Languages.choose(null, List.of(Locale.forLanguageTag("nn-NO"))));
        assertEquals("en", Languages.choose(null, List.of(Locale.FRENCH)));
        assertEquals("en", Languages.choose("<script>", List.of()));
    }

    @Test
    void eachLanguageFormatsInItsCountry() {
        assertEquals(Locale.forLanguageTag("nb-NO"), Languages.locale("nb"));
        assertEquals(Locale.forLanguageTag("uk-UA"), Languages.locale("uk"));
    }
}
