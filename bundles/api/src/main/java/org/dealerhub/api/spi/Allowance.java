package org.dealerhub.api.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.ToLongBiFunction;

/**
 * An allowance the contract's terms give over a period (a contract year's colour cap, CANON-VOL-1..3; the function
 * certificate's volume, CANON-VOL-1; a yearly minimum volume, KMNO-BILL-2), as a billing policy measured it up to
 * the context's period end. The core forecasts it to the period's end from the recent average per day, prices the
 * forecast over-use (or shortfall) and raises alerts, the same way for every vendor.
 *
 * @param key stable identity, e.g. {@code colour-cap/17/2026-01-01}
 * @param description what it is, in words a customer reads
 * @param deviceId the device it is for, or null for the contract as a whole
 * @param kind a cap not to exceed, or a minimum paid whatever the use
 * @param unit what {@code limit} and {@code used} count, e.g. {@code colour A4 pages}
 * @param from first day of the allowance's period
 * @param to last day of the allowance's period
 * @param limit the allowance over the whole period
 * @param used the use from {@code from} to {@code measuredTo}
 * @param measuredTo the last day measured (the last reading in the period, else the period's start - 1)
 * @param recentFrom first day of the recent window the average per day is taken over
 * @param recentUsed the use from {@code recentFrom} to {@code measuredTo}
 * @param item the price an over-use (cap) or a shortfall (minimum) is billed at, or null when it is only reported
 * @param unitPrice that price in force today, or null when not billed or not set
 * @param rule the DOMAIN.md rule that makes the allowance
 */
public record Allowance(String key, String description, Long deviceId, Kind kind, String unit, LocalDate from,
        LocalDate to, long limit, long used, LocalDate measuredTo, LocalDate recentFrom, long recentUsed,
        String item, BigDecimal unitPrice, String rule) {

    /** The days the recent average per day is taken over: the last 90 measured, fewer early in the period. */
    public static final int RECENT_DAYS = 90;

    public enum Kind {
        /** Use above the limit is over-use: back-billed or reported. */
        CAP,
        /** The limit is paid whatever the use: a shortfall is billed. */
        MINIMUM
    }

    /**
     * An allowance measured by {@code usedBetween(first day, last day)} up to the last day known: the earliest of
     * {@code to}, {@code periodEnd} and {@code lastReading}; the recent window is its last {@link #RECENT_DAYS}
     * days within the period.
     */
    public static Allowance measured(String key, String description, Long deviceId, Kind kind, String unit,
            LocalDate from, LocalDate to, long limit, LocalDate periodEnd, LocalDate lastReading,
            ToLongBiFunction<LocalDate, LocalDate> usedBetween, String item, BigDecimal unitPrice, String rule) {
        LocalDate measuredTo = to.isBefore(periodEnd) ? to : periodEnd;
        if (lastReading == null || lastReading.isBefore(from)) {
            measuredTo = from.minusDays(1);
        } else if (lastReading.isBefore(measuredTo)) {
            measuredTo = lastReading;
        }
        LocalDate recentFrom = measuredTo.minusDays(RECENT_DAYS - 1L);
        if (recentFrom.isBefore(from)) {
            recentFrom = from;
        }
        long used = measuredTo.isBefore(from) ? 0 : usedBetween.applyAsLong(from, measuredTo);
        long recent = measuredTo.isBefore(from) ? 0 : usedBetween.applyAsLong(recentFrom, measuredTo);
        return new Allowance(key, description, deviceId, kind, unit, from, to, limit, used, measuredTo, recentFrom,
                recent, item, unitPrice, rule);
    }
}
