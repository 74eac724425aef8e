package org.dealerhub.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

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
}
