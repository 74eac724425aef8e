package org.dealerhub.vendor.konicaminolta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.spi.Allowance;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.IndexValue;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.junit.jupiter.api.Test;

/**
 * Konica Minolta Norway's billing terms, each worked example computed by hand in its comment. The device prints
 * every month 10,000 mono A4, 2,000 colour A4, 500 mono A3, 100 colour A3 and scans 3,000 pages; prices: fixed fees
 * 500.00/month, mono 0.05, colour 0.40, scan 0.01.
 */
class KonicaMinoltaNorwayBillingPolicyTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final Map<String, BigDecimal> PRICES = Map.of("monthlyFee", new BigDecimal("500"),
            "clickMonoA4", new BigDecimal("0.05"), "clickColourA4", new BigDecimal("0.40"),
            "clickScan", new BigDecimal("0.01"), "estimationFee", new BigDecimal("150"),
            "baseSubscription", new BigDecimal("200"), "hourlyRate", new BigDecimal("1100"),
            "saasUser", new BigDecimal("45"), "portalLicence", new BigDecimal("300"),
            "returnFreight", new BigDecimal("750"));

    private final KonicaMinoltaNorwayBillingPolicy policy = new KonicaMinoltaNorwayBillingPolicy();

    @Test
    void KMNO_BILL_1_prepaidOnAccountEverySixMonthsSettledEveryTwelve() {
        Map<String, String> terms = Map.of("billing", "prepaid", "committedMonoA4", "100000",
                "committedColourA4", "20000");
        BillingResult r = bill(terms, LocalDate.of(2026, 12, 31), device(21, 25));
        // fixed fees 6 months in advance: 6 x 500.00 = 3,000.00 each half-year
        assertEquals(new BigDecimal("3000.00"), amount(r, "fee/2026-01-01"));
        assertEquals(new BigDecimal("3000.00"), amount(r, "fee/2026-07-01"));
        // on account: half the committed volume: 50,000 x 0.05 = 2,500.00 mono, 10,000 x 0.40 = 4,000.00 colour
        assertEquals(new BigDecimal("2500.00"), amount(r, "on-account/2026-07-01/clickMonoA4"));
        assertEquals(new BigDecimal("4000.00"), amount(r, "on-account/2026-07-01/clickColourA4"));
        // settled after 12 months: mono 120,000 used - 100,000 on account = 20,000 x 0.05 = 1,000.00;
        // colour 24,000 - 20,000 = 4,000 x 0.40 = 1,600.00
        assertEquals(new BigDecimal("1000.00"), amount(r, "settlement/2026-01-01/clickMonoA4"));
        assertEquals(new BigDecimal("1600.00"), amount(r, "settlement/2026-01-01/clickColourA4"));
        // scans every 6 months with the A3 volume: 18,000 x 0.01 = 180.00
        assertEquals(new BigDecimal("180.00"), amount(r, "volume/2026-07-01/21/clickScan"));
        // mid-year: the first half-year's fees and on account, no settlement; a day later the second half's, in advance
        BillingResult june = bill(terms, LocalDate.of(2026, 6, 30), device(21, 25));
        assertTrue(keys(june).stream().noneMatch(k -> k.startsWith("settlement") || k.contains("2026-07-01")));
        assertTrue(keys(bill(terms, LocalDate.of(2026, 7, 1), device(21, 25))).containsAll(
                List.of("fee/2026-07-01", "on-account/2026-07-01/clickMonoA4")));
    }

    @Test
    void KMNO_BILL_1_settlementCreditsAnOnAccountAboveTheUse() {
        // committed 150,000 mono, used 120,000: settlement -30,000 x 0.05 = -1,500.00 (no minimum agreed)
        BillingResult r = bill(Map.of("committedMonoA4", "150000"), LocalDate.of(2026, 12, 31), device(21, 25));
        assertEquals(new BigDecimal("-1500.00"), amount(r, "settlement/2026-01-01/clickMonoA4"));
    }

    @Test
    void KMNO_BILL_5_postpaidActualVolumeEveryThreeMonthsFixedFeesInArrears() {
        Map<String, String> terms = Map.of("billing", "postpaid");
        BillingResult r = bill(terms, LocalDate.of(2026, 6, 30), device(21, 25));
        // per quarter: fees 3 x 500.00 = 1,500.00; mono 30,000 x 0.05 = 1,500.00; colour 6,000 x 0.40 = 2,400.00;
        // mono A3 1,500 x (2 x 0.05) = 150.00; colour A3 300 x (2 x 0.40) = 240.00; scans 9,000 x 0.01 = 90.00
        for (String q : List.of("2026-01-01", "2026-04-01")) {
            assertEquals(new BigDecimal("1500.00"), amount(r, "fee/" + q));
            assertEquals(new BigDecimal("1500.00"), amount(r, "volume/" + q + "/21/clickMonoA4"));
            assertEquals(new BigDecimal("2400.00"), amount(r, "volume/" + q + "/21/clickColourA4"));
            assertEquals(new BigDecimal("150.00"), amount(r, "volume/" + q + "/21/clickMonoA3"));
            assertEquals(new BigDecimal("240.00"), amount(r, "volume/" + q + "/21/clickColourA3"));
            assertEquals(new BigDecimal("90.00"), amount(r, "volume/" + q + "/21/clickScan"));
        }
        assertEquals(12, r.charges().size());
        // in arrears: on 2026-05-15 only the first quarter is billed
        assertTrue(keys(bill(terms, LocalDate.of(2026, 5, 15), device(21, 25))).stream()
                .noneMatch(k -> k.contains("2026-04-01")));
    }

    @Test
    void KMNO_BILL_2_yearlyMinimumPaidWhateverTheUseNeverCredited() {
        // minimum 200,000 mono; used 120,000 A4 + 2 x 6,000 A3 = 132,000 -> 68,000 not used x 0.05 = 3,400.00.
        // The year's mono then costs 120,000 x 0.05 + 6,000 x 0.10 + 3,400.00 = 10,000.00 = 200,000 x 0.05
        Map<String, String> terms = Map.of("billing", "postpaid", "minimumMonoA4", "200000");
        BillingResult r = bill(terms, LocalDate.of(2026, 12, 31), device(21, 25));
        assertEquals(new BigDecimal("3400.00"), amount(r, "minimum/2026-01-01/clickMonoA4"));
        BigDecimal mono = r.charges().stream().filter(c -> c.item().startsWith("clickMono")).map(c -> amount(c))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("10000.00"), mono);
        assertTrue(r.charges().stream().allMatch(c -> c.quantity().signum() >= 0));
        // a later run keeps the same minimum for 2026 and bills 2027's on its own, never a credit
        BillingResult later = bill(terms, LocalDate.of(2027, 12, 31), device(21, 25));
        assertEquals(new BigDecimal("3400.00"), amount(later, "minimum/2026-01-01/clickMonoA4"));
        assertEquals(new BigDecimal("3400.00"), amount(later, "minimum/2027-01-01/clickMonoA4"));
        assertTrue(later.charges().stream().allMatch(c -> c.quantity().signum() >= 0));
        // a minimum that the use reaches costs nothing: 132,000 >= 100,000
        assertFalse(keys(bill(Map.of("billing", "postpaid", "minimumMonoA4", "100000"), LocalDate.of(2026, 12, 31),
                device(21, 25))).stream().anyMatch(k -> k.startsWith("minimum")));
    }

    @Test
    void KMNO_BILL_2_theRunningYearsMinimumIsAnAllowanceForTheRunningBill() {
        // minimum 200,000 mono a year; by 2026-06-30: 6 x 10,000 A4 + 2 x 6 x 500 A3 = 66,000 A4 pages used
        Map<String, String> terms = Map.of("billing", "postpaid", "minimumMonoA4", "200000");
        BillingResult r = bill(terms, LocalDate.of(2026, 6, 30), device(21, 7));
        Allowance minimum = r.allowances().get(0);
        assertEquals("minimum/2026-01-01/clickMonoA4", minimum.key());
        assertEquals(Allowance.Kind.MINIMUM, minimum.kind());
        assertEquals(200_000, minimum.limit());
        assertEquals(66_000, minimum.used());
        assertEquals(LocalDate.of(2026, 6, 30), minimum.measuredTo());
        assertEquals(LocalDate.of(2026, 12, 31), minimum.to());
        assertEquals(new BigDecimal("0.05"), minimum.unitPrice());
        assertEquals("KMNO-BILL-2", minimum.rule());
        // once the year is over it is billed, not forecast
        assertTrue(bill(terms, LocalDate.of(2026, 12, 31), device(21, 13)).allowances().stream()
                .noneMatch(x -> x.key().startsWith("minimum/2026")));
    }

    @Test
    void KMNO_BILL_3_a3TwiceA4UnlessItsOwnPriceSettledEverySixMonths() {
        // prepaid: A3 every 6 months: mono 3,000 x 0.10 (2 x 0.05) = 300.00, colour 600 x 0.80 = 480.00
        BillingResult r = bill(Map.of(), LocalDate.of(2026, 6, 30), device(21, 25));
        assertEquals(new BigDecimal("300.00"), amount(r, "volume/2026-01-01/21/clickMonoA3"));
        assertEquals(new BigDecimal("480.00"), amount(r, "volume/2026-01-01/21/clickColourA3"));
        assertEquals("KMNO-BILL-3", charge(r, "volume/2026-01-01/21/clickMonoA3").rule());
        // its own A3 price 0.08: 3,000 x 0.08 = 240.00
        Map<String, BigDecimal> prices = new HashMap<>(PRICES);
        prices.put("clickMonoA3", new BigDecimal("0.08"));
        assertEquals(new BigDecimal("240.00"), amount(policy.bill(context(contract(LocalDate.of(2027, 12, 31)),
                Map.of(), LocalDate.of(2026, 6, 30), prices, Map.of(), List.of(device(21, 25)), List.of(), Map.of())),
                "volume/2026-01-01/21/clickMonoA3"));
        // not before the half-year is over
        assertTrue(keys(bill(Map.of(), LocalDate.of(2026, 5, 31), device(21, 25))).stream()
                .noneMatch(k -> k.startsWith("volume")));
    }

    @Test
    void KMNO_BILL_4_smallInvoicesDeferredExcludingVat() {
        BillingResult r = bill(Map.of(), LocalDate.of(2026, 1, 31));
        assertEquals(0, new BigDecimal("100").compareTo(r.deferAtOrBelow()));
        assertEquals("KMNO-BILL-4", r.deferRule());
    }

    @Test
    void KMNO_BILL_6_deviationOverFifteenPercentReported() {
        // committed 100,000 mono, used 132,000 A4 pages (A3 as 2) = 32 % over: reported, not billed
        BillingResult over = bill(Map.of("committedMonoA4", "100000"), LocalDate.of(2026, 12, 31), device(21, 25));
        assertTrue(over.notices().stream().anyMatch(n -> n.rule().equals("KMNO-BILL-6")
                && n.message().contains("132,000") && n.message().contains("100000")));
        // committed 120,000: 132,000 is 10 % over: nothing to report
        BillingResult within = bill(Map.of("committedMonoA4", "120000"), LocalDate.of(2026, 12, 31), device(21, 25));
        assertTrue(within.notices().stream().noneMatch(n -> n.rule().equals("KMNO-BILL-6")));
    }

    @Test
    void KMNO_RENEW_1_renewsYearlyUnlessTerminatedFourWholeCalendarMonthsBeforeExpiry() {
        // expiry 2026-12-31: a notice on 2026-08-31 leaves September to December (4 whole months): ends 2026-12-31;
        // a notice on 2026-09-01 leaves October to December (3): the agreement renews to 2027-12-31
        assertEquals(4, KonicaMinoltaNorwayBillingPolicy.wholeMonthsBetween(LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 12, 31)));
        assertEquals(3, KonicaMinoltaNorwayBillingPolicy.wholeMonthsBetween(LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31)));
        Contract oneYear = contract(LocalDate.of(2026, 12, 31));
        BillingResult inTime = policy.bill(context(oneYear, Map.of("billing", "postpaid", "terminatedOn",
                "2026-08-31"), LocalDate.of(2027, 12, 31), PRICES, Map.of(), List.of(), List.of(), Map.of()));
        assertEquals(List.of("fee/2026-01-01", "fee/2026-04-01", "fee/2026-07-01", "fee/2026-10-01"), keys(inTime));
        BillingResult late = policy.bill(context(oneYear, Map.of("billing", "postpaid", "terminatedOn",
                "2026-09-01"), LocalDate.of(2028, 6, 30), PRICES, Map.of(), List.of(), List.of(), Map.of()));
        assertEquals("fee/2027-10-01", keys(late).stream().filter(k -> k.startsWith("fee/")).reduce((a, b) -> b)
                .orElseThrow());
        // without a notice it runs on
        assertTrue(keys(policy.bill(context(oneYear, Map.of("billing", "postpaid"), LocalDate.of(2028, 6, 30),
                PRICES, Map.of(), List.of(), List.of(), Map.of()))).contains("fee/2028-01-01"));
    }

    @Test
    void KMNO_RENEW_2_earlyTerminationBillsTheRemainingPeriod() {
        // ended 2026-06-30 in an agreement to 2027-12-31: 18 months remain. Per month since signing: fees 500.00 +
        // use (60,000 x 0.05 + 12,000 x 0.40 + 3,000 x 0.10 + 600 x 0.80 = 8,580.00) / 6 = 1,430.00 -> 1,930.00;
        // 18 x 1,930.00 = 34,740.00
        Map<String, String> terms = Map.of("billing", "postpaid", "endedEarlyOn", "2026-06-30");
        BillingResult r = bill(terms, LocalDate.of(2026, 9, 30), device(21, 25));
        Charge rest = charge(r, "early-termination");
        assertEquals(new BigDecimal("18"), rest.quantity());
        assertEquals(new BigDecimal("34740.00"), amount(rest));
        assertTrue(keys(r).stream().noneMatch(k -> k.contains("2026-07-01")));
        // trading in for another of the provider's machines: no remaining period
        assertFalse(keys(bill(Map.of("billing", "postpaid", "endedEarlyOn", "2026-06-30", "tradeIn", "true"),
                LocalDate.of(2026, 9, 30), device(21, 25))).contains("early-termination"));
    }

    @Test
    void KMNO_RENEW_3_thirtyPercentAndTheBaseSubscriptionAfterTheAgreedPeriod() {
        // agreed to 2026-12-31, renewed: Q1 2027 fees 3 x (500.00 x 1.30 = 650.00) = 1,950.00, base subscription
        // 3 x 200.00 = 600.00, mono 30,000 x (0.05 x 1.30 = 0.065) = 1,950.00
        BillingResult r = policy.bill(context(contract(LocalDate.of(2026, 12, 31)), Map.of("billing", "postpaid"),
                LocalDate.of(2027, 3, 31), PRICES, Map.of(), List.of(device(21, 25)), List.of(), Map.of()));
        assertEquals(new BigDecimal("1950.00"), amount(r, "fee/2027-01-01"));
        assertEquals(new BigDecimal("600.00"), amount(r, "base/2027-01-01"));
        assertEquals(new BigDecimal("1950.00"), amount(r, "volume/2027-01-01/21/clickMonoA4"));
        assertEquals(new BigDecimal("1500.00"), amount(r, "fee/2026-10-01"));
        assertFalse(keys(r).contains("base/2026-10-01"));
    }

    @Test
    void KMNO_PRICE_1_yearlyCpiAdjustmentNeverBelowTheAgreedPrice() {
        // CPI 130.0 at the start, 134.55 at the first anniversary (+3.5 %): 500.00 x 134.55 / 130 = 517.50 a month,
        // Q1 2027 3 x 517.50 = 1,552.50; the first year stays at 500.00
        Map<String, List<IndexValue>> cpi = Map.of("CPI", List.of(new IndexValue(LocalDate.of(2025, 12, 1),
                new BigDecimal("130.0")), new IndexValue(LocalDate.of(2026, 12, 1), new BigDecimal("134.55"))));
        BillingResult r = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), Map.of("billing", "postpaid"),
                LocalDate.of(2027, 3, 31), PRICES, cpi, List.of(), List.of(), Map.of()));
        assertEquals(new BigDecimal("1552.50"), amount(r, "fee/2027-01-01"));
        assertEquals(new BigDecimal("1500.00"), amount(r, "fee/2026-10-01"));
        // a falling index never lowers the agreed price: 125.0 < 130.0 -> 1,500.00
        Map<String, List<IndexValue>> falling = Map.of("CPI", List.of(new IndexValue(LocalDate.of(2025, 12, 1),
                new BigDecimal("130.0")), new IndexValue(LocalDate.of(2026, 12, 1), new BigDecimal("125.0"))));
        assertEquals(new BigDecimal("1500.00"), amount(policy.bill(context(contract(LocalDate.of(2027, 12, 31)),
                Map.of("billing", "postpaid"), LocalDate.of(2027, 3, 31), PRICES, falling, List.of(), List.of(),
                Map.of())), "fee/2027-01-01"));
        // cpiAdjust=false keeps the agreed price
        assertEquals(new BigDecimal("1500.00"), amount(policy.bill(context(contract(LocalDate.of(2027, 12, 31)),
                Map.of("billing", "postpaid", "cpiAdjust", "false"), LocalDate.of(2027, 3, 31), PRICES, cpi,
                List.of(), List.of(), Map.of())), "fee/2027-01-01"));
    }

    @Test
    void KMNO_PRICE_2_aYearlyIncreaseOnTopOfTheIndex() {
        // 5 % a year agreed (used equipment): 2027 fees 500.00 x 1.05 = 525.00 a month, Q1 2027 3 x 525.00 =
        // 1,575.00; with CPI +3.5 % as well: 500.00 x 1.035 = 517.50 x 1.05 = 543.375 -> 543.3750 x 3 = 1,630.13
        Map<String, String> terms = Map.of("billing", "postpaid", "yearlyIncreasePercent", "5");
        assertEquals(new BigDecimal("1575.00"), amount(policy.bill(context(contract(LocalDate.of(2027, 12, 31)),
                terms, LocalDate.of(2027, 3, 31), PRICES, Map.of(), List.of(), List.of(), Map.of())),
                "fee/2027-01-01"));
        Map<String, List<IndexValue>> cpi = Map.of("CPI", List.of(new IndexValue(LocalDate.of(2025, 12, 1),
                new BigDecimal("130.0")), new IndexValue(LocalDate.of(2026, 12, 1), new BigDecimal("134.55"))));
        BillingResult both = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms,
                LocalDate.of(2027, 3, 31), PRICES, cpi, List.of(), List.of(), Map.of()));
        assertEquals(new BigDecimal("1630.13"), amount(both, "fee/2027-01-01"));
        assertEquals(new BigDecimal("1500.00"), amount(both, "fee/2026-10-01"));
    }

    @Test
    void KMNO_METER_1_estimateWithFeeCorrectedAtTheNextSettlementNeverRefunded() {
        // readings to 2026-02-28 only (mono 20,000); the Q1 run estimates 2026-03-31 from 20,000 in 58 days:
        // 20,000 + 20,000 x 31 / 58 = 30,689 -> 30,689 x 0.05 = 1,534.45, plus the estimation fee 150.00
        Map<String, String> terms = Map.of("billing", "postpaid");
        DeviceUsage missing = device(21, 3);
        BillingResult estimated = bill(terms, LocalDate.of(2026, 3, 31), missing);
        String key = "volume/2026-01-01/21/clickMonoA4";
        assertEquals(30_689, charge(estimated, key).quantity().longValueExact());
        assertEquals(new BigDecimal("1534.45"), amount(estimated, key));
        assertEquals(new BigDecimal("150.00"), amount(estimated, "estimate-fee/21/2026-03-31"));
        // a device on remote monitoring (CSRC) reads itself: estimated the same way, but without the fee
        BillingResult remote = bill(Map.of("billing", "postpaid", "remoteMonitoring", "true"),
                LocalDate.of(2026, 3, 31), missing);
        assertEquals(new BigDecimal("1534.45"), amount(remote, key));
        assertFalse(keys(remote).contains("estimate-fee/21/2026-03-31"));
        // the reading of 2026-03-31 comes late and shows 30,000: the same key now says 1,500.00, the 34.45 billed on
        // the estimate is kept (never refunded), and so is the fee
        Map<String, BigDecimal> billed = Map.of(key, new BigDecimal("1534.45"), "estimate-fee/21/2026-03-31",
                new BigDecimal("150.00"));
        BillingResult corrected = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms,
                LocalDate.of(2026, 6, 30), PRICES, Map.of(), List.of(device(21, 4)), List.of(), billed));
        assertEquals(new BigDecimal("1500.00"), amount(corrected, key));
        assertEquals(new BigDecimal("34.45"), amount(corrected, key + "/estimate-kept"));
        assertEquals(new BigDecimal("150.00"), amount(corrected, "estimate-fee/21/2026-03-31"));
        // a late reading above the estimate is corrected upwards: 31,000 x 0.05 = 1,550.00, nothing kept
        List<MeterReading> more = new ArrayList<>(device(21, 3).readings());
        more.add(new MeterReading(21, LocalDate.of(2026, 3, 31), new Counters(31_000, 6_000, 1_500, 300, 0, 9_000),
                Instant.EPOCH, "test"));
        BillingResult higher = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms,
                LocalDate.of(2026, 6, 30), PRICES, Map.of(), List.of(new DeviceUsage(21, "bizhub C300i", null, null,
                        START, null, null, more)), List.of(), billed));
        assertEquals(new BigDecimal("1550.00"), amount(higher, key));
        assertFalse(keys(higher).contains(key + "/estimate-kept"));
        // the provider's time reading the meter: 30 minutes = 0.5 h x 1,100.00 = 550.00
        BillingResult time = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms,
                LocalDate.of(2026, 3, 31), PRICES, Map.of(), List.of(), List.of(work("meter-reading", "30", null)),
                Map.of()));
        assertEquals(new BigDecimal("550.00"), amount(time, "work/SO-1/meter-reading/null/2026-03-10"));
    }

    @Test
    void keysAreStableAcrossRuns() {
        // what the run of 2026-06-30 found due is due under the same keys and amounts on 2026-12-31
        for (String billing : List.of("prepaid", "postpaid")) {
            Map<String, String> terms = Map.of("billing", billing, "committedMonoA4", "100000",
                    "minimumColourA4", "30000", "portal", "true");
            BillingResult june = bill(terms, LocalDate.of(2026, 6, 30), device(21, 25));
            BillingResult december = bill(terms, LocalDate.of(2026, 12, 31), device(21, 25));
            for (Charge c : june.charges()) {
                assertEquals(c, charge(december, c.key()), billing);
            }
            assertEquals(june.charges(), bill(terms, LocalDate.of(2026, 6, 30), device(21, 25)).charges());
        }
    }

    @Test
    void KMNO_BILL_5_aLateReadingChangesTheAmountUnderTheSameKey() {
        // Q1 billed with 30,000 mono (1,500.00); the reading of 2026-03-31 is corrected to 29,000: 1,000 pages move
        // from Q1 to Q2 under the same keys: Q1 29,000 x 0.05 = 1,450.00, Q2 31,000 x 0.05 = 1,550.00
        Map<String, String> terms = Map.of("billing", "postpaid");
        assertEquals(new BigDecimal("1500.00"), amount(bill(terms, LocalDate.of(2026, 7, 10), device(21, 7)),
                "volume/2026-01-01/21/clickMonoA4"));
        List<MeterReading> readings = new ArrayList<>(device(21, 7).readings());
        readings.set(3, new MeterReading(21, LocalDate.of(2026, 3, 31), new Counters(29_000, 6_000, 1_500, 300, 0,
                9_000), Instant.EPOCH, "test"));
        BillingResult r = bill(terms, LocalDate.of(2026, 7, 10), new DeviceUsage(21, "bizhub C300i", null, null, START,
                null, null, readings));
        assertEquals(new BigDecimal("1450.00"), amount(r, "volume/2026-01-01/21/clickMonoA4"));
        assertEquals(new BigDecimal("1550.00"), amount(r, "volume/2026-04-01/21/clickMonoA4"));
    }

    @Test
    void KMNO_OPER_1_SUPPORT_1_WAIT_1_MOVE_1_INST_1_DELIV_2_workFromServiceOrders() {
        Map<String, String> terms = Map.of("supportAgreement", "true");
        List<Work> work = List.of(work("operator-training", "90", null), work("support", "100", null),
                work("support", "50", null), work("waiting", "10", null), work("waiting", "30", null),
                work("move", "60", null), work("installation", "45", null), work("delivery", "1", "returnFreight"));
        BillingResult r = policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms, LocalDate.of(2026, 3, 31),
                PRICES, Map.of(), List.of(), work, Map.of()));
        // KMNO-OPER-1: 90 minutes = 1.5 h x 1,100.00 = 1,650.00
        assertEquals(new BigDecimal("1650.00"), amount(r, "work/SO-1/operator-training/null/2026-03-10"));
        // KMNO-SUPPORT-1: 150 minutes in the contract year, 120 covered: 30 minutes = 0.5 h x 1,100.00 = 550.00
        assertEquals(new BigDecimal("550.00"), amount(r, "support/2026-01-01"));
        // KMNO-WAIT-1: 10 minutes not billed, 30 minutes = 0.5 h x 1,100.00 = 550.00
        assertEquals(new BigDecimal("550.00"), amount(r, "work/SO-1/waiting/null/2026-03-10"));
        // KMNO-MOVE-1: 1 h = 1,100.00; KMNO-INST-1: 45 minutes = 0.75 h = 825.00; KMNO-DELIV-2: 1 x 750.00
        assertEquals(new BigDecimal("1100.00"), amount(r, "work/SO-1/move/null/2026-03-10"));
        assertEquals(new BigDecimal("825.00"), amount(r, "work/SO-1/installation/null/2026-03-10"));
        assertEquals(new BigDecimal("750.00"), amount(r, "work/SO-1/delivery/returnFreight/2026-03-10"));
        // without a support agreement all 150 minutes: 2.5 h x 1,100.00 = 2,750.00
        assertEquals(new BigDecimal("2750.00"), amount(policy.bill(context(contract(LocalDate.of(2027, 12, 31)),
                Map.of(), LocalDate.of(2026, 3, 31), PRICES, Map.of(), List.of(), work, Map.of())),
                "support/2026-01-01"));
    }

    @Test
    void KMNO_SAAS_1_perUserQuarterlyInAdvanceAfterTheTrial() {
        // ready 2026-01-04: trial 10 days from 2026-01-05 to 2026-01-14, billed from 2026-01-15 a quarter ahead:
        // 10 users x 45.00 = 450.00; from 2026-04-15 12 users (counted on 2026-04-10) x 45.00 = 540.00
        BillingResult r = bill(Map.of("saasReadyOn", "2026-01-04", "saasUsers", "2026-01-01:10,2026-04-10:12"),
                LocalDate.of(2026, 6, 30));
        assertEquals(new BigDecimal("450.00"), amount(r, "saas/2026-01-15"));
        assertEquals(new BigDecimal("540.00"), amount(r, "saas/2026-04-15"));
        assertFalse(keys(bill(Map.of("saasReadyOn", "2026-01-04", "saasUsers", "2026-01-01:10"),
                LocalDate.of(2026, 1, 14))).contains("saas/2026-01-15"));
    }

    @Test
    void KMNO_REMOTE_1_portalLicencePerMachineYearlyInAdvance() {
        // two machines: 2 x 300.00 for 2026, billed on the contract year's first day
        BillingResult r = bill(Map.of("portal", "true"), LocalDate.of(2026, 1, 31), device(21, 1), device(22, 1));
        assertEquals(new BigDecimal("300.00"), amount(r, "portal/2026-01-01/21"));
        assertEquals(new BigDecimal("300.00"), amount(r, "portal/2026-01-01/22"));
    }

    // --- fixtures

    static DeviceUsage device(long id, int count) {
        return device(id, count, 10_000);
    }

    /** {@code count} readings: 2026-01-01 at zero, then at the end of each month. */
    static DeviceUsage device(long id, int count, long monoPerMonth) {
        List<MeterReading> list = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            LocalDate day = m == 0 ? START : START.plusMonths(m).minusDays(1);
            list.add(new MeterReading(id, day, new Counters(monoPerMonth * m, 2_000L * m, 500L * m, 100L * m, 0,
                    3_000L * m), Instant.EPOCH, "test"));
        }
        return new DeviceUsage(id, "bizhub C300i", null, null, START, null, null, list);
    }

    static Work work(String kind, String minutes, String item) {
        return new Work(1, "SO-1", 21L, LocalDate.of(2026, 3, 10), kind, false, new BigDecimal(minutes), item, null);
    }

    static Contract contract(LocalDate end) {
        return new Contract(1, 1, KonicaMinoltaNorwayProfile.ID, "NO", "SERVICE", START, end, List.of(21L), "2020-Q3",
                "2020-Q3", null, Instant.EPOCH, 0);
    }

    BillingResult bill(Map<String, String> terms, LocalDate periodEnd, DeviceUsage... devices) {
        return policy.bill(context(contract(LocalDate.of(2027, 12, 31)), terms, periodEnd, PRICES, Map.of(),
                List.of(devices), List.of(), Map.of()));
    }

    static BillingContext context(Contract contract, Map<String, String> terms, LocalDate periodEnd,
            Map<String, BigDecimal> prices, Map<String, List<IndexValue>> indices, List<DeviceUsage> devices,
            List<Work> work, Map<String, BigDecimal> billed) {
        return new BillingContext(contract, contract.termsVersion(), terms, periodEnd.withDayOfMonth(1), periodEnd,
                Currency.getInstance("NOK"), prices, indices, devices, work, billed);
    }

    static Charge charge(BillingResult r, String key) {
        return r.charges().stream().filter(c -> c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no charge " + key + " in " + keys(r)));
    }

    static List<String> keys(BillingResult r) {
        return r.charges().stream().map(Charge::key).toList();
    }

    static BigDecimal amount(Charge c) {
        return c.quantity().multiply(c.unitPrice()).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal amount(BillingResult r, String key) {
        return amount(charge(r, key));
    }
}
