package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.ServiceOrder.Pause;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.core.orders.SlaClock;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredContract;
import org.dealerhub.persistence.api.StoredIncident;
import org.dealerhub.persistence.api.StoredOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Software support on service orders (KMUA-SW-1..9), the customer's dispute (KMUA-SW-3) and paid extras
 * (KMUA-EXTRA-1). Like the order service, every change of an order locks its row, checks the version the caller read,
 * records itself in the order's audit trail and moves the version on, all in one transaction: of two concurrent
 * changes one wins and the other is refused as stale.
 */
@Component(service = {SoftwareSupport.class, OrderExtras.class})
public class SoftwareSupportImpl implements SoftwareSupport, OrderExtras {

    static final String DISPUTE = "KMUA-SW-3";
    static final String RESOLUTION = "KMUA-SW-4";
    /** KMUA-SW-3: "протягом 3 (трьох) робочих годин з моменту його отримання". */
    static final Duration DISPUTE_WINDOW = Duration.ofHours(3);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()-]{3,40}");
    private static final Pattern SERVICE_HOURS = Pattern.compile("\\d{2}:\\d{2}-\\d{2}:\\d{2}");
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(8_760);

    private final Store store;
    private final ResponseDeadlines deadlines;
    private final MarketCalendars calendars;
    private final Clock clock;
    private final OrderService orders;

    @Activate
    public SoftwareSupportImpl(@Reference Store store, @Reference ResponseDeadlines deadlines,
            @Reference MarketCalendars calendars, @Reference Clock clock, @Reference OrderService orders) {
        this.store = store;
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.clock = clock;
        this.orders = orders;
    }

    /** One change of a locked order at the version the caller read; returns the order as it is to be written. */
    @FunctionalInterface
    private interface Change {
        StoredOrder apply(Repositories r, StoredOrder order, Instant now);
    }

    @Override
    public Incident incident(Caller caller, long orderId) {
        return store.read(r -> incident(r, caller, find(r, caller, orderId)));
    }

    @Override
    public Incident changePriority(Caller caller, long orderId, long version, PriorityChange change) {
        Checks.draft(change);
        Priority priority = Checks.required(change.priority(), "priority");
        String reason = Checks.optionalText(change.reason(), "reason", 1000);
        return software(caller, orderId, version, (r, o, now) -> {
            StoredIncident i = incidentOf(r, o);
            if (o.kind() != OrderKind.SOFTWARE_INCIDENT) {
                throw DomainException.rule(SoftwareOrders.PRIORITY, "priority", "only incidents have a priority");
            }
            requireOpen(o, "given another priority");
            boolean renegotiated = priority != i.proposedPriority();
            if (renegotiated && reason == null) {
                throw DomainException.invalid("reason", "a renegotiated priority needs the reason");
            }
            // KMUA-SW-2: accepted or renegotiated, and the change recorded on the incident
            String what = renegotiated ? "renegotiated " + i.priority() + " -> " + priority + ": " + reason
                    : "accepted " + priority + (reason == null ? "" : ": " + reason);
            r.support().save(i.withPriority(priority));
            Map<String, String> facts = new LinkedHashMap<>(r.support().facts(o.id()));
            facts.put("priority", priority.name());
            r.support().facts(o.id(), facts);
            event(r, caller, o, now, "priority", what);
            // the deadline follows the agreed priority, from the registration; pauses move it as before
            StoredOrder next = o.withDeadline(SoftwareOrders.deadline(deadlines, contract(r, o), o.registeredAt(),
                    facts));
            notify(r, next, now, "priority " + priority, what);
            return next;
        });
    }

    @Override
    public Incident endAnalysis(Caller caller, long orderId, long version, Analysis analysis) {
        Checks.draft(analysis);
        Instant given = Checks.instant(analysis.endedAt(), "endedAt");
        return software(caller, orderId, version, (r, o, now) -> {
            StoredIncident i = incidentOf(r, o);
            requireOpen(o, "analysed");
            Instant at = given == null ? now : given;
            if (at.isAfter(now) || at.isBefore(o.registeredAt())) {
                throw DomainException.invalid("endedAt", "the analysis ends between the registration and now");
            }
            if (i.analysisEndedAt() != null) {
                throw DomainException.rule(RESOLUTION, "endedAt", "the analysis of " + o.number() + " ended at "
                        + i.analysisEndedAt());
            }
            // KMUA-SW-4: the resolution time runs from the end of the analysis
            r.support().save(i.withAnalysisEnded(at));
            event(r, caller, o, now, "analysis ended", "at " + at);
            return o;
        });
    }

    @Override
    public Incident link(Caller caller, long orderId, long version, Link link) {
        Checks.draft(link);
        long id = Checks.id(link.knownErrorId(), "knownErrorId");
        return software(caller, orderId, version, (r, o, now) -> {
            StoredIncident i = incidentOf(r, o);
            if (o.kind() != OrderKind.SOFTWARE_INCIDENT) {
                throw DomainException.rule(RESOLUTION, "knownErrorId", "only incidents are linked to known errors");
            }
            requireOpen(o, "linked");
            KnownError known = r.support().knownError(caller, id)
                    .orElseThrow(() -> DomainException.notFound("known error", id));
            // KMUA-SW-4: incidents arriving while it is being fixed are linked to it
            if (known.fixReleasedAt() != null) {
                throw DomainException.rule(RESOLUTION, "knownErrorId", "the fix of known error " + id
                        + " was released at " + known.fixReleasedAt());
            }
            r.support().save(i.withKnownError(id));
            event(r, caller, o, now, "known error", "linked to known error " + id + ": no resolution deadline"
                    + " while its fix is under way");
            return o;
        });
    }

    @Override
    public Incident close(Caller caller, long orderId, long version, Closure closure) {
        Checks.draft(closure);
        ClosingReason reason = Checks.required(closure.reason(), "reason");
        String note = Checks.optionalText(closure.note(), "note", 1000);
        return software(caller, orderId, version, (r, o, now) -> {
            StoredIncident i = incidentOf(r, o);
            if (o.kind() != OrderKind.SOFTWARE_INCIDENT) {
                throw DomainException.rule(SoftwareOrders.CLOSING, "reason", "closing reasons are an incident's");
            }
            if (!o.state().canMoveTo(OrderState.RESOLVED)) {
                throw DomainException.rule(OrderServiceImpl.STATES, "reason", "an order in state " + o.state()
                        + " cannot be closed");
            }
            // KMUA-SW-5: symptom gone, a workaround (re-openable), or the cause outside the system
            StoredOrder next = o.withState(OrderState.RESOLVED, null);
            if (o.respondedAt() == null) {
                next = next.withResponse(now, "resolved");
                event(r, caller, o, now, "response", "resolved");
            }
            for (Pause p : pauses(r, caller, o)) {
                if (p.to() == null) {
                    r.orders().endPause(caller, o.id(), p.id(), now);
                    event(r, caller, o, now, "released", p.reason() + ": order RESOLVED");
                }
            }
            r.support().save(i.withClosing(reason, note));
            String why = "closed: " + reason + (note == null ? "" : ": " + note);
            r.orders().record(caller, o.id(), new ServiceOrder.Event(0, now, caller.user(), o.state(),
                    OrderState.RESOLVED, "transition", why));
            notify(r, next, now, "resolved", why);
            return next;
        });
    }

    @Override
    public Incident reopen(Caller caller, long orderId, long version, Reopening reopening) {
        Checks.draft(reopening);
        String reason = Checks.text(reopening.reason(), "reason", 1000);
        return software(caller, orderId, version, (r, o, now) -> {
            StoredIncident i = incidentOf(r, o);
            if (o.state() != OrderState.RESOLVED || i.closingReason() != ClosingReason.WORKAROUND) {
                throw DomainException.rule(SoftwareOrders.CLOSING, "reason", "only an incident closed by a workaround"
                        + " may be reopened; " + o.number() + " is " + o.state()
                        + (i.closingReason() == null ? "" : ", closed as " + i.closingReason()));
            }
            r.support().save(i.withClosing(null, null));
            r.orders().record(caller, o.id(), new ServiceOrder.Event(0, now, caller.user(), o.state(),
                    OrderState.IN_PROGRESS, "transition", "reopened: " + reason));
            StoredOrder next = o.withState(OrderState.IN_PROGRESS, null);
            notify(r, next, now, "reopened", reason);
            return next;
        });
    }

    @Override
    public ServiceOrder dispute(Caller caller, long orderId, long version, Dispute dispute) {
        Checks.draft(dispute);
        String text = Checks.text(dispute.text(), "text", 2000);
        change(caller, orderId, version, (r, o, now) -> {
            requireOpen(o, "disputed");
            Instant until = disputeUntil(o);
            // KMUA-SW-3: within 3 working hours of the registration's confirmation, else it stands as confirmed
            if (now.isAfter(until)) {
                throw DomainException.rule(DISPUTE, "text", "the registered data may be disputed within 3 working"
                        + " hours of the registration, until " + until + "; it stands as confirmed");
            }
            event(r, caller, o, now, "disputed", text);
            return o;
        });
        return orders.get(caller, orderId);
    }

    @Override
    public List<KnownError> knownErrors(Caller caller) {
        return store.read(r -> r.support().knownErrors(caller));
    }

    @Override
    public KnownError knownError(Caller caller, long id) {
        return store.read(r -> r.support().knownError(caller, id)
                .orElseThrow(() -> DomainException.notFound("known error", id)));
    }

    @Override
    public KnownError createKnownError(Caller caller, KnownErrorDraft draft) {
        Checks.draft(draft);
        String title = Checks.text(draft.title(), "title", 200);
        String description = Checks.optionalText(draft.description(), "description", 2000);
        Access.requireDealer(caller);
        Instant now = clock.instant();
        return store.tx(r -> r.support().createKnownError(caller, title, description, now));
    }

    @Override
    public KnownError releaseFix(Caller caller, long id, long version, FixRelease release) {
        Checks.draft(release);
        Instant given = Checks.instant(release.releasedAt(), "releasedAt");
        Instant now = clock.instant();
        return store.tx(r -> {
            KnownError k = r.support().lockKnownError(caller, id)
                    .orElseThrow(() -> DomainException.notFound("known error", id));
            if (k.version() != version) {
                throw DomainException.stale("known error", id, version);
            }
            if (k.fixReleasedAt() != null) {
                throw DomainException.rule(RESOLUTION, "releasedAt", "the fix of known error " + id
                        + " was released at " + k.fixReleasedAt());
            }
            Instant at = given == null ? now : given;
            if (at.isAfter(now) || at.isBefore(k.openedAt())) {
                throw DomainException.invalid("releasedAt", "the fix is released between the known error's opening"
                        + " and now");
            }
            for (long orderId : k.linkedOrderIds()) {
                // platform decision: from the release on, the linked incidents' resolution time runs
                r.orders().record(caller, orderId, new ServiceOrder.Event(0, now, caller.user(), null, null,
                        "known error", "fix of known error " + id + " released at " + at
                                + ": the resolution time runs"));
            }
            return r.support().releaseFix(caller, id, version, at);
        });
    }

    @Override
    public List<Contact> contacts(Caller caller, long contractId) {
        return store.read(r -> r.support().contacts(caller, contractId));
    }

    @Override
    public Contact addContact(Caller caller, long contractId, ContactDraft draft) {
        Checks.draft(draft);
        String name = Checks.text(draft.name(), "name", 200);
        String email = Checks.text(draft.email(), "email", 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("email", "email is not an e-mail address");
        }
        String phone = Checks.optionalText(draft.phone(), "phone", 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw DomainException.invalid("phone", "phone has digits, spaces, +, -, ( and ) only");
        }
        boolean emails = draft.registrationEmails() == null || draft.registrationEmails();
        return store.tx(r -> {
            contract(r, caller, contractId);
            Access.requireDealer(caller);
            // KMUA-SW-1: the contract's named contacts
            return r.support().addContact(caller, new Contact(0, contractId, name, email, phone, emails));
        });
    }

    @Override
    public ServiceOrder buy(Caller caller, long orderId, long version, OrderDraft draft) {
        Checks.draft(draft);
        Code code = Checks.required(draft.code(), "code");
        BigDecimal hours = hours(code, draft.reactionHours());
        String serviceHours = serviceHours(code, draft.serviceHours());
        change(caller, orderId, version, (r, o, now) -> {
            requireOpen(o, "given an extra");
            if (o.respondedAt() != null) {
                throw DomainException.rule(SoftwareOrders.EXTRA, "code", "order " + o.number() + " was responded to"
                        + " at " + o.respondedAt() + ": an extra no longer changes its response");
            }
            Map<String, String> facts = SoftwareOrders.withExtra(r.support().facts(o.id()), code, hours,
                    serviceHours);
            ServiceOrder.Deadline d = SoftwareOrders.deadline(deadlines, contract(r, o), o.registeredAt(), facts);
            // KMUA-EXTRA-1: the vendor's rule must honour the extra (24/7 only in Kyiv, ...), else it is refused
            if (d.original() == null || !SoftwareOrders.EXTRA.equals(d.rule())) {
                throw DomainException.rule(SoftwareOrders.EXTRA, "code", code + " refused: " + d.reason());
            }
            r.support().facts(o.id(), facts);
            r.support().addExtra(caller, new Extra(0, o.contractId(), o.id(), code, hours, serviceHours, null,
                    null, now, caller.user(), SoftwareOrders.item(code)));
            event(r, caller, o, now, "extra", code + ": " + d.reason());
            return o.withDeadline(d);
        });
        return orders.get(caller, orderId);
    }

    @Override
    public List<Extra> ofOrder(Caller caller, long orderId) {
        return store.read(r -> r.support().extrasOfOrder(find(r, caller, orderId).id()));
    }

    @Override
    public Extra buyForPeriod(Caller caller, long contractId, PeriodDraft draft) {
        Checks.draft(draft);
        Code code = Checks.required(draft.code(), "code");
        BigDecimal hours = hours(code, draft.reactionHours());
        String serviceHours = serviceHours(code, draft.serviceHours());
        LocalDate from = Checks.required(Checks.date(draft.from(), "from"), "from");
        LocalDate to = Checks.required(Checks.date(draft.to(), "to"), "to");
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "a period ends on or after its first day");
        }
        Instant now = clock.instant();
        return store.tx(r -> {
            contract(r, caller, contractId);
            Access.requireDealer(caller);
            return r.support().addExtra(caller, new Extra(0, contractId, null, code, hours, serviceHours, from, to,
                    now, caller.user(), SoftwareOrders.item(code)));
        });
    }

    @Override
    public List<Extra> ofContract(Caller caller, long contractId) {
        return store.read(r -> r.support().extrasOfContract(caller, contractId));
    }

    private static BigDecimal hours(Code code, BigDecimal hours) {
        if (code != Code.SHORTER_RESPONSE) {
            return null;
        }
        BigDecimal h = Checks.amount(Checks.required(hours, "reactionHours"), "reactionHours", MAX_HOURS, 2);
        if (h.signum() == 0) {
            throw DomainException.invalid("reactionHours", "reactionHours must be more than 0");
        }
        return h;
    }

    private static String serviceHours(Code code, String hours) {
        if (code != Code.OUT_OF_HOURS) {
            return null;
        }
        String h = Checks.text(hours, "serviceHours", 11);
        if (!SERVICE_HOURS.matcher(h).matches()) {
            throw DomainException.invalid("serviceHours", "serviceHours is HH:MM-HH:MM, e.g. 08:00-22:00");
        }
        return h;
    }

    /** A change of a software order by dealer staff. */
    private Incident software(Caller caller, long id, long version, Change change) {
        StoredOrder saved = change(caller, id, version, (r, o, now) -> {
            Access.requireDealer(caller);
            return change.apply(r, o, now);
        });
        return incident(caller, saved.id());
    }

    private StoredOrder change(Caller caller, long id, long version, Change change) {
        Instant now = clock.instant();
        return store.tx(r -> {
            StoredOrder o = r.orders().lock(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
            if (o.version() != version) {
                throw DomainException.stale("order", id, version);
            }
            return r.orders().update(caller, change.apply(r, o, now));
        });
    }

    private Incident incident(Repositories r, Caller caller, StoredOrder o) {
        StoredIncident i = incidentOf(r, o);
        BusinessCalendar calendar = calendars.calendar(o.market());
        Map<String, String> facts = new LinkedHashMap<>(r.support().facts(o.id()));
        facts.put("kind", "resolution");
        Instant start = i.analysisEndedAt();
        if (start != null) {
            facts.put("analysisEndedAt", start.toString());
        }
        if (i.knownErrorId() != null) {
            facts.put("knownError", "true");
            Optional<Instant> fix = r.support().knownError(Caller.system(), i.knownErrorId())
                    .map(KnownError::fixReleasedAt);
            if (fix.isPresent()) {
                facts.put("fixReleasedAt", fix.get().toString());
                start = start == null || fix.get().isAfter(start) ? fix.get() : start;
            }
        }
        ServiceOrder.Deadline resolution = SoftwareOrders.deadline(deadlines, contract(r, o), o.registeredAt(),
                facts);
        Instant due = null;
        if (resolution.original() != null && start != null && !resolution.original().isBefore(start)) {
            due = new SlaClock(calendar, start, resolution.original()).at(clock.instant(), pauses(r, caller, o)
                    .stream().map(p -> new SlaClock.Pause(p.from(), Optional.ofNullable(p.to()), p.reason().name()))
                    .toList()).deadline();
        }
        return new Incident(o.id(), o.number(), o.kind(), o.state(), i.proposedPriority(), i.priority(),
                i.priorityAgreed(), i.knownErrorId(), i.analysisEndedAt(), resolution, due, i.closingReason(),
                i.closingNote(), i.consultation(), i.confirmedBy(), disputeUntil(o), o.version());
    }

    /** KMUA-SW-3: 3 working hours of the market from the registration, when its confirmation goes out. */
    private Instant disputeUntil(StoredOrder o) {
        BusinessCalendar calendar = calendars.calendar(o.market());
        return calendar.plusBusinessTime(calendar.clockStart(o.registeredAt()), DISPUTE_WINDOW);
    }

    private static StoredIncident incidentOf(Repositories r, StoredOrder o) {
        return r.support().incident(o.id()).orElseThrow(() -> DomainException.notFound("software incident",
                o.id()));
    }

    private static StoredOrder find(Repositories r, Caller caller, long id) {
        return r.orders().find(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
    }

    private static StoredContract contract(Repositories r, StoredOrder o) {
        return r.contracts().find(Caller.system(), o.contractId())
                .orElseThrow(() -> DomainException.notFound("contract", o.contractId()));
    }

    private static StoredContract contract(Repositories r, Caller caller, long id) {
        return r.contracts().find(caller, id).orElseThrow(() -> DomainException.notFound("contract", id));
    }

    private static List<Pause> pauses(Repositories r, Caller caller, StoredOrder o) {
        return r.orders().pauses(caller, List.of(o.id())).getOrDefault(o.id(), List.of());
    }

    private static void requireOpen(StoredOrder o, String what) {
        if (!o.state().open()) {
            throw DomainException.rule(OrderServiceImpl.STATES, "state", "order " + o.number() + " is " + o.state()
                    + " and can no longer be " + what);
        }
    }

    private static void event(Repositories r, Caller caller, StoredOrder o, Instant at, String what, String reason) {
        r.orders().record(caller, o.id(), new ServiceOrder.Event(0, at, caller.user(), null, null, what, reason));
    }

    /** KMUA-ORDER-2: a notification to the order's contact, in the outbox of this very transaction. */
    private static void notify(Repositories r, StoredOrder o, Instant at, String what, String note) {
        String to = o.details().contactEmail();
        if (to != null) {
            r.outbox().enqueue(to, "Service order " + o.number() + ": " + what, "Service order " + o.number() + " ("
                    + o.kind() + ") is " + o.state() + ".\n" + note + "\n", at);
        }
    }
}
