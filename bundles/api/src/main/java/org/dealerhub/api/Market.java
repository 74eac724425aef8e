package org.dealerhub.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A market as configured by the operator (etc/org.dealerhub.market-CODE.cfg): business hours [opens, closes) in
 * its zone on its working days. {@code closes} 00:00 means midnight at the end of the day (written 24:00 in the
 * configuration), so opens 00:00 and closes 00:00 on all seven days is round the clock.
 */
public record Market(String code, String name, Currency currency, ZoneId zone, LocalTime opens, LocalTime closes,
        Set<DayOfWeek> workingDays) {

    /** Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public Market {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        workingDays = Set.copyOf(workingDays);
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("market " + code + ": opens must be before closes");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("market " + code + ": at least one working day");
        }
    }

    /** A market open Monday to Friday. */
    public Market(String code, String name, Currency currency, ZoneId zone, LocalTime opens, LocalTime closes) {
        this(code, name, currency, zone, opens, closes, WEEKDAYS);
    }

    /** Whether business hours end at midnight (24:00). */
    public boolean closesAtMidnight() {
        return closes.equals(LocalTime.MIDNIGHT);
    }
}
