package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/** An accepted meter reading of one device on one day (PORTAL-METER-3: every accepted one is in the history). */
public record MeterReading(long deviceId, LocalDate date, Counters counters, Instant acceptedAt, String acceptedBy) {

    /** What a client submits. */
    public record Draft(LocalDate date, Counters counters) {
    }

    /** The fate of one submitted reading: accepted, or refused with the reason. */
    public record Outcome(int index, LocalDate date, boolean accepted, String error, String field, String rule) {

        public static Outcome accepted(int index, LocalDate date) {
            return new Outcome(index, date, true, null, null, null);
        }

        public static Outcome refused(int index, LocalDate date, DomainException e) {
            return new Outcome(index, date, false, e.getMessage(), e.field(), e.rule());
        }
    }
}
