package org.dealerhub.core.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredOrder;

/**
 * A breach is an event (issue 9): when an order's business time runs out before its response, the breach is
 * recorded once, durably, with the instant it happened and by how much the order missed (in business time), and
 * the audit trail gets a {@value #EVENT} entry. It is recorded by whoever sees it first: a change of the order (the
 * response above all), or the periodic sweep over orders past their original deadline. Recording is idempotent in
 * the database, so two detecting at once record it once.
 */
public final class Breaches {

    public static final String EVENT = "BREACHED";

    private final MarketCalendars calendars;

    public Breaches(MarketCalendars calendars) {
        this.calendars = calendars;
    }

    /** A breach as the clock sees it: when the business time ran out and by how much it is missed so far. */
    public record Detected(Instant at, long missedMinutes) {
    }

    /** The order's breach, looking at its response once recorded, else at {@code now}; empty when not breached. */
    public Optional<Detected> detect(StoredOrder o, List<ServiceOrder.Pause> pauses, Instant now) {
        if (o.deadline().original() == null || o.respondedAt() == null && o.state() == OrderState.CANCELLED) {
            return Optional.empty();
        }
        SlaClock clock = clock(o);
        List<SlaClock.Pause> clockPauses = pauses(pauses);
        SlaClock.Status s = clock.at(o.respondedAt() != null ? o.respondedAt() : now, clockPauses);
        if (!s.breached()) {
            return Optional.empty();
        }
        Instant at = clock.runsOutAt(clockPauses).orElse(s.deadline());
        return Optional.of(new Detected(at, minutesUp(s.left().negated())));
    }

    /** The clock of a stored order, in its market's calendar. */
    public SlaClock clock(StoredOrder o) {
        return new SlaClock(calendars.calendar(o.market()), o.registeredAt(), o.deadline().original());
    }

    public static List<SlaClock.Pause> pauses(List<ServiceOrder.Pause> pauses) {
        return pauses.stream().map(p -> new SlaClock.Pause(p.from(), Optional.ofNullable(p.to()), p.reason().name()))
                .toList();
    }

    /**
     * Records the order's breach if it is breached and not yet recorded (then with an audit entry by the caller);
     * once responded, the missed time recorded is the final one.
     */
    public void record(Repositories r, Caller caller, StoredOrder o, List<ServiceOrder.Pause> pauses, Instant now) {
        detect(o, pauses, now).ifPresent(b -> {
            if (r.sla().breached(o.id(), b.at(), b.missedMinutes(), now)) {
                r.orders().record(caller, o.id(), new ServiceOrder.Event(0, now, caller.user(), null, null, EVENT,
                        "deadline passed at " + b.at() + ", missed by " + b.missedMinutes() + " business minutes"
                                + (o.respondedAt() == null ? " so far" : "")));
            } else if (o.respondedAt() != null) {
                r.sla().missed(o.id(), b.missedMinutes());
            }
        });
    }

    /**
     * One run of the sweep: every order still waiting for its response past its original deadline (the moved one
     * is never earlier) is checked under its row lock and its breach recorded. Returns how many were checked.
     */
    public int sweep(Store store, Instant now) {
        Caller system = Caller.system();
        // ids only, by deadline: a paused order past its original deadline may not be breached yet and stays due
        List<Long> due = store.read(r -> r.sla().overdue(now));
        for (long id : due) {
            store.tx(r -> {
                r.orders().lock(system, id).ifPresent(o -> record(r, system, o,
                        r.orders().pauses(system, List.of(id)).getOrDefault(id, List.of()), now));
                return null;
            });
        }
        return due.size();
    }

    /** Business minutes, a started minute counted. */
    public static long minutesUp(Duration d) {
        long minutes = d.toMinutes();
        return d.compareTo(Duration.ofMinutes(minutes)) > 0 ? minutes + 1 : minutes;
    }
}
