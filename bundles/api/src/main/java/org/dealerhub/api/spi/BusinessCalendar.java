package org.dealerhub.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A market's business time: working hours on working days, public and dealer-closed days excluded. */
public interface BusinessCalendar {

    ZoneId zone();

    boolean isBusinessTime(Instant instant);

    /** Where a clock started at {@code instant} really starts: itself in business time, else the next opening. */
    Instant clockStart(Instant instant);

    Instant plusBusinessTime(Instant from, Duration amount);

    /** The close of business hours on the next business day after the day the clock starts. */
    Instant closeOfNextBusinessDay(Instant instant);

    Duration businessTimeBetween(Instant from, Instant to);

    /** A stretch of time in which the clock stands still, e.g. waiting for the customer's answer (KMUA-SW-3). */
    record Pause(Instant from, Instant to) {
        public Pause {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("a pause needs from <= to");
            }
        }
    }

    /**
     * Business time elapsed between two instants minus the business time of the pauses within them; overlapping
     * pauses count once.
     */
    default Duration businessTimeBetween(Instant from, Instant to, List<Pause> pauses) {
        Duration elapsed = businessTimeBetween(from, to);
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        Instant covered = from;
        for (Pause p : sorted) {
            Instant start = p.from().isBefore(covered) ? covered : p.from();
            Instant end = p.to().isAfter(to) ? to : p.to();
            if (end.isAfter(start)) {
                elapsed = elapsed.minus(businessTimeBetween(start, end));
                covered = end;
            }
        }
        return elapsed;
    }
}
