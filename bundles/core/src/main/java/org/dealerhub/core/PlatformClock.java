package org.dealerhub.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Component;

/**
 * The one clock of the platform, as a service: every component that needs "now" takes a {@link Clock} in its
 * constructor, so a test can hand it a fixed or moving clock instead. UTC; business time converts to the market's
 * zone itself. It ticks in microseconds, the finest both databases store (PostgreSQL's TIMESTAMP), so an instant a
 * write returns equals the one a later read returns.
 */
@Component(service = Clock.class)
public class PlatformClock extends Clock {

    private final Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return system.withZone(zone);
    }

    @Override
    public Instant instant() {
        return system.instant();
    }
}
