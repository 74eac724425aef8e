package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.FaultCause;
import org.dealerhub.api.Loan;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.MonitoringEvent.Decision;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.WorkFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Monitoring events, loan devices, resolutions and work on the real persistence unit (Derby, then PostgreSQL); the
 * clock starts on Monday 8 June 2026, 09:00 in Oslo.
 */
class OrderOperationsTest {

    private static final Caller STAFF = TestPlatform.STAFF;
    private static final Instant NOW = Instant.parse("2026-06-08T07:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 8);

    /** Acme's coverage: the device's own faults are covered, anything else is not; "boom" fails like a bug. */
    private static final CoverageRule ACME_COVERAGE = new CoverageRule() {
        @Override
        public String vendorId() {
            return "acme";
        }

        @Override
        public Coverage classify(WorkFacts work) {
            if (work.fact("boom").isPresent()) {
                throw new IllegalStateException("boom");
            }
            return WorkFacts.DEVICE.equals(work.cause()) ? new Coverage(true, "ACME-COVERED", "the device's fault")
                    : new Coverage(false, "ACME-BILLED", work.cause() + " is billed");
        }
    };

    private TestPlatform platform;
    private long org;
    private long device;
    private long contract;
    private long spare;
    private long otherOrg;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        platform.clock.set(NOW);
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindRule(TestPlatform.FOUR_HOURS, TestPlatform.ACME);
        platform.vendors.bindCoverageRule(ACME_COVERAGE, TestPlatform.ACME);
        org = organisation("Fjord AS", "1");
        otherOrg = organisation("Dealer stock AS", "2");
        device = device(org, "SN-1", "acme");
        spare = device(otherOrg, "SN-LOAN", "acme");
        contract = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(device))).id();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long organisation(String name, String account) {
        return platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft(name, account, "S" + account,
                "NO")).id();
    }

    private long device(long organisation, String serial, String vendor) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, vendor, "A1", null,
                DeviceFormat.A4_MONO, serial, "SI-" + serial, null, true)).id();
    }

    private static Counters counters(long mono) {
        return new Counters(mono, 0, 0, 0, 0, 0);
    }

    private MonitoringEvent event(String code, String symptom, Counters counters) {
        return new MonitoringEvent(device, NOW.minusSeconds(60), code, symptom, Map.of("black", 8), counters);
    }

    private ServiceOrder repair() {
        return platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract, OrderKind.REPAIR,
                OrderChannel.CONSOLE, null, "does not print", "C-2557", null, "Kari", "kari@fjord.no", Map.of()));
    }

    private List<ServiceOrder> orders() {
        return platform.orders.list(STAFF, new ServiceOrder.Query(null, device, null, null, 0, 100));
    }

    private List<MeterReading> history(long deviceId) {
        return platform.readings.history(STAFF, deviceId);
    }


    private static DomainException refused(DomainException.Kind kind, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    // --- remote monitoring ---------------------------------------------------------------------------------------

    @Test
    void KMUA_ORDER_3_aDiagnosableFaultOpensARepairOrderByItselfAndARetryOpensNoSecond() {
        repair(); // an earlier order names the device's contact
        platform.orders.transition(STAFF, orders().get(0).id(), orders().get(0).version(),
                new ServiceOrder.Transition(OrderState.CANCELLED, "test", null));

        MonitoringEvent.Outcome first = platform.operations.record(STAFF, event("C-3101", null, counters(1_000)));
        assertEquals(Decision.OPENED, first.decision());
        assertEquals("KMUA-ORDER-3", first.rule());
        ServiceOrder opened = platform.orders.get(STAFF, first.orderId());
        assertEquals(OrderChannel.MONITORING, opened.channel());
        assertEquals(OrderKind.REPAIR, opened.kind());
        assertEquals("C-3101", opened.details().errorCode());
        assertEquals("kari@fjord.no", opened.details().contactEmail(), "the device's contact");
        assertEquals(List.of(), opened.missing());
        assertTrue(first.reading().accepted());

        MonitoringEvent.Outcome retry = platform.operations.record(STAFF, event("c-3101", null, counters(1_000)));
        assertEquals(Decision.ALREADY_OPEN, retry.decision());
        assertEquals(first.orderId(), retry.orderId());
        assertEquals("PORTAL-METER-2", retry.reading().rule(), "the refused reading is reported");
        assertEquals(2, orders().size(), "the cancelled one and the one opened");
        assertTrue(retry.id() > first.id(), "the retry is recorded too");
        assertEquals(1, history(device).size());
    }

    @Test
    void KMUA_ORDER_3_faultsADeviceCannotDiagnoseNeverOpenAnOrderButTheEventAndItsCountersAreKept() {
        for (String[] fault : new String[][] {{"NOISE", null}, {"E-77", "burning smell"}, {"IMAGE_SHIFT", null},
                {"X-1", "streaks on the image"}}) {
            MonitoringEvent.Outcome o = platform.operations.record(STAFF, event(fault[0], fault[1], null));
            assertEquals(Decision.NOT_DIAGNOSABLE, o.decision(), fault[0]);
            assertEquals("KMUA-ORDER-3", o.rule());
            assertNull(o.orderId());
        }
        MonitoringEvent.Outcome countersOnly = platform.operations.record(STAFF, event(null, null, counters(500)));
        assertEquals(Decision.NO_FAULT, countersOnly.decision());
        assertTrue(countersOnly.reading().accepted());
        assertEquals(List.of(), orders());
        assertEquals(List.of(500L), history(device).stream().map(m -> m.counters().monoA4()).toList());
    }

    @Test
    void PORTAL_METER_1_aRefusedReadingInAnEventIsReportedAndTheEventStillRecorded() {
        platform.readings.submit(STAFF, device, List.of(new MeterReading.Draft(TODAY.minusDays(1), counters(900))));
        MonitoringEvent.Outcome o = platform.operations.record(STAFF, event("C-1", null, counters(800)));
        assertFalse(o.reading().accepted());
        assertEquals("PORTAL-METER-1", o.reading().rule());
        assertEquals("monoA4", o.reading().field());
        assertEquals(Decision.OPENED, o.decision());
        assertEquals(1, history(device).size());
    }

    @Test
    void KMUA_ORDER_3_twoConcurrentCallersOpenExactlyOneOrderForOneFault() throws Exception {
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MonitoringEvent.Outcome>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<MonitoringEvent.Outcome> call = () -> {
                    start.await();
                    return platform.operations.record(STAFF, event("C-5000", null, counters(2_000)));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<MonitoringEvent.Outcome> outcomes = new ArrayList<>();
            for (Future<MonitoringEvent.Outcome> f : results) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(o -> o.decision() == Decision.OPENED).count());
            assertEquals(callers - 1, outcomes.stream().filter(o -> o.decision() == Decision.ALREADY_OPEN).count());
            assertEquals(1, outcomes.stream().map(MonitoringEvent.Outcome::orderId).distinct().count());
            assertEquals(1, orders().size());
            assertEquals(1, outcomes.stream().filter(o -> o.reading().accepted()).count());
            assertEquals(1, history(device).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void KMUA_CHAN_1_customersMayNotSendMonitoringEventsAndABadEventChangesNothing() {
        refused(DomainException.Kind.FORBIDDEN, () -> platform.operations.record(Caller.customer("kari", org),
                event("C-1", null, counters(1))));
        assertEquals("at", refused(DomainException.Kind.INVALID, () -> platform.operations.record(STAFF,
                new MonitoringEvent(device, NOW.plusSeconds(3600), "C-1", null, null, null))).field());
        assertEquals("toner.black", refused(DomainException.Kind.INVALID, () -> platform.operations.record(STAFF,
                new MonitoringEvent(device, NOW, "C-1", null, Map.of("black", 101), null))).field());
        assertEquals("counters.scans", refused(DomainException.Kind.INVALID, () -> platform.operations.record(STAFF,
                new MonitoringEvent(device, NOW, "C-1", null, null, new Counters(1, 1, 1, 1, 1, -1)))).field());
        refused(DomainException.Kind.NOT_FOUND, () -> platform.operations.record(STAFF,
                new MonitoringEvent(99_999L, NOW, "C-1", null, null, null)));
        assertEquals(List.of(), orders());
        assertEquals(List.of(), history(device));
    }

    // --- loan devices --------------------------------------------------------------------------------------------

    private Loan.Draft lending(FaultCause cause, long deviceMono, long loanMono) {
        return new Loan.Draft(spare, cause, new Loan.Handover(null, counters(deviceMono), counters(loanMono)));
    }

    @Test
    void KMUA_ORDER_4_aLoanDeviceIsLentUnlessTheCustomersSideCausedTheFault() {
        ServiceOrder order = repair();
        for (FaultCause cause : new FaultCause[] {FaultCause.USER_DAMAGE, FaultCause.USER_ERROR,
                FaultCause.THIRD_PARTY, FaultCause.EXTERNAL}) {
            DomainException e = refused(DomainException.Kind.RULE, () -> platform.operations.lend(STAFF, order.id(),
                    order.version(), lending(cause, 100, 50)));
            assertEquals("KMUA-ORDER-4", e.rule());
            assertEquals("cause", e.field());
        }
        // a refused lending changes nothing
        assertEquals(order.version(), platform.orders.get(STAFF, order.id()).version());
        assertEquals(List.of(), platform.operations.loans(STAFF, order.id()));
        assertEquals(List.of(), history(device));

        Loan loan = platform.operations.lend(STAFF, order.id(), order.version(), lending(FaultCause.DEVICE, 100, 50));
        assertEquals(spare, loan.loanDeviceId());
        assertEquals(device, loan.deviceId());
        assertEquals(TODAY, loan.from());
        assertNull(loan.to());
        assertEquals(order.version() + 1, loan.orderVersion());
        assertEquals(2, loan.readings().size());
        assertTrue(loan.readings().stream().allMatch(MeterReading.Outcome::accepted));
    }

    @Test
    void KMUA_ORDER_8_handoverActsRecordBothDevicesCountersAtSwapAndReturnInTheMeterHistory() {
        ServiceOrder order = repair();
        Loan lent = platform.operations.lend(STAFF, order.id(), order.version(), lending(FaultCause.DEVICE, 100, 50));
        platform.clock.set(NOW.plusSeconds(3 * 86_400));
        Loan back = platform.operations.giveBack(STAFF, order.id(), lent.orderVersion(), lent.id(),
                new Loan.Handover(null, counters(100), counters(450)));
        assertEquals(TODAY.plusDays(3), back.to());
        assertEquals(new Loan.Handover(TODAY, counters(100), counters(50)), back.swap());
        assertEquals(new Loan.Handover(TODAY.plusDays(3), counters(100), counters(450)), back.returned());

        assertEquals(List.of(TODAY, TODAY.plusDays(3)), history(device).stream().map(MeterReading::date).toList());
        assertEquals(List.of(50L, 450L), history(spare).stream().map(m -> m.counters().monoA4()).toList());
        assertTrue(platform.orders.history(STAFF, order.id()).stream().anyMatch(e -> e.what().equals("loan")));

        // billing finds the loan: the device it replaced and the days (BillingContext.DeviceUsage.loanFor)
        List<Loan> ofContract = platform.store.read(r -> r.operations().loansOfContract(STAFF, contract,
                TODAY.plusDays(30)));
        assertEquals(1, ofContract.size());
        assertEquals(device, ofContract.get(0).deviceId());
        assertEquals(spare, ofContract.get(0).loanDeviceId());
        assertEquals(TODAY.plusDays(3), ofContract.get(0).to());
        assertEquals(Map.of(contract, ofContract), platform.store.read(r -> r.operations().loansOfContracts(
                List.of(contract, contract + 1000), TODAY.plusDays(30))), "a billing page reads the same in one query");
        assertEquals(List.of(), platform.store.read(r -> r.operations().loansOfContract(STAFF, contract,
                TODAY.minusDays(1))));
    }

    @Test
    void KMUA_ORDER_8_handoverCountersBelowTheHistoryRefuseTheActAndASameDayReadingIsKept() {
        ServiceOrder order = repair();
        platform.readings.submit(STAFF, spare, List.of(new MeterReading.Draft(TODAY.minusDays(2), counters(70))));
        DomainException e = refused(DomainException.Kind.RULE, () -> platform.operations.lend(STAFF, order.id(),
                order.version(), lending(FaultCause.DEVICE, 100, 50)));
        assertEquals("PORTAL-METER-1", e.rule());
        assertEquals("swap.loanCounters.monoA4", e.field());
        assertEquals(List.of(), history(device), "nothing changed, also not the other device's reading");

        platform.readings.submit(STAFF, device, List.of(new MeterReading.Draft(TODAY, counters(90))));
        Loan loan = platform.operations.lend(STAFF, order.id(), order.version(), lending(FaultCause.DEVICE, 100, 80));
        assertEquals("PORTAL-METER-2", loan.readings().get(0).rule(), "the day's reading stays, the act stands");
        assertTrue(loan.readings().get(1).accepted());
        assertEquals(List.of(90L), history(device).stream().map(m -> m.counters().monoA4()).toList());
        assertEquals(counters(100), loan.swap().deviceCounters());
    }

    @Test
    void KMUA_ORDER_8_oneLoanDeviceIsLentToOneOrderAtATimeAlsoWhenTwoLendAtOnce() throws Exception {
        long second = device(org, "SN-2", "acme");
        long otherContract = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO",
                "BASIC", LocalDate.of(2026, 1, 1), null, List.of(second))).id();
        ServiceOrder a = repair();
        ServiceOrder b = platform.orders.register(STAFF, new ServiceOrder.Draft(second, otherContract,
                OrderKind.REPAIR, OrderChannel.CONSOLE, null, "jam", "J-1", null, "Kari", "kari@fjord.no", Map.of()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (ServiceOrder o : List.of(a, b)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return platform.operations.lend(STAFF, o.id(), o.version(), new Loan.Draft(spare,
                                FaultCause.DEVICE, new Loan.Handover(null, counters(10), counters(5))));
                    } catch (DomainException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter(Loan.class::isInstance).count(), outcomes.toString());
            DomainException lost = (DomainException) outcomes.stream().filter(DomainException.class::isInstance)
                    .findFirst().orElseThrow();
            assertTrue(lost.kind() == DomainException.Kind.CONFLICT
                    || lost.kind() == DomainException.Kind.RULE && "PORTAL-METER-2".equals(lost.rule()),
                    lost.describe());
            assertEquals(1, history(spare).size());
        } finally {
            pool.shutdownNow();
        }
    }

    // --- resolution ----------------------------------------------------------------------------------------------

    @Test
    void KMUA_ORDER_5_resolvedByRepairByALoanDeviceOrByTakingTheDeviceOutOfService() {
        ServiceOrder byRepair = repair();
        ServiceOrder resolved = platform.operations.resolve(STAFF, byRepair.id(), byRepair.version(),
                new Resolution(Resolution.Kind.REPAIR, "fuser replaced"));
        assertEquals(OrderState.RESOLVED, resolved.state());
        assertEquals(Resolution.Kind.REPAIR, platform.store.read(r -> r.operations().resolution(STAFF,
                byRepair.id())).orElseThrow());

        ServiceOrder byLoan = repair();
        DomainException noLoan = refused(DomainException.Kind.RULE, () -> platform.operations.resolve(STAFF,
                byLoan.id(), byLoan.version(), new Resolution(Resolution.Kind.LOAN_DEVICE, null)));
        assertEquals("KMUA-ORDER-5", noLoan.rule());
        assertEquals(OrderState.REGISTERED, platform.orders.get(STAFF, byLoan.id()).state(), "nothing changed");
        Loan loan = platform.operations.lend(STAFF, byLoan.id(), byLoan.version(), lending(FaultCause.DEVICE, 1, 1));
        assertEquals(OrderState.RESOLVED, platform.operations.resolve(STAFF, byLoan.id(), loan.orderVersion(),
                new Resolution(Resolution.Kind.LOAN_DEVICE, null)).state());
    }

    @Test
    void KMUA_EXIT_2_onlyACustomerOwnedDeviceOfAnotherManufacturerIsTakenOutOfService() {
        ServiceOrder own = repair();
        DomainException e = refused(DomainException.Kind.RULE, () -> platform.operations.resolve(STAFF, own.id(),
                own.version(), new Resolution(Resolution.Kind.OUT_OF_SERVICE, "too old")));
        assertEquals("KMUA-EXIT-2", e.rule());
        assertEquals(own.version(), platform.orders.get(STAFF, own.id()).version());

        long foreign = device(org, "HP-1", "hp");
        long c = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(foreign))).id();
        ServiceOrder third = platform.orders.register(STAFF, new ServiceOrder.Draft(foreign, c, OrderKind.REPAIR,
                OrderChannel.CONSOLE, null, "dead", null, null, "Kari", "kari@fjord.no", Map.of()));
        assertEquals(OrderState.RESOLVED, platform.operations.resolve(STAFF, third.id(), third.version(),
                new Resolution(Resolution.Kind.OUT_OF_SERVICE, "parts unavailable")).state());
    }

    // --- work and coverage ---------------------------------------------------------------------------------------

    @Test
    void workIsClassifiedByTheVendorsCoverageRuleAndKeptForBilling() {
        ServiceOrder order = repair();
        OrderWork covered = platform.operations.addWork(STAFF, order.id(), order.version(), new OrderWork.Draft(null,
                OrderWork.Kind.LABOUR, 45, FaultCause.DEVICE, "fuser", null));
        assertTrue(covered.covered());
        assertEquals("ACME-COVERED", covered.rule());
        OrderWork billed = platform.operations.addWork(STAFF, order.id(), covered.orderVersion(),
                new OrderWork.Draft(TODAY, OrderWork.Kind.WAITING, 20, FaultCause.USER_ERROR, null, null));
        assertFalse(billed.covered());
        assertEquals(List.of(covered.id(), billed.id()), platform.operations.work(STAFF, order.id()).stream()
                .map(OrderWork::id).toList());

        List<BillingContext.Work> forBilling = platform.store.read(r -> r.operations().workOfContract(STAFF, contract,
                TODAY));
        assertEquals(List.of(new BillingContext.Work(order.id(), order.number(), device, TODAY, "labour", true,
                BigDecimal.valueOf(45), null, "ACME-COVERED"), new BillingContext.Work(order.id(), order.number(),
                device, TODAY, "waiting", false, BigDecimal.valueOf(20), null, "ACME-BILLED")), forBilling);
        assertEquals(Map.of(contract, forBilling), platform.store.read(r -> r.operations().workOfContracts(
                List.of(contract, contract + 1000), TODAY)), "a billing page reads the same in one query");
    }

    @Test
    void aFailingCoverageRuleAnswers502AndWorkIsRefusedWithoutChange() {
        ServiceOrder order = repair();
        DomainException e = refused(DomainException.Kind.VENDOR_FAILED, () -> platform.operations.addWork(STAFF,
                order.id(), order.version(), new OrderWork.Draft(null, OrderWork.Kind.LABOUR, 10, FaultCause.DEVICE,
                        null, Map.of("boom", "yes"))));
        assertEquals("vendor", e.field());
        assertEquals("minutes", refused(DomainException.Kind.INVALID, () -> platform.operations.addWork(STAFF,
                order.id(), order.version(), new OrderWork.Draft(null, OrderWork.Kind.LABOUR, 0, FaultCause.DEVICE,
                        null, null))).field());
        refused(DomainException.Kind.PRECONDITION_FAILED, () -> platform.operations.addWork(STAFF, order.id(),
                order.version() + 1, new OrderWork.Draft(null, OrderWork.Kind.LABOUR, 10, FaultCause.DEVICE, null,
                        null)));
        assertEquals(List.of(), platform.operations.work(STAFF, order.id()));
        assertEquals(order.version(), platform.orders.get(STAFF, order.id()).version());
    }

    @Test
    void customersSeeTheLoansAndWorkOfTheirOwnOrdersOnlyAndChangeNothing() {
        ServiceOrder order = repair();
        Caller kari = Caller.customer("kari", org);
        Caller stranger = Caller.customer("ole", otherOrg);
        platform.operations.addWork(STAFF, order.id(), order.version(), new OrderWork.Draft(null,
                OrderWork.Kind.LABOUR, 30, FaultCause.DEVICE, null, null));
        assertEquals(1, platform.operations.work(kari, order.id()).size());
        assertEquals(List.of(), platform.operations.loans(kari, order.id()));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.operations.work(stranger, order.id()));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.operations.loans(stranger, order.id()));
        long version = platform.orders.get(STAFF, order.id()).version();
        refused(DomainException.Kind.NOT_FOUND, () -> platform.operations.lend(stranger, order.id(), version,
                lending(FaultCause.DEVICE, 1, 1)));
        refused(DomainException.Kind.FORBIDDEN, () -> platform.operations.lend(kari, order.id(), version,
                lending(FaultCause.DEVICE, 1, 1)));
        refused(DomainException.Kind.FORBIDDEN, () -> platform.operations.addWork(kari, order.id(), version,
                new OrderWork.Draft(null, OrderWork.Kind.LABOUR, 30, FaultCause.DEVICE, null, null)));
        refused(DomainException.Kind.FORBIDDEN, () -> platform.operations.resolve(kari, order.id(), version,
                new Resolution(Resolution.Kind.REPAIR, null)));
        assertEquals(List.of(), platform.store.read(r -> r.operations().workOfContract(stranger, contract, TODAY)));
        assertEquals(version, platform.orders.get(STAFF, order.id()).version());
        assertNotNull(platform.orders.get(kari, order.id()));
    }
}
