package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealerhub.api.BillingRun.Outcome.Status;
import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.RunningBill;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.core.billing.BillingEngine;
import org.dealerhub.core.billing.MeterPlausibility;
import org.dealerhub.core.orders.Breaches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The billing engine on a real database (Derby, then PostgreSQL), with acme's test policy (BillingFixture). */
class BillingEngineTest {

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    static final LocalDate FEB_28 = LocalDate.of(2026, 2, 28);

    private BillingFixture f;
    private long org;
    private long device;
    private long contract;

    @BeforeEach
    void setUp() throws Exception {
        f = new BillingFixture();
        org = f.organisation("Fjord");
        device = f.device(org, "SN-1");
        contract = f.contract(org, JAN_1, device).id();
        f.reading(device, LocalDate.of(2025, 12, 31), 10_000);
        f.reading(device, JAN_31, 11_000);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aRunInvoicesWhatIsDueWithVatAsATotalAndRecordsItself() {
        BillingRun run = f.run(JAN_1, JAN_31);
        assertEquals(1, run.invoiced());
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, run.id(), 0, 10).get(0);
        // fee 1 × 100.00 = 100.00; clicks 1,000 × 0.0333 = 33.30; net 133.30; VAT 25 % = 33.325 -> 33.33
        assertEquals(List.of(new BigDecimal("100.00"), new BigDecimal("33.30")),
                invoice.lines().stream().map(Invoice.Line::amount).toList());
        assertEquals(new BigDecimal("133.30"), invoice.net());
        assertEquals(new BigDecimal("33.33"), invoice.vat());
        assertEquals(new BigDecimal("166.63"), invoice.gross());
        assertEquals("Fjord", invoice.buyer().name());
        assertEquals("C-Fjord", invoice.buyer().account());
        assertEquals("NOK", invoice.currency().getCurrencyCode());
        assertTrue(invoice.lines().get(1).explanation().contains("1000 × 0.0333 = 33.30 (rule ACME-CLICK)"),
                invoice.lines().get(1).explanation());
        BillingRun recorded = f.engine.runById(BillingFixture.ADMIN, run.id());
        assertEquals("system", recorded.startedBy());
        assertNotNull(recorded.duration());
        assertEquals(1, recorded.contracts());
        assertEquals(2, recorded.lines());
        assertEquals(new BigDecimal("166.63"), recorded.totals().get(0).gross());
    }

    /**
     * BILL-SLA-1: an order whose response deadline was breached credits the next invoice once, by the package's
     * {@code slaBreachCredit} (250.00), as a line citing the order; the next run credits it no more.
     */
    @Test
    void BILL_SLA_1_aBreachedOrderCreditsTheNextInvoiceOnceCitingTheOrder() {
        f.platform.vendors.bindRule(TestPlatform.FOUR_HOURS, TestPlatform.ACME);
        f.platform.clock.set(Instant.parse("2026-02-02T07:00:00Z")); // Monday 08:00 in Oslo: due 12:00
        ServiceOrder order = f.platform.orders.register(BillingFixture.ADMIN, new ServiceOrder.Draft(device,
                contract, OrderKind.REPAIR, OrderChannel.WEB, "SI-1", "paper jam", null, 11_000L, "Kari",
                "kari@fjord.no", Map.of()));
        f.platform.clock.set(Instant.parse("2026-02-03T12:00:00Z"));
        assertEquals(1, new Breaches(f.platform.calendars).sweep(f.platform.store, f.platform.clock.instant()));

        BillingRun feb = f.run(FEB_1, FEB_28);
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, feb.id(), 0, 10).get(0);
        Invoice.Line credit = invoice.lines().stream().filter(l -> l.chargeKey().equals("sla-credit/" + order.id()))
                .findFirst().orElseThrow();
        // -1 × 250.00 = -250.00, on the day of the breach (Monday 12:00 in Oslo)
        assertEquals(new BigDecimal("-250.00"), credit.amount());
        assertEquals("BILL-SLA-1", credit.rule());
        assertEquals(LocalDate.of(2026, 2, 2), credit.from());
        assertTrue(credit.description().contains(order.number()), credit.description());
        // January (never billed before): fee 100.00 + 1,000 clicks × 0.0333 = 33.30; February: fee 100.00, no
        // clicks; less the credit 250.00: 233.30 - 250.00 = -16.70, a credit note
        assertEquals(new BigDecimal("-16.70"), invoice.net());

        BillingRun again = f.run(FEB_1, FEB_28);
        assertEquals(0, again.invoiced());
    }

    @Test
    void theSamePeriodTwiceCreatesNothing() {
        f.run(JAN_1, JAN_31);
        BillingRun again = f.run(JAN_1, JAN_31);
        assertEquals(0, again.invoiced());
        assertEquals(1, again.unchanged());
        assertEquals(1, f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).size());
    }

    @Test
    void BILL_PRICE_1_aPriceChangeDatedAfterABilledPeriodLeavesItAloneAndTheNextPeriodBillsTheNewPrice() {
        f.run(JAN_1, JAN_31);
        // the fee rises from 100.00 to 120.00 and the click from 0.0333 to 0.05 from 1 February
        f.price(FEB_1, "monthlyFee", "120.00");
        f.price(FEB_1, "clickMonoA4", "0.05");
        BillingRun again = f.run(JAN_1, JAN_31);
        assertEquals(0, again.invoiced(), "January stays at January's prices: no adjustment");
        assertEquals(1, again.unchanged());
        f.reading(device, FEB_28, 12_000);
        BillingRun feb = f.run(FEB_1, FEB_28);
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, feb.id(), 0, 10).get(0);
        // February: fee 120.00, clicks 12,000 - 11,000 = 1,000 × 0.05 = 50.00; January's lines unchanged
        assertEquals(new BigDecimal("170.00"), invoice.net());
        assertEquals(List.of("fee/2026-02", "mono/" + device + "/2026-02"),
                invoice.lines().stream().map(Invoice.Line::chargeKey).toList());
    }

    @Test
    void theNextPeriodBillsOnlyItsOwnCharges() {
        f.run(JAN_1, JAN_31);
        f.reading(device, LocalDate.of(2026, 2, 10), 12_000);
        f.reading(device, FEB_28, 12_500);
        BillingRun feb = f.run(FEB_1, FEB_28);
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, feb.id(), 0, 10).get(0);
        // February: fee 100.00, clicks 12,500 - 11,000 = 1,500 × 0.0333 = 49.95
        assertEquals(new BigDecimal("149.95"), invoice.net());
        assertEquals(List.of("fee/2026-02", "mono/" + device + "/2026-02"),
                invoice.lines().stream().map(Invoice.Line::chargeKey).toList());
    }

    @Test
    void aReadingThatChangesABilledMonthIsBilledAsTheDifferenceUnderItsKey() throws Exception {
        // January billed without the January reading: only the fee
        try (BillingFixture g = new BillingFixture()) {
            long o = g.organisation("Late");
            long d = g.device(o, "SN-L");
            long c = g.contract(o, JAN_1, d).id();
            g.reading(d, LocalDate.of(2025, 12, 31), 10_000);
            g.reading(d, JAN_1.plusDays(14), 10_400);
            g.run(JAN_1, JAN_31); // fee 100.00 + 400 × 0.0333 = 13.32
            g.reading(d, JAN_31, 11_000); // read late: January had 1,000 clicks, not 400
            BillingRun feb = g.run(FEB_1, FEB_28);
            Invoice invoice = g.engine.invoices(BillingFixture.ADMIN, null, c, feb.id(), 0, 10).get(0);
            Invoice.Line adjustment = invoice.lines().stream()
                    .filter(l -> l.chargeKey().equals("mono/" + d + "/2026-01")).findFirst().orElseThrow();
            // now due 1,000 × 0.0333 = 33.30, billed before 13.32: adjusted by 19.98
            assertEquals(new BigDecimal("33.30"), adjustment.due());
            assertEquals(new BigDecimal("13.32"), adjustment.billedBefore());
            assertEquals(new BigDecimal("19.98"), adjustment.amount());
            assertTrue(adjustment.adjustment());
            assertTrue(adjustment.explanation().contains("billed before 13.32, adjusted by 19.98"));
            // the January invoice is untouched
            assertEquals(new BigDecimal("113.32"), g.engine.invoices(BillingFixture.ADMIN, null, c, null, 0, 10)
                    .get(1).net());
        }
    }

    @Test
    void KMNO_BILL_4_aSmallTotalIsDeferredAndComesWithTheNextRun() {
        f.terms(contract, Map.of("deferAtOrBelow", "200"));
        BillingRun jan = f.run(JAN_1, JAN_31); // 133.30 <= 200: deferred
        assertEquals(1, jan.deferred());
        assertEquals(0, f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).size());
        f.reading(device, FEB_28, 11_500);
        BillingRun feb = f.run(FEB_1, FEB_28); // January's 133.30 + fee 100.00 + 500 × 0.0333 = 16.65
        assertEquals(1, feb.invoiced());
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).get(0);
        assertEquals(new BigDecimal("249.95"), invoice.net());
        assertEquals(4, invoice.lines().size());
    }

    @Test
    void aFailingPolicyParksItsContractAndTheRunGoesOn() {
        long other = f.contract(f.organisation("Other"), JAN_1).id();
        f.terms(contract, Map.of("explode", "true"));
        BillingRun run = f.run(JAN_1, JAN_31);
        assertEquals(1, run.parkedCount());
        assertEquals(1, run.invoiced());
        assertEquals(contract, run.parked().get(0).contractId());
        assertTrue(run.parked().get(0).reason().contains("vendor acme failed"), run.parked().get(0).reason());
        assertEquals(1, f.engine.invoices(BillingFixture.ADMIN, null, other, null, 0, 10).size());
        assertEquals(0, f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).size());
        assertEquals(1, f.engine.runById(BillingFixture.ADMIN, run.id()).parked().size(), "the parking is recorded");
    }

    @Test
    void BILL_BOUND_1_anAbsurdAmountParksTheContractForReview() throws Exception {
        try (BillingFixture g = new BillingFixture(Map.of("maxLineAmount", "50", "maxInvoiceAmount", "1000"))) {
            long o = g.organisation("Bound");
            long c = g.contract(o, JAN_1).id();
            BillingRun run = g.run(JAN_1, JAN_31); // the fee of 100.00 is above 50 per line
            assertEquals(1, run.parkedCount());
            assertEquals(BillingEngine.BOUND_RULE, run.parked().get(0).rule());
            assertTrue(run.parked().get(0).reason().contains("fee/2026-01"));
            assertEquals(0, g.engine.invoices(BillingFixture.ADMIN, null, c, null, 0, 10).size());
        }
        try (BillingFixture g = new BillingFixture(Map.of("maxInvoiceAmount", "250"))) {
            long c = g.contract(g.organisation("Total"), JAN_1).id();
            BillingRun run = g.run(JAN_1, LocalDate.of(2026, 3, 31)); // 3 × 100.00 > 250
            assertEquals(1, run.parkedCount());
            assertTrue(run.parked().get(0).reason().contains("per invoice"));
            assertEquals(0, g.engine.invoices(BillingFixture.ADMIN, null, c, null, 0, 10).size());
        }
    }

    @Test
    void BILL_PLAUSIBLE_1_aReadingFarAboveTheUsualVolumeIsHeldForReview() {
        f.reading(device, FEB_28, 11_000 + 10_000); // 10,000 in 28 days after 1,000 in 31 days
        f.run(JAN_1, JAN_31);
        BillingRun feb = f.run(FEB_1, FEB_28);
        assertEquals(1, feb.parkedCount());
        assertEquals(MeterPlausibility.RULE, feb.parked().get(0).rule());
        assertTrue(feb.parked().get(0).reason().contains("10000 clicks in 28 days"), feb.parked().get(0).reason());
        assertEquals(1, f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).size());
    }

    @Test
    void aSelectionBillsOnlyItsContracts() {
        long otherOrg = f.organisation("Other");
        long other = f.contract(otherOrg, JAN_1).id();
        BillingRun byOrg = f.engine.run(BillingFixture.ADMIN, new BillingRun.Request(JAN_1, JAN_31,
                new BillingRun.Selection(BillingRun.Selection.Kind.ORGANISATION, String.valueOf(otherOrg)), false),
                null);
        assertEquals(1, byOrg.contracts());
        assertEquals(other, f.engine.invoices(BillingFixture.ADMIN, null, null, byOrg.id(), 0, 10).get(0)
                .contractId());
        BillingRun byVendor = f.engine.run(BillingFixture.ADMIN, new BillingRun.Request(JAN_1, JAN_31,
                new BillingRun.Selection(BillingRun.Selection.Kind.VENDOR, "canon"), false), null);
        assertEquals(0, byVendor.contracts());
        BillingRun byContract = f.engine.run(BillingFixture.ADMIN, new BillingRun.Request(JAN_1, JAN_31,
                new BillingRun.Selection(BillingRun.Selection.Kind.CONTRACT, String.valueOf(contract)), false),
                null);
        assertEquals(1, byContract.invoiced());
        BillingRun byMarket = f.engine.run(BillingFixture.ADMIN, new BillingRun.Request(JAN_1, JAN_31,
                new BillingRun.Selection(BillingRun.Selection.Kind.MARKET, "NO"), false), null);
        assertEquals(2, byMarket.contracts());
        assertEquals(2, byMarket.unchanged(), "both were billed by the runs before");
        DomainException bad = assertThrows(DomainException.class, () -> f.engine.run(BillingFixture.ADMIN,
                new BillingRun.Request(JAN_1, JAN_31, new BillingRun.Selection(BillingRun.Selection.Kind.CONTRACT,
                        "x"), false), null));
        assertEquals("selection.value", bad.field());
    }

    @Test
    void aDryRunAndAPreviewWriteNothing() {
        int runsBefore = f.engine.runs(BillingFixture.ADMIN, 0, 10).size();
        BillingRun dry = f.engine.run(BillingFixture.ADMIN, new BillingRun.Request(JAN_1, JAN_31, null, true),
                null);
        assertEquals(1, dry.invoiced());
        assertEquals(new BigDecimal("166.63"), dry.totals().get(0).gross());
        assertEquals(runsBefore, f.engine.runs(BillingFixture.ADMIN, 0, 10).size());
        BillingRun.Outcome preview = f.engine.preview(BillingFixture.ADMIN, contract, JAN_31);
        assertEquals(Status.INVOICED, preview.status());
        assertEquals(new BigDecimal("133.30"), preview.invoice().net());
        assertEquals(0, f.engine.invoices(BillingFixture.ADMIN, null, null, null, 0, 10).size());
        f.run(JAN_1, JAN_31);
        assertEquals(Status.UNCHANGED, f.engine.preview(BillingFixture.ADMIN, contract, JAN_31).status());
        // at the end of February the next invoice holds February's fee
        assertEquals(new BigDecimal("100.00"), f.engine.preview(BillingFixture.ADMIN, contract, FEB_28).invoice()
                .net());
    }

    @Test
    void BILL_ALLOW_1_theRunningBillForecastsTheCapAndAlertsItsOwnersOnly() {
        // today 2026-03-01 (Oslo); cap 3,000 mono A4 in 2026. Readings: 10,000 on 2025-12-31, 11,000 on 01-31
        // (setUp), 12,900 on 02-28: 2,900 used in 2026 (96 %), measured to 02-28 over 59 days (01-01..02-28):
        // 2,900 / 59 = 49.15 a day; 306 days left: 2,900 + 2,900 x 306 / 59 = 2,900 + 15,041 (15,040.68) =
        // 17,941; 14,941 over x 0.0333 = 497.54 NOK
        f.terms(contract, Map.of("capMonoA4", "3000"));
        f.reading(device, FEB_28, 12_900);
        f.platform.clock.set(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        RunningBill bill = f.engine.runningBill(Caller.customer("kari", org), contract);
        assertEquals(LocalDate.of(2026, 3, 1), bill.date());
        // the invoice so far: January and February's fees and clicks, March's fee
        assertEquals(Status.INVOICED, bill.invoice().status());
        RunningBill.Allowance cap = bill.allowances().get(0);
        assertEquals(2_900, cap.used());
        assertEquals(96, cap.percentUsed());
        assertEquals(new BigDecimal("49.15"), cap.perDay());
        assertEquals(17_941, cap.forecast());
        assertEquals(new BigDecimal("497.54"), cap.forecastAmount());
        assertEquals(List.of("NEARLY_USED", "FORECAST_OVERRUN"), bill.alerts().stream()
                .map(RunningBill.Alert::level).toList());
        assertEquals("ACME-CAP", bill.alerts().get(0).rule());
        // nothing was written
        assertEquals(0, f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10).size());
        // another organisation's customer, a self-service user and a stock user see no such contract
        long otherOrg = f.organisation("Other");
        for (Caller stranger : List.of(Caller.customer("ola", otherOrg),
                Caller.portal("self", org, PortalRole.SELF_SERVICE),
                Caller.portal("stock", org, PortalRole.STOCK_MANAGER))) {
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                    () -> f.engine.runningBill(stranger, contract)).kind());
        }
        // staff list it among the contracts with alerts; a customer may not list them
        RunningBill.AlertPage page = f.engine.alerts(TestPlatform.STAFF, 0, 10);
        assertEquals(List.of(contract), page.contracts().stream().map(RunningBill.ContractAlerts::contractId)
                .toList());
        assertNull(page.next());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class,
                () -> f.engine.alerts(Caller.customer("kari", org), 0, 10)).kind());
    }

    @Test
    void PORTAL_ACCT_1_aCustomerSeesOnlyItsOwnInvoicesAndStartsNoRun() {
        long otherOrg = f.organisation("Other");
        f.contract(otherOrg, JAN_1);
        f.run(JAN_1, JAN_31);
        Caller customer = Caller.customer("kari", org);
        List<Invoice> mine = f.engine.invoices(customer, null, null, null, 0, 10);
        assertEquals(1, mine.size());
        assertEquals(org, mine.get(0).organisationId());
        long theirs = f.engine.invoices(BillingFixture.ADMIN, otherOrg, null, null, 0, 10).get(0).id();
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> f.engine.invoice(customer, theirs)).kind());
        assertEquals(0, f.engine.invoices(customer, otherOrg, null, null, 0, 10).size());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> f.engine.run(customer,
                new BillingRun.Request(JAN_1, JAN_31, null, true), null)).kind());
    }

    @Test
    void twoConcurrentRunsOverTheSameContractsBillEachOnce() throws Exception {
        for (int i = 0; i < 5; i++) {
            f.contract(f.organisation("Many" + i), JAN_1);
        }
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<BillingRun> run = () -> {
            start.await();
            return f.run(JAN_1, JAN_31);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BillingRun>> runs = new ArrayList<>(pool.invokeAll(List.of(run, run)));
            int invoiced = runs.get(0).get().invoiced() + runs.get(1).get().invoiced();
            assertEquals(6, invoiced, "six contracts, each invoiced by exactly one of the runs");
            assertEquals(6, f.engine.invoices(BillingFixture.ADMIN, null, null, null, 0, 100).size());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void billingTermsAreValidatedAndMoveTheContractsVersion() {
        long version = f.platform.contracts.get(BillingFixture.ADMIN, contract).version();
        f.terms(contract, Map.of("billing", "prepaid"));
        assertEquals(Map.of("billing", "prepaid"), f.platform.contracts.billingTerms(BillingFixture.ADMIN, contract));
        assertEquals(version + 1, f.platform.contracts.get(BillingFixture.ADMIN, contract).version());
        assertEquals(DomainException.Kind.PRECONDITION_FAILED, assertThrows(DomainException.class,
                () -> f.platform.contracts.setBillingTerms(BillingFixture.ADMIN, contract, version, Map.of()))
                .kind());
        assertEquals("billingTerms", assertThrows(DomainException.class, () -> f.platform.contracts
                .setBillingTerms(BillingFixture.ADMIN, contract, version + 1, Map.of("1bad", "x"))).field());
        assertEquals(Map.of("billing", "prepaid"), f.platform.contracts.billingTerms(BillingFixture.ADMIN, contract),
                "a refusal changes nothing");
    }
}
