package org.dealerhub.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.FaultCause;
import org.dealerhub.api.Loan;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.MonitoringEvent.Decision;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderOperations;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.WorkFacts;
import org.dealerhub.core.orders.MonitoringFaults;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredContract;
import org.dealerhub.persistence.api.StoredOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Remote-monitoring events, loan devices, resolutions and work on service orders. Every change of an order locks
 * its row, checks the version the caller read and moves it on, in one transaction with everything it writes; the
 * handover acts' meter readings are decided in that transaction too, under the devices' row locks.
 */
@Component
public class OrderOperationsImpl implements OrderOperations {

    static final String MONITORING = MonitoringFaults.RULE;
    static final String LOAN = "KMUA-ORDER-4";
    static final String RESOLVED_BY = "KMUA-ORDER-5";
    static final String HANDOVER = "KMUA-ORDER-8";
    static final String EXIT = "KMUA-EXIT-2";
    static final String SAME_DAY = "PORTAL-METER-2";
    static final int MAX_MINUTES = 24 * 60;
    static final int MAX_TONER_ENTRIES = 20;

    private final Store store;
    private final OrderServiceImpl orders;
    private final MeterReadingServiceImpl meters;
    private final VendorRegistry vendors;
    private final MarketCalendars calendars;
    private final Clock clock;

    @Activate
    public OrderOperationsImpl(@Reference Store store, @Reference OrderServiceImpl orders,
            @Reference MeterReadingServiceImpl meters, @Reference VendorRegistry vendors,
            @Reference MarketCalendars calendars, @Reference Clock clock) {
        this.store = store;
        this.orders = orders;
        this.meters = meters;
        this.vendors = vendors;
        this.calendars = calendars;
        this.clock = clock;
    }

    /**
     * KMUA-CHAN-1, KMUA-ORDER-3. The reading, the check for an open order and the registration run in one
     * transaction under the device's row lock, so of two events for one fault (a retry, or two callers at once)
     * exactly one opens the order. Platform decision: the order's contact is the device's contact on its latest
     * order; without one the order waits for it (KMUA-ORDER-1) like any incomplete order.
     */
    @Override
    public MonitoringEvent.Outcome record(Caller caller, MonitoringEvent event) {
        Access.requireDealer(caller);
        MonitoringEvent e = valid(event);
        Instant now = clock.instant();
        String code = e.errorCode();
        Optional<String> undiagnosable = MonitoringFaults.undiagnosable(code, e.symptom());
        record Found(Optional<StoredContract> contract, Optional<StoredOrder> contact) {
        }
        Found found = store.read(r -> {
            Device device = DeviceServiceImpl.find(r, caller, e.deviceId());
            return new Found(r.contracts().withDevice(caller, device.id()).stream()
                    .filter(c -> runsOn(c, today(c.market(), now))).findFirst(),
                    r.orders().list(caller, null, device.id(), null, 0, Integer.MAX_VALUE).stream()
                            .filter(o -> o.details().contactEmail() != null).reduce((a, b) -> b));
        });
        Optional<StoredContract> contract = found.contract();
        ServiceOrder.Details contact = found.contact().map(StoredOrder::details).orElse(null);
        if (code == null || undiagnosable.isPresent() || contract.isEmpty()) {
            Decision decision = code == null ? Decision.NO_FAULT
                    : undiagnosable.isPresent() ? Decision.NOT_DIAGNOSABLE : Decision.NO_CONTRACT;
            String reason = switch (decision) {
                case NO_FAULT -> "no error code";
                case NOT_DIAGNOSABLE -> "a device cannot diagnose " + undiagnosable.get()
                        + " itself: a person reports it";
                default -> "no contract covers device " + e.deviceId() + " today";
            };
            return store.tx(r -> {
                MeterReading.Outcome reading = reading(r, caller, e, contract, now);
                return saved(r, e, new MonitoringEvent.Outcome(0, e.deviceId(), decision,
                        decision == Decision.NO_FAULT ? null : MONITORING, reason, null, null, reading), now, caller);
            });
        }
        StoredContract c = contract.get();
        AtomicReference<MeterReading.Outcome> reading = new AtomicReference<>();
        AtomicBoolean existed = new AtomicBoolean();
        ServiceOrder order = orders.register(caller, new ServiceOrder.Draft(e.deviceId(), c.id(), OrderKind.REPAIR,
                OrderChannel.MONITORING, null, e.symptom() != null ? e.symptom() : "remote monitoring: " + code, code,
                e.counters() == null ? null : total(e.counters()), contact == null ? null : contact.contactName(),
                contact == null ? null : contact.contactEmail(), Map.of()), r -> {
                    // the device's row lock first: events for one device are decided one after the other
                    r.readings().writable(caller, e.deviceId());
                    reading.set(reading(r, caller, e, contract, now));
                    Optional<Long> open = r.orders().list(caller, null, e.deviceId(), null, 0, Integer.MAX_VALUE)
                            .stream().filter(o -> o.state().open() && o.kind() == OrderKind.REPAIR
                                    && code.equalsIgnoreCase(o.details().errorCode()))
                            .map(StoredOrder::id).findFirst();
                    existed.set(open.isPresent());
                    return open;
                });
        Decision decision = existed.get() ? Decision.ALREADY_OPEN : Decision.OPENED;
        String reason = existed.get() ? "order " + order.number() + " is open for " + code
                : "opened order " + order.number() + " for " + code;
        return store.tx(r -> saved(r, e, new MonitoringEvent.Outcome(0, e.deviceId(), decision, MONITORING, reason,
                order.id(), order.number(), reading.get()), now, caller));
    }

    private static MonitoringEvent.Outcome saved(Repositories r, MonitoringEvent e, MonitoringEvent.Outcome o,
            Instant now, Caller caller) {
        long id = r.operations().recordEvent(e, o, now, caller.user());
        return new MonitoringEvent.Outcome(id, o.deviceId(), o.decision(), o.rule(), o.reason(), o.orderId(),
                o.orderNumber(), o.reading());
    }

    /** The event's counters as the meter reading of its day in the contract's market (PORTAL-METER-1..3). */
    private MeterReading.Outcome reading(Repositories r, Caller caller, MonitoringEvent e,
            Optional<StoredContract> contract, Instant now) {
        if (e.counters() == null) {
            return null;
        }
        ZoneId zone = contract.map(c -> calendars.calendar(c.market()).zone())
                .orElseGet(() -> calendars.calendar(r.organisations().find(caller, DeviceServiceImpl.find(r, caller,
                        e.deviceId()).organisationId()).orElseThrow().market()).zone());
        return meters.submit(r, caller, e.deviceId(), List.of(new MeterReading.Draft(LocalDate.ofInstant(e.at(),
                zone), e.counters())), now).get(0);
    }

    private MonitoringEvent valid(MonitoringEvent e) {
        Checks.draft(e);
        long deviceId = Checks.id(e.deviceId(), "deviceId");
        Instant at = Checks.instant(Checks.required(e.at(), "at"), "at");
        if (at.isAfter(clock.instant())) {
            throw DomainException.invalid("at", "an event cannot lie in the future");
        }
        Map<String, Integer> toner = e.toner() == null ? Map.of() : e.toner();
        if (toner.size() > MAX_TONER_ENTRIES) {
            throw DomainException.invalid("toner", "at most " + MAX_TONER_ENTRIES + " supply levels");
        }
        toner.forEach((name, level) -> {
            Checks.text(name, "toner", 40);
            Checks.range(Checks.required(level, "toner." + name), "toner." + name, 0, 100);
        });
        if (e.counters() != null) {
            long[] values = e.counters().values();
            for (int i = 0; i < values.length; i++) {
                Checks.range(values[i], "counters." + Counters.NAMES[i], 0, Checks.MAX_COUNTER);
            }
        }
        return new MonitoringEvent(deviceId, at, Checks.optionalText(e.errorCode(), "errorCode", 60),
                Checks.optionalText(e.symptom(), "symptom", 2000), toner, e.counters());
    }

    /**
     * KMUA-ORDER-4: a device that cannot be restored within the contract's recovery period gets a loan device,
     * unless the customer's users, third parties or external forces caused the fault (the customer declining is a
     * loan not asked for); it stays until the repair is complete or the contract ends. KMUA-ORDER-8: the swap's
     * handover act records both devices' counters, which become their meter readings.
     */
    @Override
    public Loan lend(Caller caller, long orderId, long version, Loan.Draft draft) {
        Checks.draft(draft);
        long loanDeviceId = Checks.id(draft.loanDeviceId(), "loanDeviceId");
        FaultCause cause = Checks.required(draft.cause(), "cause");
        Loan.Handover swap = handover(draft.swap(), "swap");
        Instant now = clock.instant();
        return store.tx(r -> {
            StoredOrder o = locked(r, caller, orderId, version);
            if (!o.state().open()) {
                throw DomainException.rule(OrderServiceImpl.STATES, "state", "order " + o.number() + " is "
                        + o.state() + ": no loan device any more");
            }
            if (o.kind() != OrderKind.REPAIR) {
                throw DomainException.rule(LOAN, "orderId", "a loan device replaces a device under repair, and "
                        + o.number() + " is a " + o.kind() + " order");
            }
            if (cause.customersSide()) {
                throw DomainException.rule(LOAN, "cause", "no loan device when the fault's cause is " + cause
                        + " (the customer's users, third parties or external forces)");
            }
            if (loanDeviceId == o.deviceId()) {
                throw DomainException.invalid("loanDeviceId", "a device cannot replace itself");
            }
            if (r.operations().loans(caller, orderId).stream().anyMatch(l -> l.to() == null)) {
                throw DomainException.conflict("loanDeviceId", "order " + o.number() + " has a loan device already:"
                        + " return it first");
            }
            StoredContract contract = r.contracts().find(caller, o.contractId())
                    .orElseThrow(() -> DomainException.notFound("contract", o.contractId()));
            LocalDate date = day(swap.date(), "swap.date", o, now);
            if (!runsOn(contract, date)) {
                throw DomainException.rule(LOAN, "swap.date", "contract " + contract.id() + " does not run on "
                        + date + ": a loan lasts until the contract ends");
            }
            DeviceServiceImpl.find(r, caller, loanDeviceId);
            MeterReading.Outcome device = handoverReading(r, caller, o.deviceId(), date, swap.deviceCounters(),
                    "swap.deviceCounters", now);
            MeterReading.Outcome loan = handoverReading(r, caller, loanDeviceId, date, swap.loanCounters(),
                    "swap.loanCounters", now);
            // the loan device's row is locked by its reading now, so two lendings of it are decided in turn
            r.operations().openLoanOfLoanDevice(loanDeviceId).ifPresent(l -> {
                throw DomainException.conflict("loanDeviceId", "device " + loanDeviceId + " is lent on order "
                        + l.orderNumber() + " since " + l.from());
            });
            long id = r.operations().lend(o.id(), o.contractId(), o.deviceId(), loanDeviceId, cause, date,
                    caller.user());
            r.operations().act(id, "SWAP", o.deviceId(), date, swap.deviceCounters(), device, now, caller.user());
            r.operations().act(id, "SWAP", loanDeviceId, date, swap.loanCounters(), loan, now, caller.user());
            event(r, caller, o, now, "loan", "device " + loanDeviceId + " lent in place of device " + o.deviceId()
                    + " from " + date);
            return loan(r, caller, o, id, List.of(device, loan));
        });
    }

    /** KMUA-ORDER-8: the loan device goes back after the repair; the return's act records both devices' counters. */
    @Override
    public Loan giveBack(Caller caller, long orderId, long version, long loanId, Loan.Handover handover) {
        Loan.Handover back = handover(handover, "");
        Instant now = clock.instant();
        return store.tx(r -> {
            StoredOrder o = locked(r, caller, orderId, version);
            Loan open = r.operations().loans(caller, orderId).stream().filter(l -> l.id() == loanId && l.to() == null)
                    .findFirst().orElseThrow(() -> DomainException.notFound("open loan", loanId));
            LocalDate date = day(back.date(), "date", o, now);
            if (date.isBefore(open.from())) {
                throw DomainException.rule(HANDOVER, "date", "the loan device was handed over on " + open.from());
            }
            MeterReading.Outcome device = handoverReading(r, caller, o.deviceId(), date, back.deviceCounters(),
                    "deviceCounters", now);
            MeterReading.Outcome loan = handoverReading(r, caller, open.loanDeviceId(), date, back.loanCounters(),
                    "loanCounters", now);
            r.operations().endLoan(o.id(), loanId, date, caller.user());
            r.operations().act(loanId, "RETURN", o.deviceId(), date, back.deviceCounters(), device, now,
                    caller.user());
            r.operations().act(loanId, "RETURN", open.loanDeviceId(), date, back.loanCounters(), loan, now,
                    caller.user());
            event(r, caller, o, now, "loan returned", "device " + open.loanDeviceId() + " returned on " + date);
            return loan(r, caller, o, loanId, List.of(device, loan));
        });
    }

    @Override
    public List<Loan> loans(Caller caller, long orderId) {
        return store.read(r -> {
            long version = visible(r, caller, orderId).version();
            return r.operations().loans(caller, orderId).stream().map(l -> versioned(l, List.of(), version)).toList();
        });
    }

    /**
     * KMUA-ORDER-5: resolved by the repair, by a loan device (one must be lent now), or by taking a customer-owned
     * device of another manufacturer out of service (KMUA-EXIT-2: its maker differs from the contract's vendor).
     */
    @Override
    public ServiceOrder resolve(Caller caller, long orderId, long version, Resolution resolution) {
        Checks.draft(resolution);
        Resolution.Kind kind = Checks.required(resolution.kind(), "kind");
        String note = Checks.optionalText(resolution.note(), "note", 1000);
        return orders.transition(caller, orderId, version, new ServiceOrder.Transition(OrderState.RESOLVED,
                note == null ? kind.name() : kind + ": " + note, null), (r, o, pauses, now) -> {
                    Access.requireDealer(caller);
                    if (kind == Resolution.Kind.LOAN_DEVICE
                            && r.operations().loans(caller, orderId).stream().noneMatch(l -> l.to() == null)) {
                        throw DomainException.rule(RESOLVED_BY, "kind", "order " + o.number() + " has no loan"
                                + " device lent: lend one first");
                    }
                    if (kind == Resolution.Kind.OUT_OF_SERVICE) {
                        StoredContract c = r.contracts().find(caller, o.contractId())
                                .orElseThrow(() -> DomainException.notFound("contract", o.contractId()));
                        Device device = DeviceServiceImpl.find(r, caller, o.deviceId());
                        if (device.vendor().equalsIgnoreCase(c.vendor())) {
                            throw DomainException.rule(EXIT, "kind", "only a customer-owned device of another"
                                    + " manufacturer is taken out of service, and device " + device.id() + " is "
                                    + c.vendor() + "'s");
                        }
                    }
                    r.operations().resolution(o.id(), kind);
                    event(r, caller, o, now, "resolution", kind + (note == null ? "" : ": " + note));
                    return o;
                });
    }

    /**
     * Work on an order, classified by the contract's vendor (PN-FAULT-1..3, KMUA-ORDER-6, CANON-DMS-2, KMNO-WAIT-1,
     * KMNO-SUPPORT-2): the decision and its rule are stored with the minutes, for billing.
     */
    @Override
    public OrderWork addWork(Caller caller, long orderId, long version, OrderWork.Draft draft) {
        Checks.draft(draft);
        OrderWork.Kind kind = Checks.required(draft.kind(), "kind");
        int minutes = (int) Checks.range(Checks.required(draft.minutes(), "minutes"), "minutes", 1, MAX_MINUTES);
        FaultCause cause = Checks.required(draft.cause(), "cause");
        String note = Checks.optionalText(draft.note(), "note", 1000);
        Map<String, String> facts = ResponseDeadlineService.facts(draft.facts());
        Checks.date(draft.date(), "date");
        Instant now = clock.instant();
        return store.tx(r -> {
            StoredOrder o = locked(r, caller, orderId, version);
            if (o.state() == OrderState.CANCELLED) {
                throw DomainException.rule(OrderServiceImpl.STATES, "state", "order " + o.number()
                        + " is cancelled: no work on it");
            }
            LocalDate date = day(draft.date(), "date", o, now);
            StoredContract c = r.contracts().find(caller, o.contractId())
                    .orElseThrow(() -> DomainException.notFound("contract", o.contractId()));
            Coverage coverage = vendors.coverage(c.vendor(), new WorkFacts(c.market(), c.packageCode(),
                    o.kind().name(), kind.name(), minutes, cause.name(), facts));
            OrderWork work = new OrderWork(0, o.id(), o.number(), o.deviceId(), date, kind, minutes, cause,
                    coverage.covered(), coverage.rule(), coverage.reason(), note, now, caller.user(), 0);
            long id = r.operations().addWork(work);
            event(r, caller, o, now, "work", minutes + " min " + kind + ", " + (coverage.covered() ? "covered"
                    : "not covered") + " (" + coverage.rule() + ")");
            long next = r.orders().update(caller, o).version();
            return new OrderWork(id, work.orderId(), work.orderNumber(), work.deviceId(), date, kind, minutes, cause,
                    work.covered(), work.rule(), work.reason(), note, now, caller.user(), next);
        });
    }

    @Override
    public List<OrderWork> work(Caller caller, long orderId) {
        return store.read(r -> {
            long version = visible(r, caller, orderId).version();
            return r.operations().work(caller, orderId).stream().map(w -> new OrderWork(w.id(), w.orderId(),
                    w.orderNumber(), w.deviceId(), w.date(), w.kind(), w.minutes(), w.cause(), w.covered(), w.rule(),
                    w.reason(), w.note(), w.recordedAt(), w.recordedBy(), version)).toList();
        });
    }

    /** The visible order locked at the version the caller read; a customer may see it but change nothing here. */
    private static StoredOrder locked(Repositories r, Caller caller, long id, long version) {
        StoredOrder o = r.orders().lock(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
        if (o.version() != version) {
            throw DomainException.stale("order", id, version);
        }
        Access.requireDealer(caller);
        return o;
    }

    private static StoredOrder visible(Repositories r, Caller caller, long id) {
        return r.orders().find(caller, id).orElseThrow(() -> DomainException.notFound("order", id));
    }

    /** The loan as written, with this request's readings and the order's next version. */
    private static Loan loan(Repositories r, Caller caller, StoredOrder o, long loanId,
            List<MeterReading.Outcome> readings) {
        long next = r.orders().update(caller, o).version();
        Loan l = r.operations().loans(caller, o.id()).stream().filter(x -> x.id() == loanId).findFirst()
                .orElseThrow();
        return versioned(l, readings, next);
    }

    private static Loan versioned(Loan l, List<MeterReading.Outcome> readings, long version) {
        return new Loan(l.id(), l.orderId(), l.orderNumber(), l.contractId(), l.deviceId(), l.loanDeviceId(),
                l.cause(), l.from(), l.to(), l.swap(), l.returned(), l.lentBy(), l.returnedBy(), readings, version);
    }

    private static Loan.Handover handover(Loan.Handover h, String at) {
        String prefix = at.isEmpty() ? "" : at + ".";
        Checks.required(h, at.isEmpty() ? "body" : at);
        Checks.date(h.date(), prefix + "date");
        for (var counters : Map.of(prefix + "deviceCounters", Optional.ofNullable(h.deviceCounters()),
                prefix + "loanCounters", Optional.ofNullable(h.loanCounters())).entrySet()) {
            long[] values = Checks.required(counters.getValue().orElse(null), counters.getKey()).values();
            for (int i = 0; i < values.length; i++) {
                Checks.range(values[i], counters.getKey() + "." + Counters.NAMES[i], 0, Checks.MAX_COUNTER);
            }
        }
        return h;
    }

    /**
     * KMUA-ORDER-8 with PORTAL-METER-1..3: a handover's counters become the device's reading of that day. Counters
     * lower than the device's history refuse the act (PORTAL-METER-1); a reading of that day already there keeps
     * it and the act still stands (PORTAL-METER-2, reported in the answer).
     */
    private MeterReading.Outcome handoverReading(Repositories r, Caller caller, long deviceId, LocalDate date,
            Counters counters, String field, Instant now) {
        MeterReading.Outcome outcome = meters.submit(r, caller, deviceId, List.of(new MeterReading.Draft(date,
                counters)), now).get(0);
        if (!outcome.accepted() && !SAME_DAY.equals(outcome.rule())) {
            throw DomainException.rule(outcome.rule(), outcome.field() == null ? field : field + "."
                    + outcome.field(), "device " + deviceId + ": " + outcome.error());
        }
        return outcome;
    }

    /** A handover or work day: today in the market's zone when not given; between registration and today. */
    private LocalDate day(LocalDate given, String field, StoredOrder o, Instant now) {
        ZoneId zone = calendars.calendar(o.market()).zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate date = given == null ? today : given;
        if (date.isAfter(today) || date.isBefore(LocalDate.ofInstant(o.registeredAt(), zone))) {
            throw DomainException.invalid(field, field + " lies between the order's registration and today");
        }
        return date;
    }

    private LocalDate today(String market, Instant now) {
        return LocalDate.ofInstant(now, calendars.calendar(market).zone());
    }

    private static boolean runsOn(StoredContract c, LocalDate day) {
        return !c.start().isAfter(day) && c.runsOnOrAfter(day);
    }

    private static void event(Repositories r, Caller caller, StoredOrder o, Instant at, String what, String reason) {
        r.orders().record(caller, o.id(), new ServiceOrder.Event(0, at, caller.user(), null, null, what, reason));
    }

    private static long total(Counters c) {
        return c.monoA4() + c.colourA4() + c.monoA3() + c.colourA3();
    }
}
