package org.dealerhub.vendor.printernorge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.Contract;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.junit.jupiter.api.Test;

class PrinterNorgeBillingPolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private final PrinterNorgeBillingPolicy policy = new PrinterNorgeBillingPolicy();

    @Test
    void PN_BILL_1_uncoveredWorkInStartedQuarterHours() {
        // 31 minutes (user error) -> 3 started steps = 0.75 h x 980.00 = 735.00;
        // on another order 15 minutes (third party) -> 1 step = 0.25 h x 980.00 = 245.00; covered work: nothing
        BillingResult r = policy.bill(context(LocalDate.of(2026, 3, 31), Map.of("serviceRate", new BigDecimal("980")),
                List.of(work("SO-1", "31", false, "PN-FAULT-3"), work("SO-2", "15", false, "PN-FAULT-2"),
                        work("SO-3", "120", true, "PN-FAULT-1"))));
        assertEquals(List.of("work/SO-1/labour/2026-03-10", "work/SO-2/labour/2026-03-10"),
                r.charges().stream().map(Charge::key).toList());
        assertEquals(new BigDecimal("0.75"), r.charges().get(0).quantity());
        assertEquals(new BigDecimal("735.00"), amount(r.charges().get(0)));
        assertEquals(new BigDecimal("245.00"), amount(r.charges().get(1)));
        assertTrue(r.charges().stream().allMatch(c -> c.rule().equals("PN-BILL-1")));
    }

    @Test
    void PN_BILL_1_eachPieceOfWorkRoundedOnItsOwn() {
        // two phone calls of 5 minutes on one order and day: 1 + 1 steps = 0.50 h x 980.00 = 490.00
        BillingResult r = policy.bill(context(LocalDate.of(2026, 3, 31), Map.of("serviceRate", new BigDecimal("980")),
                List.of(work("SO-1", "5", false, "PN-FAULT-3"), work("SO-1", "5", false, "PN-FAULT-3"))));
        assertEquals(1, r.charges().size());
        assertEquals(new BigDecimal("490.00"), amount(r.charges().get(0)));
    }

    @Test
    void PN_BILL_1_keysStableAcrossRunsAndWithoutARateNothingIsBilled() {
        List<Work> work = List.of(work("SO-1", "31", false, "PN-FAULT-3"));
        Map<String, BigDecimal> prices = Map.of("serviceRate", new BigDecimal("980"));
        assertEquals(policy.bill(context(LocalDate.of(2026, 3, 31), prices, work)).charges(),
                policy.bill(context(LocalDate.of(2026, 9, 30), prices, work)).charges());
        // work after the period's end is not known yet
        assertTrue(policy.bill(context(LocalDate.of(2026, 3, 9), prices, work)).charges().isEmpty());
        BillingResult noRate = policy.bill(context(LocalDate.of(2026, 3, 31), Map.of(), work));
        assertTrue(noRate.charges().isEmpty());
        assertEquals("PN-BILL-1", noRate.notices().get(0).rule());
    }

    private static Work work(String order, String minutes, boolean covered, String rule) {
        return new Work(order.hashCode(), order, 4L, DAY, "labour", covered, new BigDecimal(minutes), null, rule);
    }

    private static BillingContext context(LocalDate periodEnd, Map<String, BigDecimal> prices, List<Work> work) {
        Contract contract = new Contract(1, 1, PrinterNorgeVendor.ID, "NO", "OPERATING", LocalDate.of(2026, 1, 1),
                null, List.of(4L), "support-centre", "support-centre", null, Instant.EPOCH, 0);
        return new BillingContext(contract, "support-centre", Map.of(), periodEnd.withDayOfMonth(1), periodEnd,
                Currency.getInstance("NOK"), prices, Map.of(), List.of(), work, Map.of());
    }

    private static BigDecimal amount(Charge c) {
        return c.quantity().multiply(c.unitPrice()).setScale(2, RoundingMode.HALF_UP);
    }
}
