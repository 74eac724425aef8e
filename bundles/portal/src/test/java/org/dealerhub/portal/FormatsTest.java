package org.dealerhub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void moneyInTheUsersLocaleWithTheCurrencysDigits() {
        BigDecimal amount = new BigDecimal("1234.5");
        assertEquals("kr 1 234,50", plain(new Formats(Languages.locale("nb"), ZoneId.of("Europe/Oslo"))
                .money(amount, Currency.getInstance("NOK"))));
        assertEquals("1.234,50 kr.", plain(new Formats(Languages.locale("da"), ZoneId.of("Europe/Copenhagen"))
                .money(amount, Currency.getInstance("DKK"))));
        assertTrue(plain(new Formats(Languages.locale("uk"), ZoneId.of("Europe/Kyiv"))
                .money(amount, Currency.getInstance("UAH"))).startsWith("1 234,50"));
        assertEquals("NOK 1,234.50", plain(new Formats(Languages.locale("en"), ZoneId.of("Europe/Oslo"))
                .money(amount, Currency.getInstance("NOK"))));
    }

    @Test
    void datesNumbersAndInstantsInTheUsersLocaleAndTheMarketsZone() {
        Formats nb = new Formats(Languages.locale("nb"), ZoneId.of("Europe/Oslo"));
        assertEquals("1. des. 2026", nb.date(LocalDate.of(2026, 12, 1)));
        assertEquals("1 234 567", plain(nb.number(1_234_567L)));
        assertEquals("1. des. 2026, 09:30", nb.instant(Instant.parse("2026-12-01T08:30:00Z")));
        assertEquals("", nb.date(null));
        assertEquals("2 h 05 min", nb.minutes(125));
        assertEquals("−0 h 30 min", nb.minutes(-30));
    }
}
