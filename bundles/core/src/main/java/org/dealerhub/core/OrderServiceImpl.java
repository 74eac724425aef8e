package org.dealerhub.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.ServiceOrder.Details;
import org.dealerhub.api.ServiceOrder.Pause;
import org.dealerhub.api.ServiceOrder.PauseReason;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.core.orders.Breaches;
import org.dealerhub.core.orders.SlaClock;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredContract;
import org.dealerhub.persistence.api.StoredOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service orders: registration with the vendor's deadline, the states and their audit trail, pauses of the clock,
 * the response, and a notification in the outbox with every change, all in the change's own transaction. Every
 * change locks the order's row and names the version it was based on, so of two concurrent changes one wins and the
 * other is refused as stale: no transition is lost.
 */
@Component(service = {OrderService.class, OrderServiceImpl.class})
public class OrderServiceImpl implements OrderService {

    static final String STATES = "KMUA-ORDER-2";
    static final String COMPLETE = "KMUA-ORDER-1";
    static final String DEBT = "KMUA-DEBT-1";
    static final String RESPONSE = "KMUA-RESP-1";

    private static final Logger LOG = LoggerFactory.getLogger(OrderServiceImpl.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PAGE = 500;

    private final Store store;
    private final ResponseDeadlines deadlines;
    private final MarketCalendars calendars;
    private final Clock clock;
    private final Breaches breaches;

    @Activate
    public OrderServiceImpl(@Reference Store store, @Reference ResponseDeadlines deadlines,
            @Reference MarketCalendars calendars, @Reference Clock clock) {
        this.store = store;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.clock = clock;
        this.breaches = new Breaches(calendars);
    }

    /** One change of a locked order at the version the caller read; returns the order as it is to be written. */
    @FunctionalInterface
    interface Change {
        StoredOrder apply(Repositories r, StoredOrder order, List<Pause> pauses, Instant now);
    }

    @Override
    public ServiceOrder register(Caller caller, ServiceOrder.Draft draft) {
        return register(caller, draft, r -> Optional.empty());
    }

    /**
     * Registers an order unless {@code existing}, run first in the registration's own transaction, names the id of
     * an order already there, which is then answered instead (remote monitoring's idempotency, KMUA-ORDER-3).
     */
    ServiceOrder register(Caller caller, ServiceOrder.Draft draft, Function<Repositories, Optional<Long>> existing) {
        Checks.draft(draft);
        long deviceId = Checks.required(draft.deviceId(), "deviceId");
        long contractId = Checks.required(draft.contractId(), "contractId");
        OrderKind kind = Checks.required(draft.kind(), "kind");
        var channel = Checks.required(draft.channel(), "channel");
        Details given = details(new Details(draft.serviceNumber(), draft.symptom(), draft.errorCode(),
                draft.meterReading(), draft.contactName(), draft.contactEmail()));
        Map<String, String> facts = draft.facts() == null ? Map.of() : draft.facts();
        Instant now = clock.instant();
        return store.tx(r -> {
            Optional<Long> there = existing.apply(r);
            if (there.isPresent()) {
                return value(r, caller, find(r, caller, there.get()), null);
            }
            Device device = DeviceServiceImpl.find(r, caller, deviceId);
            if (!caller.isDealer() && caller.organisationId().orElseThrow() != device.organisationId()) {
                throw DomainException.forbidden("device " + deviceId + " no longer belongs to your organisation");
            }
            StoredContract contract = r.contracts().find(caller, contractId)
                    .orElseThrow(() -> DomainException.notFound("contract", contractId));
            if (contract.organisationId() != device.organisationId() || !contract.deviceIds().contains(deviceId)) {
                throw DomainException.invalid("contractId", "device " + deviceId + " is not on contract "
                        + contractId);
            }
            LocalDate today = LocalDate.ofInstant(now, calendars.calendar(contract.market()).zone());
            if (contract.start().isAfter(today) || !contract.runsOnOrAfter(today)) {
                throw DomainException.invalid("contractId", "contract " + contractId + " does not run on " + today);
            }
            Details filled = given.serviceNumber() != null ? given : new Details(device.serviceNumber(),
                    given.symptom(), given.errorCode(), given.meterReading(), given.contactName(),
                    given.contactEmail());
            // KMUA-SW-1, -2, -9 and the contract's period extras (KMUA-EXTRA-1)
            Map<String, String> ruleFacts = SoftwareOrders.registering(r, contract, kind, filled, facts, today);
            StoredOrder order = r.orders().register(caller, new StoredOrder(0, null, device.organisationId(),
                    deviceId, contractId, kind, channel, OrderState.REGISTERED, filled, contract.market(), now,
                    caller.user(), deadline(contract, now, ruleFacts), null, null, null, 0),
                    id -> "SO-" + today.getYear() + "-" + id);
            event(r, caller, order, now, null, OrderState.REGISTERED, "registered", "channel " + channel);
            order = SoftwareOrders.registered(r, caller, order, ruleFacts, now);
            // KMNO-SLA-1: the category the response time is averaged by
            r.sla().registered(order, category(facts.get("category")));
            List<String> missing = missing(order, device);
            if (!missing.isEmpty()) {
                // KMUA-ORDER-1: accepted but held until complete; the wait is the customer's
                r.orders().pause(caller, order.id(), PauseReason.INCOMPLETE, "missing: " + String.join(", ", missing),
                        now);
                event(r, caller, order, now, null, null, "held", "incomplete, missing: " + String.join(", ", missing));
            }
            // KMUA-CHAN-2: each registration is confirmed to the contact with its number
            notify(r, order, now, "registered", missing.isEmpty() ? null
                    : "We need: " + String.join(", ", missing) + ". Until then the order is on hold.");
            return value(r, caller, order, device);
        });
    }

    @Override
    public ServiceOrder get(Caller caller, long id) {
        return store.read(r -> value(r, caller, find(r, caller, id), null));
    }

    @Override
    public List<ServiceOrder> list(Caller caller, ServiceOrder.Query query) {
        ServiceOrder.Query q = query == null ? new ServiceOrder.Query(null, null, null, null, 0, 0) : query;
        if (q.offset() < 0) {
            throw DomainException.invalid("offset", "offset is negative");
        }
        int limit = q.limit() <= 0 ? 50 : Math.min(q.limit(), MAX_PAGE);
        return store.read(r -> {
            // the breach is business time computed here, so with that filter the page is cut after it
            boolean filtered = q.breached() != null;
            List<StoredOrder> found = r.orders().list(caller, q.state(), q.deviceId(), q.organisationId(),
                    filtered ? 0 : q.offset(), filtered ? Integer.MAX_VALUE : limit);
            Map<Long, List<Pause>> pauses = r.orders().pauses(caller, found.stream().map(StoredOrder::id).toList());
            var orders = found.stream().map(o -> value(r, caller, o, pauses.getOrDefault(o.id(), List.of()), null));
            if (filtered) {
                orders = orders.filter(o -> o.sla() != null && o.sla().breached() == q.breached()).skip(q.offset())
                        .limit(limit);
            }
            return orders.toList();
        });
    }

    @Override
    public ServiceOrder complete(Caller caller, long id, long version, Details details) {
        Details given = details(Checks.draft(details));
        return change(caller, id, version, (r, o, pauses, now) -> {
            requireOpen(o, "completed");
            Details d = o.details();
            StoredOrder next = o.withDetails(new Details(or(given.serviceNumber(), d.serviceNumber()),
                    or(given.symptom(), d.symptom()), or(given.errorCode(), d.errorCode()),
                    or(given.meterReading(), d.meterReading()), or(given.contactName(), d.contactName()),
                    or(given.contactEmail(), d.contactEmail())));
            event(r, caller, o, now, null, null, "details", null);
            Optional<Pause> held = open(pauses, PauseReason.INCOMPLETE);
            if (held.isPresent() && missing(next, DeviceServiceImpl.find(r, caller, o.deviceId())).isEmpty()) {
                // KMUA-ORDER-1: complete now, so the clock runs again
                r.orders().endPause(caller, o.id(), held.get().id(), now);
                event(r, caller, o, now, null, null, "released", "complete");
                notify(r, next, now, "complete", "The order is complete and no longer on hold.");
            }
            return next;
        });
    }

    @Override
    public ServiceOrder transition(Caller caller, long id, long version, ServiceOrder.Transition transition) {
        return transition(caller, id, version, transition, (r, o, pauses, now) -> o);
    }

    /** A transition with a check of the caller's own run first on the locked order, in the same transaction. */
    ServiceOrder transition(Caller caller, long id, long version, ServiceOrder.Transition transition, Change before) {
        Checks.draft(transition);
        OrderState to = Checks.required(transition.to(), "to");
        String reason = Checks.optionalText(transition.reason(), "reason", 1000);
        return change(caller, id, version, (r, o, pauses, now) -> {
            before.apply(r, o, pauses, now);
            // a customer may cancel its order until work starts; everything else is the dealer's
            if (!caller.isDealer() && !(to == OrderState.CANCELLED && o.state() == OrderState.REGISTERED)) {
                throw DomainException.forbidden("only dealer users may move an order to " + to);
            }
            // KMUA-ORDER-2: only the transitions of the order states
            if (!o.state().canMoveTo(to)) {
                throw DomainException.rule(STATES, "to", "an order in state " + o.state() + " cannot move to " + to
                        + " (it may move to " + o.state().next() + ")");
            }
            SoftwareOrders.transitioning(r, o, to);
            if (to == OrderState.EXTENDED && (reason == null || transition.nextVisit() == null)) {
                throw DomainException.rule(STATES, reason == null ? "reason" : "nextVisit", "an order not solved on"
                        + " the first visit is extended with the reason and the next visit");
            }
            if (to == OrderState.CANCELLED && reason == null) {
                throw DomainException.invalid("reason", "a cancellation needs a reason");
            }
            if (to == OrderState.IN_PROGRESS) {
                requireNotHeld(pauses, "work");
            }
            StoredOrder next = o.withState(to, to == OrderState.EXTENDED ? transition.nextVisit() : null);
            if (to == OrderState.RESOLVED && o.respondedAt() == null) {
                // resolving it answers it: the response is recorded now at the latest
                next = next.withResponse(now, "resolved");
                event(r, caller, o, now, null, null, "response", "resolved");
            }
            if (!to.open()) {
                for (Pause p : pauses) {
                    if (p.to() == null) {
                        r.orders().endPause(caller, o.id(), p.id(), now);
                        event(r, caller, o, now, null, null, "released", p.reason() + ": order " + to);
                    }
                }
            }
            event(r, caller, o, now, o.state(), to, "transition", reason);
            // KMUA-ORDER-2: a notification to the contact on each change
            notify(r, next, now, to.name().toLowerCase().replace('_', ' '), reason);
            return next;
        });
    }

    @Override
    public ServiceOrder hold(Caller caller, long id, long version, ServiceOrder.Hold hold) {
        Checks.draft(hold);
        PauseReason reason = Checks.required(hold.reason(), "reason");
        String note = Checks.optionalText(hold.note(), "note", 1000);
        if (reason == PauseReason.INCOMPLETE) {
            throw DomainException.rule(COMPLETE, "reason", "an order is held as incomplete by what it lacks");
        }
        return change(caller, id, version, (r, o, pauses, now) -> {
            Access.requireDealer(caller);
            requireOpen(o, "held");
            open(pauses, reason).ifPresent(p -> {
                throw DomainException.conflict("reason", "order " + o.number() + " is already held for " + reason
                        + " (pause " + p.id() + ")");
            });
            // KMUA-DEBT-1 (no response-time obligation while the debt stands), KMUA-SW-3 (open questions)
            r.orders().pause(caller, o.id(), reason, note, now);
            event(r, caller, o, now, null, null, "held", reason + (note == null ? "" : ": " + note));
            return o;
        });
    }

    @Override
    public ServiceOrder release(Caller caller, long id, long version, long pauseId) {
        return change(caller, id, version, (r, o, pauses, now) -> {
            Access.requireDealer(caller);
            Pause pause = pauses.stream().filter(p -> p.id() == pauseId && p.to() == null).findFirst()
                    .orElseThrow(() -> DomainException.notFound("open pause", pauseId));
            if (pause.reason() == PauseReason.INCOMPLETE) {
                throw DomainException.rule(COMPLETE, "pauseId", "an incomplete order is released by completing it ("
                        + pause.note() + ")");
            }
            r.orders().endPause(caller, o.id(), pauseId, now);
            event(r, caller, o, now, null, null, "released", pause.reason().name());
            return o;
        });
    }

    /**
     * KMUA-RESP-1 (platform decision): the clock stops when a technician starts diagnostics, remotely or on site,
     * never by the registration e-mail; KMNO-SLA-1: when troubleshooting starts; KMNO-REMOTE-2: when support
     * contacts the customer. Staff record which, and when.
     */
    @Override
    public ServiceOrder respond(Caller caller, long id, long version, ServiceOrder.Response response) {
        Checks.draft(response);
        String how = Checks.text(response.how(), "how", 200);
        return change(caller, id, version, (r, o, pauses, now) -> {
            Access.requireDealer(caller);
            Instant at = response.at() == null ? now : response.at();
            if (at.isAfter(now) || at.isBefore(o.registeredAt())) {
                throw DomainException.invalid("at", "a response lies between the registration and now");
            }
            if (o.respondedAt() != null) {
                throw DomainException.rule(RESPONSE, "at", "order " + o.number() + " was responded to at "
                        + o.respondedAt());
            }
            requireOpen(o, "responded to");
            requireNotHeld(pauses, "diagnostics");
            StoredOrder next = o.withResponse(at, how);
            event(r, caller, o, now, null, null, "response", how + " at " + at);
            if (o.state() == OrderState.REGISTERED) {
                next = next.withState(OrderState.IN_PROGRESS, null);
                event(r, caller, o, now, o.state(), OrderState.IN_PROGRESS, "transition", how);
                notify(r, next, now, "in progress", how);
            }
            return next;
        });
    }

    @Override
    public List<ServiceOrder.Event> history(Caller caller, long id) {
        return store.read(r -> r.orders().history(caller, id));
    }

    private ServiceOrder change(Caller caller, long id, long version, Change change) {
        Instant now = clock.instant();
        return store.tx(r -> {
            StoredOrder o = r.orders().lock(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
            if (o.version() != version) {
                throw DomainException.stale("order", id, version);
            }
            List<Pause> pauses = r.orders().pauses(caller, List.of(id)).getOrDefault(id, List.of());
            StoredOrder saved = r.orders().update(caller, change.apply(r, o, pauses, now));
            ServiceOrder changed = value(r, caller, saved, null);
            measure(r, caller, o, saved, changed.pauses(), now);
            return changed;
        });
    }

    /**
     * The measured side of the clock, in the change's transaction: the response's business time (KMNO-SLA-1), the
     * end of an outage once the order is no longer open (KMNO-SLA-2), and the breach once the clock shows it.
     */
    private void measure(Repositories r, Caller caller, StoredOrder before, StoredOrder after, List<Pause> pauses,
            Instant now) {
        if (after.respondedAt() != null && before.respondedAt() == null && after.deadline().original() != null) {
            SlaClock.Status s = breaches.clock(after).at(after.respondedAt(), Breaches.pauses(pauses));
            r.sla().responded(after.id(), after.respondedAt(), s.used().toMinutes());
        }
        if (before.state().open() && !after.state().open()) {
            r.sla().ended(after.id(), now);
        }
        breaches.record(r, caller, after, pauses, now);
    }

    /** A category fact as the reports group it: "Driftsstans", "Annet" whatever its case; null if none or too long. */
    static String category(String fact) {
        String c = fact == null ? "" : fact.strip();
        return c.isEmpty() || c.length() > 30 ? null
                : c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1).toLowerCase(Locale.ROOT);
    }

    private static StoredOrder find(Repositories r, Caller caller, long id) {
        return r.orders().find(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
    }

    private static void requireOpen(StoredOrder o, String what) {
        if (!o.state().open()) {
            throw DomainException.rule(STATES, "state", "order " + o.number() + " is " + o.state()
                    + " and can no longer be " + what);
        }
    }

    /** KMUA-ORDER-1: an incomplete order waits; KMUA-DEBT-1: work starts only once the debt is paid. */
    private static void requireNotHeld(List<Pause> pauses, String what) {
        open(pauses, PauseReason.INCOMPLETE).ifPresent(p -> {
            throw DomainException.rule(COMPLETE, "state", what + " waits until the order is complete (" + p.note()
                    + ")");
        });
        open(pauses, PauseReason.DEBT).ifPresent(p -> {
            throw DomainException.rule(DEBT, "state", what + " starts only after the customer's debt is paid");
        });
    }

    private static Optional<Pause> open(List<Pause> pauses, PauseReason reason) {
        return pauses.stream().filter(p -> p.reason() == reason && p.to() == null).findFirst();
    }

    /**
     * KMUA-ORDER-1 (repairs) and KMUA-STOCK-4 (toner): the service number, the error code or symptom, the current
     * meter reading when the device is not remotely monitored, and the contact. Every kind needs the contact, who
     * gets the confirmation (KMUA-CHAN-2); a software incident its symptom.
     */
    static List<String> missing(StoredOrder o, Device device) {
        Details d = o.details();
        List<String> missing = new ArrayList<>();
        boolean hardware = o.kind() == OrderKind.REPAIR || o.kind() == OrderKind.TONER;
        if (hardware && d.serviceNumber() == null) {
            missing.add("serviceNumber");
        }
        if (o.kind() == OrderKind.REPAIR && d.errorCode() == null && d.symptom() == null) {
            missing.add("errorCode or symptom");
        }
        if (o.kind() == OrderKind.SOFTWARE_INCIDENT && d.symptom() == null) {
            missing.add("symptom");
        }
        if (hardware && !device.remotelyMonitored() && d.meterReading() == null) {
            missing.add("meterReading");
        }
        if (d.contactName() == null) {
            missing.add("contactName");
        }
        if (d.contactEmail() == null) {
            missing.add("contactEmail");
        }
        return missing;
    }

    private static Details details(Details d) {
        String email = Checks.optionalText(d.contactEmail(), "contactEmail", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("contactEmail", "contactEmail is not an e-mail address");
        }
        if (d.meterReading() != null && d.meterReading() < 0) {
            throw DomainException.invalid("meterReading", "meterReading is negative");
        }
        return new Details(Checks.optionalText(d.serviceNumber(), "serviceNumber", 60),
                Checks.optionalText(d.symptom(), "symptom", 2000), Checks.optionalText(d.errorCode(), "errorCode", 60),
                d.meterReading(), Checks.optionalText(d.contactName(), "contactName", 200), email);
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /**
     * The deadline of the contract's vendor, package and market at registration. Platform decision: a fault report
     * is never turned away because the vendor's rule is missing or fails; the order is registered without a
     * deadline and says why.
     */
    private ServiceOrder.Deadline deadline(StoredContract c, Instant at, Map<String, String> facts) {
        try {
            ResponseDeadline d = deadlines.deadline(new ResponseDeadlines.Request(c.vendor(), c.packageCode(),
                    c.market(), at, facts));
            return new ServiceOrder.Deadline(d.deadline().orElse(null), d.rule(), d.reason());
        } catch (DomainException e) {
            LOG.warn("No response deadline for an order on contract {}: {}", c.id(), e.getMessage());
            return new ServiceOrder.Deadline(null, e.rule(), "no deadline: " + e.getMessage());
        }
    }

    private void event(Repositories r, Caller caller, StoredOrder o, Instant at, OrderState from, OrderState to,
            String what, String reason) {
        r.orders().record(caller, o.id(), new ServiceOrder.Event(0, at, caller.user(), from, to, what, reason));
    }

    /** KMUA-CHAN-2, KMUA-ORDER-2: a message to the order's contact, in the outbox of this very transaction. */
    private static void notify(Repositories r, StoredOrder o, Instant at, String what, String note) {
        String to = o.details().contactEmail();
        if (to == null) {
            return;
        }
        StringBuilder body = new StringBuilder("Service order ").append(o.number()).append(" (").append(o.kind())
                .append(", device ").append(o.deviceId()).append(") is ").append(o.state()).append(".\n");
        if (o.deadline().original() != null && o.state() == OrderState.REGISTERED) {
            body.append("Response deadline: ").append(o.deadline().original()).append(" (").append(o.deadline().rule())
                    .append(").\n");
        }
        if (note != null) {
            body.append(note).append('\n');
        }
        r.outbox().enqueue(to, "Service order " + o.number() + ": " + what, body.toString(), at);
    }

    private ServiceOrder value(Repositories r, Caller caller, StoredOrder o, Device device) {
        return value(r, caller, o, r.orders().pauses(caller, List.of(o.id())).getOrDefault(o.id(), List.of()),
                device);
    }

    private ServiceOrder value(Repositories r, Caller caller, StoredOrder o, List<Pause> pauses, Device known) {
        List<String> missing = open(pauses, PauseReason.INCOMPLETE).isEmpty() ? List.of()
                : missing(o, known != null ? known : DeviceServiceImpl.find(r, caller, o.deviceId()));
        return new ServiceOrder(o.id(), o.number(), o.organisationId(), o.deviceId(), o.contractId(), o.kind(),
                o.channel(), o.state(), o.details(), o.registeredAt(), o.registeredBy(), o.deadline(), o.respondedAt(),
                o.response(), o.nextVisit(), missing, pauses, sla(o, pauses), o.version());
    }

    /**
     * Where the clock stands (SlaClock): now while the order waits for its response, at the response once recorded.
     * No clock without a deadline, nor for an order cancelled before anyone responded.
     */
    private ServiceOrder.Sla sla(StoredOrder o, List<Pause> pauses) {
        if (o.deadline().original() == null || o.respondedAt() == null && o.state() == OrderState.CANCELLED) {
            return null;
        }
        boolean responded = o.respondedAt() != null;
        SlaClock.Status s = breaches.clock(o).at(responded ? o.respondedAt() : clock.instant(),
                Breaches.pauses(pauses));
        return new ServiceOrder.Sla(s.deadline(), s.budget().toMinutes(), s.used().toMinutes(),
                s.paused().toMinutes(), s.left().toMinutes(), s.breached(), s.running() && !responded,
                responded ? !s.breached() : null, s.breached() ? Breaches.minutesUp(s.left().negated()) : 0);
    }
}
