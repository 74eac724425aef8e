package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterReading;

/** One device's accepted readings, locked for a submission. */
public interface MeterLog {

    /** The newest accepted reading. */
    Optional<MeterReading> last();

    /** The accepted readings from {@code first} to {@code last}, and the one on each side of that range. */
    Map<LocalDate, Counters> around(LocalDate first, LocalDate last);

    /** For a customer, the first day of its current ownership (earlier days belong to earlier owners). */
    Optional<LocalDate> writableFrom();

    /** Stores accepted readings. */
    void append(List<MeterReading.Draft> accepted, Instant acceptedAt, String acceptedBy);

    /** The accepted reading of {@code date}. */
    Optional<MeterReading> on(LocalDate date);

    /**
     * PORTAL-METER-4: gives the reading of {@code date} a new date and counters, or voids it (both null), and
     * records the correction with the old and new values, who, when and why.
     */
    MeterCorrection correct(LocalDate date, LocalDate newDate, Counters counters, String reason, Instant at,
            String by);
}
