package org.dealerhub.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's languages (Norwegian Bokmål, Danish, Ukrainian, English) and which one a request gets: the user's
 * choice (a cookie) if it names one of them, else the first of the browser's Accept-Language that does, else English.
 */
final class Languages {

    static final List<String> CODES = List.of("nb", "da", "uk", "en");
    static final String COOKIE = "portal-lang";

    private Languages() {
    }

    /** One of {@link #CODES} for a language tag, or empty: Norwegian ("no", "nn", "nb-NO") is Bokmål. */
    static Optional<String> code(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        if (language.equals("no") || language.equals("nn")) {
            language = "nb";
        }
        return CODES.contains(language) ? Optional.of(language) : Optional.empty();
    }

    /**
     * The language of a request.
     *
     * @param chosen the cookie's value, or null
     * @param accepted the browser's languages, preferred first (the servlet container sorts Accept-Language)
     */
    static String choose(String chosen, List<Locale> accepted) {
        return code(chosen).or(() -> accepted.stream().map(Locale::toLanguageTag).map(Languages::code)
                .flatMap(Optional::stream).findFirst()).orElse("en");
    }

    /** The locale that formats dates, numbers and money: the language in the country where it is spoken. */
    static Locale locale(String code) {
        return switch (code) {
            case "nb" -> Locale.forLanguageTag("nb-NO");
            case "da" -> Locale.forLanguageTag("da-DK");
            case "uk" -> Locale.forLanguageTag("uk-UA");
            default -> Locale.forLanguageTag("en-GB");
        };
    }
}
