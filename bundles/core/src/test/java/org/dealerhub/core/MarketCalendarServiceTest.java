package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketCalendars;
import org.junit.jupiter.api.Test;

class MarketCalendarServiceTest {

    private static ConfiguredMarket norway(String... closedDays) {
        ConfiguredMarket market = new ConfiguredMarket();
        market.configure(ConfiguredMarketTest.config("NO", "NOK", "Europe/Oslo", "08:00", "16:00", closedDays));
        return market;
    }

    @Test
    void theViewListsWorkingDaysPublicHolidaysAndTheDealersClosedDays() {
        MarketCalendarService service = new MarketCalendarService();
        service.bindSource(norway("2026-12-28, 2026-12-30"));
        MarketCalendars.View view = service.view("NO", LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31));
        assertEquals(List.of(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 23),
                LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 31)),
                view.workingDays());
        assertTrue(view.closedDays().stream().anyMatch(d -> d.date().equals(LocalDate.of(2026, 12, 25))
                && !d.dealerClosedDay()));
        assertTrue(view.closedDays().stream().anyMatch(d -> d.date().equals(LocalDate.of(2026, 12, 28))
                && d.dealerClosedDay()));
    }

    @Test
    void aChangedMarketConfigurationTakesEffectAtOnce() {
        MarketCalendarService service = new MarketCalendarService();
        ConfiguredMarket market = norway();
        service.bindSource(market);
        Instant mondayMorning = Instant.parse("2026-06-08T06:30:00Z"); // 08:30 in Oslo
        assertTrue(service.calendar("NO").isBusinessTime(mondayMorning));
        market.configure(ConfiguredMarketTest.config("NO", "NOK", "Europe/Oslo", "09:00", "16:00"));
        assertFalse(service.calendar("NO").isBusinessTime(mondayMorning));
        market.configure(ConfiguredMarketTest.config("NO", "NOK", "Europe/Oslo", "08:00", "16:00",
                new String[] {"2026-06-08"}));
        assertFalse(service.calendar("NO").isBusinessTime(Instant.parse("2026-06-08T10:00:00Z")));
    }

    @Test
    void aMarketCanWorkOnPublicHolidaysAndStillCloseOnTheDealersOwnDays() {
        ConfiguredMarket ukraine = new ConfiguredMarket();
        ukraine.configure(ConfiguredMarketTest.config("UA", "UAH", "Europe/Kyiv", "09:00", "18:00",
                new String[] {"2026-08-25"}, false));
        MarketCalendarService service = new MarketCalendarService();
        service.bindSource(ukraine);
        // Independence Day (Monday 24 August 2026) is a working day; the dealer's own closed day is not
        MarketCalendars.View view = service.view("UA", LocalDate.of(2026, 8, 24), LocalDate.of(2026, 8, 25));
        assertEquals(List.of(LocalDate.of(2026, 8, 24)), view.workingDays());
        assertEquals(1, view.closedDays().size());
        assertTrue(view.closedDays().get(0).dealerClosedDay());
    }

    @Test
    void unknownMarketsAndBadRangesAreRefused() {
        MarketCalendarService service = new MarketCalendarService();
        service.bindSource(norway());
        assertEquals(DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> service.calendar("SE")).kind());
        assertEquals("to", assertThrows(DomainException.class, () -> service.view("NO", LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1))).field());
        assertEquals("to", assertThrows(DomainException.class, () -> service.view("NO", LocalDate.of(2026, 1, 1),
                LocalDate.of(2029, 1, 1))).field());
    }
}
