package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.dealerhub.api.OrderReport;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.ServiceOrder.PauseReason;
import org.dealerhub.api.SlaReport;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.core.orders.Breaches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The measured side of the clock (issue 9) on the real persistence unit: breaches recorded once as events, the SLA
 * report per contract and device, the uptime, the order report. Oslo, 08:00-16:00; June 2026 (UTC+2).
 */
class SlaReportsTest {

    private static final Caller STAFF = TestPlatform.STAFF;
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    /** KMNO-SLA-1 as the Konica Minolta Norway rule does it: 4 h Driftsstans, 8 h Annet, none beyond 30 km. */
    static final ResponseTimeRule BY_CATEGORY = new ResponseTimeRule() {
        @Override
        public String vendorId() {
            return "acme";
        }

        @Override
        public Set<String> packageCodes() {
            return Set.of("BASIC");
        }

        @Override
        public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
            Instant start = calendar.clockStart(order.registeredAt());
            if (Integer.parseInt(order.fact("distanceKm").orElse("0")) > 30) {
                return new ResponseDeadline(Optional.empty(), start, "beyond 30 km", "KMNO-SLA-1");
            }
            int hours = order.fact("category").orElse("").equalsIgnoreCase("driftsstans") ? 4 : 8;
            return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(start, Duration.ofHours(hours))), start,
                    hours + " business hours", "KMNO-SLA-1");
        }
    };

    private TestPlatform platform;
    private long org;
    private long monitored;
    private long plain;
    private long contract;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        at("2026-06-08T07:00:00Z"); // Monday 09:00 in Oslo
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindRule(BY_CATEGORY, TestPlatform.ACME);
        org = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("Fjord AS", "1", "S1", "NO"))
                .id();
        monitored = device(org, "SN-1", true);
        plain = device(org, "SN-2", false);
        contract = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(monitored, plain))).id();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long device(long organisation, String serial, boolean remote) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, "acme", "A1", null,
                DeviceFormat.A4_MONO, serial, "SI-" + serial, null, remote)).id();
    }

    private ServiceOrder register(long device, String category, int km) {
        return platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract, OrderKind.REPAIR,
                OrderChannel.WEB, null, "paper jam", null, 100L, "Kari", "kari@fjord.no",
                Map.of("category", category, "distanceKm", String.valueOf(km))));
    }

    private ServiceOrder respond(ServiceOrder o, String how) {
        ServiceOrder now = platform.orders.get(STAFF, o.id());
        return platform.orders.respond(STAFF, o.id(), now.version(), new ServiceOrder.Response(null, how));
    }

    private ServiceOrder hold(ServiceOrder o) {
        ServiceOrder now = platform.orders.get(STAFF, o.id());
        return platform.orders.hold(STAFF, o.id(), now.version(), new ServiceOrder.Hold(PauseReason.WAITING, "parts"));
    }

    private ServiceOrder release(ServiceOrder o) {
        ServiceOrder now = platform.orders.get(STAFF, o.id());
        long pause = now.pauses().stream().filter(p -> p.to() == null).findFirst().orElseThrow().id();
        return platform.orders.release(STAFF, o.id(), now.version(), pause);
    }

    private void at(String instant) {
        platform.clock.set(Instant.parse(instant));
    }

    private SlaReport.ContractSla report(Caller caller) {
        SlaReport report = platform.reports.sla(caller, new SlaReport.Query(contract, null, JUNE_1, JUNE_30));
        assertEquals(1, report.contracts().size());
        return report.contracts().get(0);
    }

    private long breachEvents(ServiceOrder o) {
        return platform.orders.history(STAFF, o.id()).stream().filter(e -> e.what().equals(Breaches.EVENT)).count();
    }

    private static SlaReport.DeviceSla device(SlaReport.ContractSla c, long id) {
        return c.devices().stream().filter(d -> d.deviceId() == id).findFirst().orElseThrow();
    }

    /** Response times: o1 60, o2 180 (Driftsstans, 4 h); o3 360 (Annet, 8 h); o4 beyond 30 km; o5 waiting. */
    private void sixMonthsOfOrders() {
        ServiceOrder o1 = register(monitored, "Driftsstans", 12);
        at("2026-06-08T08:00:00Z");
        respond(o1, "technician starts troubleshooting");
        at("2026-06-08T08:30:00Z");
        ServiceOrder r1 = platform.orders.get(STAFF, o1.id());
        platform.orders.transition(STAFF, o1.id(), r1.version(), new ServiceOrder.Transition(OrderState.RESOLVED,
                "fuser replaced", null));
        at("2026-06-08T09:00:00Z");
        ServiceOrder o2 = register(monitored, "driftsstans", 12);
        ServiceOrder o3 = register(plain, "Annet", 29);
        ServiceOrder o4 = register(plain, "Annet", 45);
        assertNull(o4.deadline().original(), "beyond the distance limit: no target");
        at("2026-06-08T10:00:00Z");
        respond(o4, "on site");
        at("2026-06-08T12:00:00Z");
        respond(o2, "remote diagnostics");
        register(monitored, "Driftsstans", 12); // o5: deadline Tuesday 10:00, overlaps o2's outage
        at("2026-06-09T07:00:00Z"); // Tuesday 09:00
        respond(o3, "on site");
    }

    @Test
    void KMNO_SLA_1_theAverageResponseTimePerCategoryPerContractAndDeviceOnlyWithinTheDistanceLimit() {
        sixMonthsOfOrders();
        SlaReport.ContractSla c = report(STAFF);
        assertEquals(5, c.orders());
        assertEquals(4, c.withTarget(), "o4 lies beyond 30 km");
        assertEquals(3, c.met());
        assertEquals(0, c.missed());
        assertEquals(1, c.pending());
        // Driftsstans: (60 + 180) / 2; Annet: Monday 11:00-16:00 and Tuesday 08:00-09:00; o4 is not counted
        assertEquals(List.of(new SlaReport.CategoryTime("Annet", 1, 360),
                new SlaReport.CategoryTime("Driftsstans", 2, 120)), c.responseTimes());
        assertEquals(List.of(new SlaReport.CategoryTime("Driftsstans", 2, 120)), device(c, monitored).responseTimes());
        assertEquals(List.of(new SlaReport.CategoryTime("Annet", 1, 360)), device(c, plain).responseTimes());
    }

    @Test
    void KMNO_SLA_2_uptimeOverWorkingDaysOnlyForRemotelyMonitoredDevicesOverlapsCountedOnce() {
        sixMonthsOfOrders();
        SlaReport.ContractSla c = report(STAFF);
        SlaReport.DeviceSla d = device(c, monitored);
        // working time 1 June 00:00 to Tuesday 9 June 09:00: 6 days of 8 h and 1 h
        assertEquals(6 * 480 + 60, d.workingMinutes());
        // o1 09:00-10:30; o2 from 11:00 still open (o5 from 14:00 lies within it): 300 + 60
        assertEquals(90 + 360, d.downMinutes());
        assertEquals(new BigDecimal("84.69"), d.uptime());
        assertNull(device(c, plain).uptime(), "no uptime commitment without remote monitoring (KMNO-SLA-2)");
    }

    @Test
    void KMNO_REMOTE_2_supportContactingTheCustomerIsTheResponseAndStopsTheClock() {
        ServiceOrder o = register(plain, "Annet", 5);
        at("2026-06-08T07:45:00Z");
        ServiceOrder responded = respond(o, "support called the customer");
        assertEquals(45, responded.sla().usedMinutes());
        at("2026-06-10T07:00:00Z");
        assertEquals(List.of(new SlaReport.CategoryTime("Annet", 1, 45)), report(STAFF).responseTimes());
    }

    @Test
    void aBreachIsRecordedOnceAsAnEventShownWhilePausedAndMissedInBusinessTime() {
        ServiceOrder o = register(plain, "Driftsstans", 5); // deadline Monday 13:00
        at("2026-06-08T10:00:00Z"); // 12:00, 3 h used
        hold(o);
        at("2026-06-09T08:00:00Z"); // Tuesday 10:00, still held: not breached
        platform.reports.sla(STAFF, new SlaReport.Query(contract, null, JUNE_1, JUNE_30));
        assertFalse(platform.orders.get(STAFF, o.id()).sla().breached());
        assertEquals(0, breachEvents(o));
        release(o); // 1 h left: Tuesday 11:00
        at("2026-06-09T10:00:00Z"); // Tuesday 12:00
        ServiceOrder late = platform.orders.get(STAFF, o.id());
        assertTrue(late.sla().breached());
        assertEquals(60, late.sla().missedByMinutes());
        assertEquals(1, new Breaches(platform.calendars).sweep(platform.store, platform.clock.instant()));
        assertEquals(1, breachEvents(o));
        hold(o);
        at("2026-06-09T11:00:00Z"); // Tuesday 13:00, held again: still breached, the hold not counted
        ServiceOrder paused = platform.orders.get(STAFF, o.id());
        assertTrue(paused.sla().breached(), "breached while paused");
        assertFalse(paused.sla().running());
        assertEquals(60, paused.sla().missedByMinutes());
        new Breaches(platform.calendars).sweep(platform.store, platform.clock.instant());
        release(o);
        at("2026-06-09T11:30:00Z");
        respond(o, "on site");
        assertEquals(1, breachEvents(o), "one breach, one event");

        SlaReport.ContractSla c = report(STAFF);
        assertEquals(1, c.missed());
        assertEquals(0, c.met());
        SlaReport.Breach breach = c.breaches().get(0);
        assertEquals(o.id(), breach.orderId());
        assertEquals(Instant.parse("2026-06-09T09:00:00Z"), breach.breachedAt(), "Tuesday 11:00 in Oslo");
        assertEquals(LocalDate.of(2026, 6, 9), breach.date());
        assertEquals(90, breach.missedMinutes(), "final at the response: 12:00-13:00 and 13:00-13:30");
        // billing: per contract up to a day
        assertEquals(List.of(breach), platform.reports.breaches(STAFF, contract, LocalDate.of(2026, 6, 9)));
        assertEquals(List.of(), platform.reports.breaches(STAFF, contract, LocalDate.of(2026, 6, 8)));
        assertEquals(breach, platform.reports.card(STAFF, o.id()).breach());
    }

    @Test
    void aBreachDetectedByTwoSweepsAtOnceIsRecordedOnce() throws Exception {
        List<ServiceOrder> due = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            due.add(register(plain, "Driftsstans", 5));
        }
        at("2026-06-09T07:00:00Z");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    start.await();
                    return new Breaches(platform.calendars).sweep(platform.store, platform.clock.instant());
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        for (ServiceOrder o : due) {
            assertEquals(1, breachEvents(o));
        }
        assertEquals(4, report(STAFF).breaches().size());
    }

    @Test
    void withoutDaysTheReportEndsTodayInTheMarketsOwnZone() {
        at("2026-06-30T22:30:00Z"); // 1 July 00:30 in Oslo, still 30 June in UTC
        register(plain, "Annet", 5);
        SlaReport report = platform.reports.sla(STAFF, new SlaReport.Query(contract, null, null, null));
        assertEquals(1, report.contracts().size());
        assertEquals(1, report.contracts().get(0).orders());
    }

    @Test
    void PORTAL_ACCT_1_aCustomerSeesReportsOnlyForItsOwnOrganisation() {
        register(plain, "Annet", 5);
        long other = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("Other AS", "2", "S2",
                "NO")).id();
        Caller kari = Caller.customer("kari", org);
        Caller ola = Caller.customer("ola", other);
        assertEquals(1, report(kari).orders());
        assertEquals(List.of(), platform.reports.sla(ola, new SlaReport.Query(null, null, JUNE_1, JUNE_30))
                .contracts());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> platform.reports.sla(ola, new SlaReport.Query(contract, null, JUNE_1, JUNE_30))).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> platform.reports.orders(ola, org)).kind());
        assertEquals(List.of(), platform.reports.orders(ola, null).orders());
        DomainException backwards = assertThrows(DomainException.class,
                () -> platform.reports.sla(STAFF, new SlaReport.Query(null, null, JUNE_30, JUNE_1)));
        assertEquals("from", backwards.field());
    }

    @Test
    void KMUA_REPORT_1_theOrdersOfTheLastThreeCalendarMonthsEachWithItsDetailCard() {
        at("2026-03-31T10:00:00Z");
        register(plain, "Annet", 5);
        at("2026-04-01T06:00:00Z"); // 1 April 08:00 in Oslo
        ServiceOrder april = register(plain, "Annet", 5);
        at("2026-06-08T07:00:00Z");
        ServiceOrder june = register(monitored, "Driftsstans", 5);
        OrderReport report = platform.reports.orders(STAFF, org);
        assertEquals(LocalDate.of(2026, 4, 1), report.from());
        assertEquals(List.of(april.id(), june.id()), report.orders().stream().map(OrderReport.Line::id).toList());
        assertEquals("reports/orders/" + june.id(), report.orders().get(1).card());
        OrderReport.Card card = platform.reports.card(STAFF, june.id());
        assertEquals(june.number(), card.order().number());
        assertEquals("registered", card.history().get(0).what());
        assertNull(card.breach());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> platform.reports.card(Caller.customer("ola", org + 99), june.id())).kind());
    }
}
