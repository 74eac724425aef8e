package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.ServiceOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the service centre does and sees beyond the customer, with billing: corrected meter histories billed as
 * adjustments (PORTAL-METER-4) and an organisation's service and payment history and credit status (PORTAL-SYNC-1).
 */
class ServiceCentreTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);
    private static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);
    private static final LocalDate FEB_28 = LocalDate.of(2026, 2, 28);

    private BillingFixture f;
    private MeterCorrectionsImpl corrections;
    private AccountHistoryImpl accounts;
    private long org;
    private long device;
    private long contract;

    @BeforeEach
    void setUp() throws Exception {
        f = new BillingFixture();
        corrections = new MeterCorrectionsImpl(f.platform.store, f.platform.clock);
        accounts = new AccountHistoryImpl(f.platform.store, f.platform.organisations, f.platform.orders, f.engine);
        org = f.organisation("Fjordvik");
        device = f.device(org, "SN-1");
        contract = f.contract(org, JAN_1, device).id();
        f.reading(device, LocalDate.of(2025, 12, 31), 10_000);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void PORTAL_METER_4_billingReadsTheCorrectedHistoryAndTheNextRunBillsTheDifference() {
        f.reading(device, JAN_31, 11_000);
        f.run(JAN_1, JAN_31); // fee 100.00 + 1,000 × 0.0333 = 33.30
        // the January reading was 10,400, not 11,000: corrected by the service centre
        corrections.correct(TestPlatform.STAFF, device, new MeterCorrection.Draft(JAN_31, null,
                new Counters(10_400, 0, 0, 0, 0, 0), false, "customer phoned: misread the counter"));
        f.reading(device, FEB_28, 11_300);
        BillingRun feb = f.run(FEB_1, FEB_28);
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, feb.id(), 0, 10).get(0);
        Invoice.Line adjustment = line(invoice, "mono/" + device + "/2026-01");
        // January now due 400 × 0.0333 = 13.32, billed before 33.30: credited 19.98
        assertEquals(new BigDecimal("13.32"), adjustment.due());
        assertEquals(new BigDecimal("33.30"), adjustment.billedBefore());
        assertEquals(new BigDecimal("-19.98"), adjustment.amount());
        assertTrue(adjustment.adjustment());
        // February from the corrected reading: 900 × 0.0333 = 29.97
        assertEquals(new BigDecimal("29.97"), line(invoice, "mono/" + device + "/2026-02").amount());
        // the January invoice never changes
        assertEquals(new BigDecimal("133.30"), f.engine.invoices(BillingFixture.ADMIN, null, contract, null, 0, 10)
                .get(1).net());
    }

    @Test
    void PORTAL_METER_4_aVoidedReadingIsNoLongerBilled() {
        f.reading(device, JAN_31, 11_000);
        f.run(JAN_1, JAN_31);
        corrections.correct(TestPlatform.STAFF, device, new MeterCorrection.Draft(JAN_31, null, null, true,
                "entered for the wrong device"));
        BillingRun feb = f.run(FEB_1, FEB_28);
        Invoice invoice = f.engine.invoices(BillingFixture.ADMIN, null, contract, feb.id(), 0, 10).get(0);
        // without a January reading there are no January clicks: what was billed is credited (the policy returns no
        // key for the month, so the key is left as billed: the credit is the policy's call, proven by the history)
        assertEquals(List.of(new BigDecimal("10000")), f.platform.readings.history(TestPlatform.STAFF, device).stream()
                .map(r -> BigDecimal.valueOf(r.counters().monoA4())).toList());
        assertEquals(new BigDecimal("100.00"), invoice.net(), "February: the fee only");
    }

    private static Invoice.Line line(Invoice invoice, String key) {
        return invoice.lines().stream().filter(l -> l.chargeKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void PORTAL_SYNC_1_staffSeeServiceHistoryPaymentHistoryAndCreditStatus() {
        f.reading(device, JAN_31, 11_000);
        f.run(JAN_1, JAN_31);
        f.reading(device, FEB_28, 11_500);
        f.run(FEB_1, FEB_28);
        Caller administrator = Caller.customer("admin", org);
        ServiceOrder order = f.platform.orders.register(administrator, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.WEB, "SVC-1", "jam", null, 11_500L, "Kari", "kari@a.example", Map.of()));
        CreditStatus clear = accounts.creditStatus(TestPlatform.STAFF, org);
        assertFalse(clear.debtHold());
        ServiceOrder held = f.platform.orders.hold(TestPlatform.STAFF, order.id(), order.version(),
                new ServiceOrder.Hold(ServiceOrder.PauseReason.DEBT, "January unpaid"));

        // service history: the customer's own order, as the customer sees it (PORTAL-SYNC-1: the same data)
        assertEquals(List.of(held), accounts.serviceHistory(TestPlatform.STAFF, org, 0, 0));
        // payment history: the invoices issued, newest first, with their totals
        List<CreditStatus.Payment> payments = accounts.paymentHistory(TestPlatform.STAFF, org, 0, 0);
        assertEquals(2, payments.size());
        assertEquals(FEB_28, payments.get(0).periodTo());
        assertEquals(new BigDecimal("116.65"), payments.get(0).net());
        assertEquals(new BigDecimal("145.81"), payments.get(0).gross());
        assertTrue(payments.get(1).number().startsWith("INV-"));
        // credit status: invoiced totals per currency and the debt hold (KMUA-DEBT-1)
        CreditStatus status = accounts.creditStatus(TestPlatform.STAFF, org);
        assertEquals(1, status.invoiced().size());
        CreditStatus.Invoiced nok = status.invoiced().get(0);
        assertEquals("NOK", nok.currency().getCurrencyCode());
        assertEquals(2, nok.invoices());
        assertEquals(0, new BigDecimal("249.95").compareTo(nok.net()));
        assertEquals(List.of(order.id()), status.debtHoldOrderIds());
        assertTrue(status.debtHold());
        assertEquals(payments.get(0).issued(), status.lastIssued());
        // the pause ends: the hold is gone at once (the same records on both sides)
        f.platform.orders.release(TestPlatform.STAFF, order.id(), held.version(), held.pauses().stream()
                .filter(p -> p.reason() == ServiceOrder.PauseReason.DEBT).findFirst().orElseThrow().id());
        assertFalse(accounts.creditStatus(TestPlatform.STAFF, org).debtHold());
        // an organisation with nothing yet
        long empty = f.organisation("Empty");
        CreditStatus none = accounts.creditStatus(TestPlatform.STAFF, empty);
        assertEquals(List.of(), none.invoiced());
        assertNull(none.lastIssued());
    }

    @Test
    void PORTAL_SYNC_1_customersOfEveryRoleAreRefusedAndUnknownOrganisationsNotFound() {
        for (PortalRole role : PortalRole.values()) {
            Caller c = Caller.portal("u-" + role, org, role);
            for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> accounts.creditStatus(c, org), () -> accounts.serviceHistory(c, org, 0, 10),
                    () -> accounts.paymentHistory(c, org, 0, 10))) {
                DomainException e = assertThrows(DomainException.class, call);
                assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
                assertEquals("PORTAL-SYNC-1", e.rule());
            }
        }
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> accounts.creditStatus(TestPlatform.STAFF, 999_999)).kind());
        // another organisation's account is not found for a customer, as every other organisation's resource
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> accounts.creditStatus(Caller.customer("other", org + 1), org)).kind());
        assertEquals(DomainException.Kind.INVALID, assertThrows(DomainException.class,
                () -> accounts.paymentHistory(TestPlatform.STAFF, org, -1, 10)).kind());
    }
}
