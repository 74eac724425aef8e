package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.ServiceOrder.PauseReason;
import org.dealerhub.persistence.api.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Service orders on the real persistence unit; the clock starts on Monday 8 June 2026, 09:00 in Oslo. */
class OrderServiceTest {

    private static final Caller STAFF = TestPlatform.STAFF;

    private TestPlatform platform;
    private long org;
    private long device;
    private long contract;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        at("2026-06-08T07:00:00Z"); // Monday 09:00 in Oslo
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindRule(TestPlatform.FOUR_HOURS, TestPlatform.ACME);
        org = organisation("Fjord AS", "1");
        device = device(org, "SN-1");
        contract = contract(org, device);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long organisation(String name, String account) {
        return platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft(name, account, "S" + account,
                "NO")).id();
    }

    private long device(long organisation, String serial) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, "acme", "A1", null,
                DeviceFormat.A4_MONO, serial, "SI-" + serial, null, false)).id();
    }

    private long contract(long organisation, long deviceId) {
        return platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(organisation, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(deviceId))).id();
    }

    private static ServiceOrder.Draft repair(long deviceId, long contractId) {
        return new ServiceOrder.Draft(deviceId, contractId, OrderKind.REPAIR, OrderChannel.WEB, null, "paper jam",
                "C-2557", 12_345L, "Kari Nordmann", "kari@fjord.no", Map.of());
    }

    private ServiceOrder register() {
        return platform.orders.register(STAFF, repair(device, contract));
    }

    private void at(String instant) {
        platform.clock.set(Instant.parse(instant));
    }

    private List<OutboxMessage> outbox() {
        return platform.store.read(r -> r.outbox().all());
    }

    private static DomainException refused(DomainException.Kind kind, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void KMUA_CHAN_2_aRegistrationGetsANumberTheVendorsDeadlineAndAConfirmationToTheContact() {
        ServiceOrder order = register();
        assertEquals("SO-2026-" + order.id(), order.number());
        assertEquals(OrderState.REGISTERED, order.state());
        assertEquals(OrderChannel.WEB, order.channel());
        assertEquals("SI-SN-1", order.details().serviceNumber(), "the device's service number by default");
        // four business hours from Monday 09:00 in Oslo
        assertEquals(Instant.parse("2026-06-08T11:00:00Z"), order.deadline().original());
        assertEquals("ACME-4H", order.deadline().rule());
        assertEquals(240, order.sla().budgetMinutes());
        assertTrue(order.sla().running());
        assertEquals(List.of(), order.missing());

        List<OutboxMessage> sent = outbox();
        assertEquals(1, sent.size());
        assertEquals("kari@fjord.no", sent.get(0).recipient());
        assertTrue(sent.get(0).subject().contains(order.number()));
        assertNull(sent.get(0).sentAt());
        assertEquals("registered", platform.orders.history(STAFF, order.id()).get(0).what());
    }

    @Test
    void KMUA_ORDER_1_anIncompleteOrderIsAcceptedButHeldAndTheWaitIsTheCustomers() {
        ServiceOrder order = platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.CONSOLE, null, null, null, null, "Kari", "kari@fjord.no", null));
        assertEquals(List.of("errorCode or symptom", "meterReading"), order.missing());
        assertEquals(PauseReason.INCOMPLETE, order.pauses().get(0).reason());
        assertFalse(order.sla().running());

        long incomplete = order.pauses().get(0).id();
        long version = order.version();
        assertEquals(OrderServiceImpl.COMPLETE, refused(DomainException.Kind.RULE, () -> platform.orders.transition(
                STAFF, order.id(), version, new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null))).rule());
        assertEquals(OrderServiceImpl.COMPLETE, refused(DomainException.Kind.RULE,
                () -> platform.orders.release(STAFF, order.id(), version, incomplete)).rule());

        at("2026-06-08T08:00:00Z");
        ServiceOrder half = platform.orders.complete(Caller.customer("kari", org), order.id(), version,
                new ServiceOrder.Details(null, "streaks", null, null, null, null));
        assertEquals(List.of("meterReading"), half.missing());
        at("2026-06-08T09:00:00Z");
        ServiceOrder complete = platform.orders.complete(STAFF, order.id(), half.version(),
                new ServiceOrder.Details(null, null, null, 4_000L, null, null));
        assertEquals(List.of(), complete.missing());
        assertEquals(Instant.parse("2026-06-08T09:00:00Z"), complete.pauses().get(0).to());
        // two hours held: nothing used, the deadline two business hours later
        at("2026-06-08T10:00:00Z");
        ServiceOrder running = platform.orders.get(STAFF, order.id());
        assertEquals(60, running.sla().usedMinutes());
        assertEquals(120, running.sla().pausedMinutes());
        assertEquals(Instant.parse("2026-06-08T13:00:00Z"), running.sla().deadline());
        assertTrue(running.sla().running());
    }

    @Test
    void KMUA_ORDER_2_onlyTheStatesTransitionsEachRecordedWithWhoWhenWhyAndNotified() {
        ServiceOrder order = register();
        DomainException closed = refused(DomainException.Kind.RULE, () -> platform.orders.transition(STAFF,
                order.id(), order.version(), new ServiceOrder.Transition(OrderState.CLOSED, null, null)));
        assertEquals("KMUA-ORDER-2", closed.rule());
        assertEquals(order.version(), platform.orders.get(STAFF, order.id()).version(), "a refusal changes nothing");

        ServiceOrder working = platform.orders.transition(STAFF, order.id(), order.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, "technician assigned", null));
        assertEquals("nextVisit", refused(DomainException.Kind.RULE, () -> platform.orders.transition(STAFF,
                order.id(), working.version(), new ServiceOrder.Transition(OrderState.EXTENDED, "part ordered",
                        null))).field());
        Instant visit = Instant.parse("2026-06-10T08:00:00Z");
        ServiceOrder extended = platform.orders.transition(STAFF, order.id(), working.version(),
                new ServiceOrder.Transition(OrderState.EXTENDED, "fuser ordered", visit));
        assertEquals(visit, extended.nextVisit());
        ServiceOrder resolved = platform.orders.transition(STAFF, order.id(), extended.version(),
                new ServiceOrder.Transition(OrderState.RESOLVED, "fuser replaced", null));
        assertEquals("resolved", resolved.response(), "resolving answers an order not yet responded to");
        ServiceOrder done = platform.orders.transition(STAFF, order.id(), resolved.version(),
                new ServiceOrder.Transition(OrderState.CLOSED, null, null));
        assertEquals(OrderState.CLOSED, done.state());
        refused(DomainException.Kind.RULE, () -> platform.orders.transition(STAFF, order.id(), done.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null)));

        List<ServiceOrder.Event> moves = platform.orders.history(STAFF, order.id()).stream()
                .filter(e -> e.what().equals("transition")).toList();
        assertEquals(List.of(OrderState.IN_PROGRESS, OrderState.EXTENDED, OrderState.RESOLVED, OrderState.CLOSED),
                moves.stream().map(ServiceOrder.Event::to).toList());
        assertEquals(List.of(OrderState.REGISTERED, OrderState.IN_PROGRESS, OrderState.EXTENDED, OrderState.RESOLVED),
                moves.stream().map(ServiceOrder.Event::from).toList());
        assertEquals("fuser ordered", moves.get(1).reason());
        assertTrue(moves.stream().allMatch(e -> e.by().equals("staff") && e.at() != null));
        assertEquals(5, outbox().size(), "the registration and each of the four changes notify the contact");
    }

    @Test
    void KMUA_DEBT_1_noResponseObligationWhileTheDebtStandsAndWorkWaitsForPayment() {
        ServiceOrder order = register();
        at("2026-06-08T08:00:00Z"); // Monday 10:00 in Oslo
        ServiceOrder held = platform.orders.hold(STAFF, order.id(), order.version(),
                new ServiceOrder.Hold(PauseReason.DEBT, "invoice 2026-0412 unpaid"));
        assertEquals(DomainException.Kind.CONFLICT, refused(DomainException.Kind.CONFLICT, () -> platform.orders
                .hold(STAFF, order.id(), held.version(), new ServiceOrder.Hold(PauseReason.DEBT, null))).kind());
        assertEquals("KMUA-DEBT-1", refused(DomainException.Kind.RULE, () -> platform.orders.respond(STAFF,
                order.id(), held.version(), new ServiceOrder.Response(null, "remote diagnostics"))).rule());
        assertEquals("KMUA-DEBT-1", refused(DomainException.Kind.RULE, () -> platform.orders.transition(STAFF,
                order.id(), held.version(), new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null))).rule());

        at("2026-06-09T07:00:00Z"); // paid on Tuesday 09:00 in Oslo
        ServiceOrder paid = platform.orders.release(STAFF, order.id(), held.version(), held.pauses().get(0).id());
        // held Monday 10:00-16:00 and Tuesday 08:00-09:00: seven business hours, the night not counted
        assertEquals(420, paid.sla().pausedMinutes());
        assertEquals(60, paid.sla().usedMinutes());
        assertEquals(Instant.parse("2026-06-09T10:00:00Z"), paid.sla().deadline());
        assertFalse(paid.sla().breached());
    }

    @Test
    void KMUA_SW_3_everyOpenQuestionPausesTheClockAndAllPausesCount() {
        ServiceOrder order = register();
        long version = order.version();
        for (String[] question : new String[][] {{"2026-06-08T07:30:00Z", "2026-06-08T08:00:00Z"},
                {"2026-06-08T13:30:00Z", "2026-06-09T06:30:00Z"}}) {
            at(question[0]);
            ServiceOrder asked = platform.orders.hold(STAFF, order.id(), version,
                    new ServiceOrder.Hold(PauseReason.CUSTOMER_QUESTION, "which tray?"));
            at(question[1]);
            version = platform.orders.release(STAFF, order.id(), asked.version(),
                    asked.pauses().get(asked.pauses().size() - 1).id()).version();
        }
        // 30 minutes on Monday morning, then 30 before Monday's close and 30 after Tuesday's opening; not the night
        ServiceOrder later = platform.orders.get(STAFF, order.id());
        assertEquals(90, later.sla().pausedMinutes());
        assertEquals(Instant.parse("2026-06-08T12:30:00Z"), later.sla().deadline());
        assertTrue(later.sla().breached(), "six business hours used of four");
        assertEquals(2, later.pauses().size());
    }

    @Test
    void KMUA_RESP_1_theClockStopsWhenDiagnosticsStartNeverByTheRegistrationEmail() {
        ServiceOrder order = register();
        assertEquals(1, outbox().size());
        assertNull(order.respondedAt(), "the registration e-mail is not the response");
        at("2026-06-08T12:00:00Z"); // Monday 14:00 in Oslo: an hour late
        ServiceOrder late = platform.orders.get(STAFF, order.id());
        assertTrue(late.sla().breached());
        assertEquals(-60, late.sla().leftMinutes());
        // breached also while paused
        ServiceOrder paused = platform.orders.hold(STAFF, order.id(), late.version(),
                new ServiceOrder.Hold(PauseReason.WAITING, "no access to the room"));
        assertTrue(paused.sla().breached());
        assertFalse(paused.sla().running());
        ServiceOrder released = platform.orders.release(STAFF, order.id(), paused.version(),
                paused.pauses().get(0).id());

        ServiceOrder responded = platform.orders.respond(STAFF, order.id(), released.version(),
                new ServiceOrder.Response(null, "remote diagnostics"));
        assertEquals(OrderState.IN_PROGRESS, responded.state());
        assertEquals(Boolean.FALSE, responded.sla().met());
        assertEquals(60, responded.sla().missedByMinutes());
        assertFalse(responded.sla().running());
        at("2026-06-09T12:00:00Z");
        assertEquals(60, platform.orders.get(STAFF, order.id()).sla().missedByMinutes(), "the clock has stopped");
        assertEquals("KMUA-RESP-1", refused(DomainException.Kind.RULE, () -> platform.orders.respond(STAFF,
                order.id(), responded.version(), new ServiceOrder.Response(null, "again"))).rule());

        ServiceOrder second = register();
        at("2026-06-09T13:00:00Z");
        ServiceOrder onTime = platform.orders.respond(STAFF, second.id(), second.version(),
                new ServiceOrder.Response(Instant.parse("2026-06-09T12:30:00Z"), "technician on site"));
        assertEquals(Boolean.TRUE, onTime.sla().met());
        assertEquals(0, onTime.sla().missedByMinutes());
    }

    @Test
    void PORTAL_ACCT_1_customersSeeAndRegisterOrdersOnlyForTheirOwnOrganisation() {
        long other = organisation("Other AS", "2");
        long otherDevice = device(other, "SN-2");
        long otherContract = contract(other, otherDevice);
        ServiceOrder theirs = platform.orders.register(STAFF, repair(otherDevice, otherContract));
        Caller kari = Caller.customer("kari", org);

        ServiceOrder mine = platform.orders.register(kari, repair(device, contract));
        assertEquals("kari", mine.registeredBy());
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.register(kari,
                repair(otherDevice, otherContract)));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.get(kari, theirs.id()));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.history(kari, theirs.id()));
        assertEquals(List.of(mine.id()), platform.orders.list(kari, null).stream().map(ServiceOrder::id).toList());
        assertEquals(2, platform.orders.list(STAFF, null).size());

        refused(DomainException.Kind.FORBIDDEN, () -> platform.orders.transition(kari, mine.id(), mine.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null)));
        refused(DomainException.Kind.FORBIDDEN, () -> platform.orders.hold(kari, mine.id(), mine.version(),
                new ServiceOrder.Hold(PauseReason.WAITING, null)));
        assertEquals(mine.version(), platform.orders.get(kari, mine.id()).version(), "a refusal changes nothing");
        ServiceOrder cancelled = platform.orders.transition(kari, mine.id(), mine.version(),
                new ServiceOrder.Transition(OrderState.CANCELLED, "fixed it ourselves", null));
        assertEquals(OrderState.CANCELLED, cancelled.state());
        assertNull(cancelled.sla(), "no response-time outcome for an order cancelled before a response");
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        ServiceOrder order = register();
        ServiceOrder working = platform.orders.transition(STAFF, order.id(), order.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null));
        assertEquals(order.version() + 1, working.version());
        assertEquals(DomainException.Kind.PRECONDITION_FAILED, refused(DomainException.Kind.PRECONDITION_FAILED,
                () -> platform.orders.transition(STAFF, order.id(), order.version(),
                        new ServiceOrder.Transition(OrderState.CANCELLED, "stale", null))).kind());
        assertEquals(OrderState.IN_PROGRESS, platform.orders.get(STAFF, order.id()).state());
    }

    @Test
    void KMUA_ORDER_2_twoConcurrentTransitionsOfOneOrderOneWinsTheOtherIsStaleNoneIsLost() throws Exception {
        for (int round = 0; round < 5; round++) {
            ServiceOrder order = register();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<ServiceOrder>> moves = new ArrayList<>();
            for (OrderState to : List.of(OrderState.IN_PROGRESS, OrderState.CANCELLED)) {
                moves.add(() -> {
                    start.await();
                    return platform.orders.transition(STAFF, order.id(), order.version(),
                            new ServiceOrder.Transition(to, "race", null));
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<ServiceOrder>> results = moves.stream().map(pool::submit).toList();
                start.countDown();
                int won = 0;
                for (Future<ServiceOrder> f : results) {
                    try {
                        f.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        DomainException refusal = (DomainException) e.getCause();
                        assertTrue(refusal.kind() == DomainException.Kind.PRECONDITION_FAILED
                                || refusal.kind() == DomainException.Kind.CONFLICT, refusal.getMessage());
                    }
                }
                assertEquals(1, won);
            } finally {
                pool.shutdown();
            }
            ServiceOrder after = platform.orders.get(STAFF, order.id());
            List<ServiceOrder.Event> moved = platform.orders.history(STAFF, order.id()).stream()
                    .filter(e -> e.what().equals("transition")).toList();
            assertEquals(1, moved.size(), "exactly the winner's transition is recorded");
            assertEquals(after.state(), moved.get(0).to());
            assertEquals(order.version() + 1, after.version());
        }
    }

    @Test
    void listsFilterByStateDeviceOrganisationAndBreachWithPaging() {
        ServiceOrder first = register();
        ServiceOrder second = register();
        platform.orders.transition(STAFF, second.id(), second.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, null, null));
        long other = organisation("Other AS", "2");
        long otherDevice = device(other, "SN-2");
        platform.orders.register(STAFF, repair(otherDevice, contract(other, otherDevice)));

        assertEquals(List.of(first.id()), ids(new ServiceOrder.Query(OrderState.REGISTERED, device, null, null, 0,
                10)));
        assertEquals(2, ids(new ServiceOrder.Query(null, null, org, null, 0, 10)).size());
        assertEquals(List.of(second.id()), ids(new ServiceOrder.Query(null, null, null, null, 1, 1)));
        assertEquals(List.of(), ids(new ServiceOrder.Query(null, null, null, true, 0, 10)));
        at("2026-06-09T07:00:00Z");
        assertEquals(3, ids(new ServiceOrder.Query(null, null, null, true, 0, 10)).size());
        assertEquals(List.of(second.id()), ids(new ServiceOrder.Query(null, null, null, true, 1, 1)));
    }

    private List<Long> ids(ServiceOrder.Query query) {
        return platform.orders.list(STAFF, query).stream().map(ServiceOrder::id).toList();
    }

    @Test
    void anOrderIsNeverTurnedAwayForWantOfAVendorRuleItSaysWhyItHasNoDeadline() {
        platform.vendors.unbindRule(TestPlatform.FOUR_HOURS, TestPlatform.ACME);
        ServiceOrder order = register();
        assertNull(order.deadline().original());
        assertTrue(order.deadline().reason().contains("no response-time rule"), order.deadline().reason());
        assertNull(order.sla());
        assertEquals("contactEmail", refused(DomainException.Kind.INVALID, () -> platform.orders.register(STAFF,
                new ServiceOrder.Draft(device, contract, OrderKind.TONER, OrderChannel.WEB, null, null, null, 1L,
                        "Kari", "not an address", null))).field());
        assertEquals(1, platform.orders.list(STAFF, null).size(), "a refused registration leaves nothing");
    }
}
