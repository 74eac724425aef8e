package org.dealerhub.vendor.konicaminolta;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;

/**
 * A small business calendar for the vendor tests only (the real one lives in the core): Monday to Friday,
 * [opens, closes) in a zone, without the given holidays. Openings and closings are computed per local date in the
 * zone, so daylight-saving changes come out right. Same conventions as the core's calendar: a duration that ends
 * exactly at a closing ends there; an instant at or after the closing starts the clock at the next opening.
 */
final class TestCalendar implements BusinessCalendar {

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<LocalDate> holidays;

    TestCalendar(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.holidays = Set.copyOf(holidays);
    }

    /** Norway, KMNO-HOURS-1: 08:00-16:00 Europe/Oslo. */
    static TestCalendar oslo(LocalDate... holidays) {
        return new TestCalendar(ZoneId.of("Europe/Oslo"), LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of(holidays));
    }

    /** Ukraine, KMUA-SW-1: working days 09:00-18:00 Europe/Kyiv. */
    static TestCalendar kyiv(LocalDate... holidays) {
        return new TestCalendar(ZoneId.of("Europe/Kyiv"), LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(holidays));
    }

    /** A local date-time in this calendar's zone as an instant. */
    Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    private Instant opening(LocalDate date) {
        return date.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closing(LocalDate date) {
        return date.atTime(closes).atZone(zone).toInstant();
    }

    private LocalDate nextWorkingDayAfter(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public boolean isBusinessTime(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        return isWorkingDay(date) && !instant.isBefore(opening(date)) && instant.isBefore(closing(date));
    }

    @Override
    public Instant clockStart(Instant instant) {
        if (isBusinessTime(instant)) {
            return instant;
        }
        LocalDate date = instant.atZone(zone).toLocalDate();
        if (isWorkingDay(date) && instant.isBefore(opening(date))) {
            return opening(date);
        }
        return opening(nextWorkingDayAfter(date));
    }

    @Override
    public Instant plusBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        Instant start = clockStart(from);
        Duration remaining = amount;
        while (true) {
            LocalDate date = start.atZone(zone).toLocalDate();
            Duration available = Duration.between(start, closing(date));
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
            start = opening(nextWorkingDayAfter(date));
        }
    }

    @Override
    public Instant closeOfNextBusinessDay(Instant instant) {
        ZonedDateTime start = clockStart(instant).atZone(zone);
        return closing(nextWorkingDayAfter(start.toLocalDate()));
    }

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        Duration sum = Duration.ZERO;
        Instant t = clockStart(from);
        while (t.isBefore(to)) {
            LocalDate date = t.atZone(zone).toLocalDate();
            Instant end = closing(date).isBefore(to) ? closing(date) : to;
            sum = sum.plus(Duration.between(t, end));
            t = clockStart(closing(date));
        }
        return sum;
    }
}
