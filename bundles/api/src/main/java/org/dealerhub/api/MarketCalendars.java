package org.dealerhub.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.dealerhub.api.spi.BusinessCalendar;

/**
 * Each configured market's business time: its hours and zone from the market configuration, public holidays from
 * a maintained holiday library, and the dealer's own closed days from the configuration. Every deadline in the
 * product is computed on these calendars.
 */
public interface MarketCalendars {

    /** @throws DomainException NOT_FOUND for a market that is not configured */
    BusinessCalendar calendar(String market);

    /** Working days and closed days from {@code from} to {@code to}, both inclusive. */
    View view(String market, LocalDate from, LocalDate to);

    /** A market's calendar over a date range. */
    record View(String market, ZoneId zone, LocalTime opens, LocalTime closes, List<LocalDate> workingDays,
            List<ClosedDay> closedDays) {
    }

    /** A public holiday (with its name) or a dealer's own closed day. */
    record ClosedDay(LocalDate date, String name, boolean dealerClosedDay) {
    }
}
