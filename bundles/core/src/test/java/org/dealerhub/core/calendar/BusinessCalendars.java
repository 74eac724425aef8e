package org.dealerhub.core.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Market;
import org.dealerhub.api.spi.BusinessCalendar;

/**
 * The one business-time fixture of all tests: the core's real {@link MarketCalendar} with the shipped markets'
 * hours and zones (config/etc/org.dealerhub.market-*.cfg) and Jollyday's public holidays, plus the dealer closed
 * days a test names. The vendor bundles test their rules against it through the core's test-jar (test scope only;
 * their main code still knows only the api).
 */
public final class BusinessCalendars {

    private BusinessCalendars() {
    }

    /** Norway: 08:00-16:00 Europe/Oslo (CANON-HOURS-1, KMNO-HOURS-1), Norwegian public holidays. */
    public static MarketCalendar norway(LocalDate... closedDays) {
        return calendar(new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
                LocalTime.of(8, 0), LocalTime.of(16, 0)), closedDays);
    }

    /** Denmark: 08:00-16:00 Europe/Copenhagen, Danish public holidays. */
    public static MarketCalendar denmark(LocalDate... closedDays) {
        return calendar(new Market("DK", "Denmark", Currency.getInstance("DKK"), ZoneId.of("Europe/Copenhagen"),
                LocalTime.of(8, 0), LocalTime.of(16, 0)), closedDays);
    }

    /**
     * Ukraine: working days 09:00-18:00 Europe/Kyiv (KMUA-SW-1) and, under martial law, no public holidays
     * (DOMAIN.md's platform decision for Ukraine).
     */
    public static MarketCalendar ukraine(LocalDate... closedDays) {
        return new MarketCalendar(new Market("UA", "Ukraine", Currency.getInstance("UAH"), ZoneId.of("Europe/Kyiv"),
                LocalTime.of(9, 0), LocalTime.of(18, 0)), date -> Optional.empty(), Set.of(closedDays));
    }

    /** A local date-time in the calendar's zone, as an instant. */
    public static Instant at(BusinessCalendar calendar, int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(calendar.zone()).toInstant();
    }

    private static MarketCalendar calendar(Market market, LocalDate... closedDays) {
        return new MarketCalendar(market, new JollydayHolidays(market.code()), Set.of(closedDays));
    }
}
