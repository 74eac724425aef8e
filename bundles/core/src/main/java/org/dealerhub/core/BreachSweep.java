package org.dealerhub.core;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dealerhub.api.MarketCalendars;
import org.dealerhub.core.orders.Breaches;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records breaches nobody else saw (issue 9): every {@code sweepSeconds} the orders still waiting for a response past
 * their deadline are checked and a breach is recorded once, with its audit entry, so billing can credit it even
 * when nobody touches the order. Several installations on one database record each breach once.
 */
@Component(configurationPid = BreachSweep.PID, immediate = true)
@Designate(ocd = BreachSweep.Config.class)
public class BreachSweep {

    static final String PID = "org.dealerhub.sla";

    private static final Logger LOG = LoggerFactory.getLogger(BreachSweep.class);

    @ObjectClassDefinition(name = "Dealerhub SLA breaches", description = "The sweep that records missed deadlines")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between two sweeps over orders past their deadline")
        int sweepSeconds() default 60;
    }

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dealerhub-breach-sweep"));

    @Activate
    public BreachSweep(@Reference Store store, @Reference MarketCalendars calendars, @Reference Clock clock,
            Config config) {
        Breaches breaches = new Breaches(calendars);
        int seconds = Math.max(1, config.sweepSeconds());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                breaches.sweep(store, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("The breach sweep failed; next in {} s", seconds, e);
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }
}
