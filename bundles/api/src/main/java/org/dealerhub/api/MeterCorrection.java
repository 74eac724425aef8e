package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A correction of a device's meter history by the service centre (PORTAL-METER-4), audited: who, when, the
 * reading's old and new values, and why. A voided reading has no new date and counters.
 */
public record MeterCorrection(long id, long deviceId, LocalDate oldDate, Counters oldCounters, LocalDate newDate,
        Counters newCounters, String reason, Instant correctedAt, String correctedBy) {

    public boolean voided() {
        return newDate == null;
    }

    /**
     * What staff send: the reading of {@code date} gets {@code newDate} and/or {@code counters} (null: unchanged),
     * or is voided ({@code voidReading}, then both null; absent means false); the reason is required.
     */
    public record Draft(LocalDate date, LocalDate newDate, Counters counters, Boolean voidReading, String reason) {

        public Draft {
            voidReading = Boolean.TRUE.equals(voidReading);
        }
    }
}
