package org.dealerhub.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.Counters;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.spi.Charge;
import org.junit.jupiter.api.Test;

class InvoicingTest {

    static final Currency NOK = Currency.getInstance("NOK");
    static final LocalDate DAY = LocalDate.of(2026, 1, 31);

    static Charge charge(String key, String quantity, String unitPrice) {
        return new Charge(key, key, null, "item", DAY, DAY, new BigDecimal(quantity), new BigDecimal(unitPrice),
                "R-1");
    }

    @Test
    void quantityTimesUnitPriceIsRoundedOncePerLineHalfUp() {
        // 3 × 0.3333 = 0.9999 -> 1.00 (rounding each unit first would give 3 × 0.33 = 0.99)
        assertEquals(new BigDecimal("1.00"), Invoicing.due(charge("a", "3", "0.3333"), NOK));
        // 1 × 0.125 = 0.125 -> 0.13 (half up, not half even)
        assertEquals(new BigDecimal("0.13"), Invoicing.due(charge("b", "1", "0.125"), NOK));
        // 7 × 0.0333 = 0.2331 -> 0.23
        assertEquals(new BigDecimal("0.23"), Invoicing.due(charge("c", "7", "0.0333"), NOK));
        // a credit rounds half up away from zero: -1 × 0.125 -> -0.13
        assertEquals(new BigDecimal("-0.13"), Invoicing.due(charge("d", "-1", "0.125"), NOK));
    }

    @Test
    void onlyTheDifferenceFromWhatWasBilledUnderAKeyIsInvoiced() {
        List<Invoice.Line> lines = Invoicing.difference(List.of(charge("same", "10", "1"), charge("more", "12", "1"),
                charge("less", "0", "1"), charge("new", "2", "1.5")),
                Map.of("same", new BigDecimal("10.00"), "more", new BigDecimal("10.00"), "less",
                        new BigDecimal("4.00"), "gone", new BigDecimal("99.00")), NOK);
        // same: nothing; more: 12.00 - 10.00 = 2.00; less: 0.00 - 4.00 = -4.00 (a credit); new: 3.00;
        // gone (not returned by the policy): left as billed
        assertEquals(List.of("more", "less", "new"), lines.stream().map(Invoice.Line::chargeKey).toList());
        assertEquals(List.of(new BigDecimal("2.00"), new BigDecimal("-4.00"), new BigDecimal("3.00")),
                lines.stream().map(Invoice.Line::amount).toList());
        assertEquals(List.of(1, 2, 3), lines.stream().map(Invoice.Line::number).toList());
        assertEquals(new BigDecimal("1.00"), Invoicing.net(lines, NOK));
    }

    @Test
    void aKeyTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Invoicing.difference(List.of(charge("k", "1", "1"),
                charge("k", "2", "1")), Map.of(), NOK));
    }

    @Test
    void KMNO_PRICE_1_vatIsOneTotalOnTheNetAmountRoundedOnce() {
        // 133.30 × 25 % = 33.325 -> 33.33
        assertEquals(new BigDecimal("33.33"), Invoicing.vat(new BigDecimal("133.30"), BigDecimal.valueOf(25), NOK));
        // 0.10 × 20 % = 0.02
        assertEquals(new BigDecimal("0.02"), Invoicing.vat(new BigDecimal("0.10"), BigDecimal.valueOf(20), NOK));
    }

    static MeterReading reading(LocalDate day, long mono) {
        return new MeterReading(1, day, new Counters(mono, 0, 0, 0, 0, 0), null, "t");
    }

    @Test
    void BILL_PLAUSIBLE_1_aReadingFarAboveTheRecentAverageIsHeld() {
        MeterPlausibility rule = new MeterPlausibility(200, 6, 1000);
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        LocalDate feb1 = LocalDate.of(2026, 2, 1);
        LocalDate mar1 = LocalDate.of(2026, 3, 1);
        // 3,100 in January (100 a day); February allows 100 × 3 = 300 a day, 28 days: 8,400
        List<MeterReading> fine = List.of(reading(jan1, 0), reading(feb1, 3_100), reading(mar1, 3_100 + 8_400));
        assertTrue(rule.check(1, fine, feb1.plusDays(1), mar1).isEmpty());
        List<MeterReading> high = List.of(reading(jan1, 0), reading(feb1, 3_100), reading(mar1, 3_100 + 8_401));
        assertTrue(rule.check(1, high, feb1.plusDays(1), mar1).isPresent());
        // readings outside the period are not judged again
        assertTrue(rule.check(1, high, mar1.plusDays(1), mar1.plusDays(30)).isEmpty());
        // under 28 days of history, or at most the minimum clicks, nothing is judged
        assertTrue(rule.check(1, List.of(reading(jan1, 0), reading(jan1.plusDays(10), 10),
                reading(feb1, 50_000)), feb1, feb1).isEmpty());
        assertTrue(rule.check(1, List.of(reading(jan1, 0), reading(feb1, 31), reading(mar1, 1_000)), feb1, mar1)
                .isEmpty());
    }

    @Test
    void BILL_PLAUSIBLE_1_theAverageIsTakenOverTheMonthsBeforeEachReadingOnly() {
        MeterPlausibility rule = new MeterPlausibility(200, 6, 1000);
        LocalDate jan1 = LocalDate.of(2025, 1, 1);
        // 30,000 a month until April, then 3,000 a month; in November 15,000 (about 500 a day). Its 6 months
        // before the previous reading (1 May to 1 November, 184 days) used 18,000, 97.8 a day: 500 > 3 × 97.8,
        // held; over the whole year before (365 a day) it would pass. Every reading of the year is judged in turn.
        List<MeterReading> readings = new java.util.ArrayList<>(List.of(reading(jan1, 0)));
        long counter = 0;
        for (int month = 1; month <= 10; month++) {
            counter += month <= 3 ? 30_000 : 3_000;
            readings.add(reading(jan1.plusMonths(month), counter));
        }
        assertTrue(rule.check(1, readings, jan1, jan1.plusMonths(10)).isEmpty());
        readings.add(reading(jan1.plusMonths(11), counter + 15_000));
        assertTrue(rule.check(1, readings, jan1, jan1.plusMonths(11)).orElseThrow()
                .contains("average of 97.8 a day over the 184 days before"));
    }
}
