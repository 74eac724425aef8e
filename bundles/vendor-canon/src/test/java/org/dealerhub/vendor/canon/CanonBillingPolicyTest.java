package org.dealerhub.vendor.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.TreeMap;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.spi.Allowance;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.junit.jupiter.api.Test;

/** Canon's billing terms, each worked example computed by hand in its comment. */
class CanonBillingPolicyTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final Map<String, BigDecimal> PRICES = Map.of("monthlyFee", new BigDecimal("1000"),
            "clickColourA4", new BigDecimal("0.45"), "clickBanner", new BigDecimal("2.50"),
            "hourlyRate", new BigDecimal("1200"), "tonerBlack", new BigDecimal("890"));

    private final CanonBillingPolicy policy = new CanonBillingPolicy();

    @Test
    void CANON_BILL_1_prepaidPeriodSumForEveryPackage() {
        // quarters from 2026-01-01; by 2026-06-30 two have begun: 2 x (3 months x 1,000.00) = 6,000.00
        for (String pkg : List.of("STANDARD", "PLUS", "PREMIUM")) {
            BillingResult r = policy.bill(context(pkg, "NO", Map.of(), LocalDate.of(2026, 6, 30), List.of(),
                    List.of()));
            assertEquals(List.of("fee/2026-01-01", "fee/2026-04-01"), keys(r), pkg);
            assertEquals(new BigDecimal("6000.00"), total(r), pkg);
        }
        // a prepaid period is due the day it begins: on 2026-07-01 the third one is
        assertEquals(3, policy.bill(context("PLUS", "NO", Map.of(), LocalDate.of(2026, 7, 1), List.of(), List.of()))
                .charges().size());
        // feeMonths=12: one yearly sum of 12 x 1,000.00 = 12,000.00
        BillingResult yearly = policy.bill(context("STANDARD", "NO", Map.of("feeMonths", "12"),
                LocalDate.of(2026, 6, 30), List.of(), List.of()));
        assertEquals(new BigDecimal("12000.00"), total(yearly));
    }

    @Test
    void CANON_BILL_1_eachPrepaidPeriodAtTheFeeInForceOnItsFirstDay() {
        // BILL-PRICE-1: the fee rises from 1,000.00 to 1,100.00 on 2026-04-15: the quarter of 2026-04-01 began
        // before, so both quarters bill 3 x 1,000.00; the quarter of 2026-07-01 bills 3 x 1,100.00 = 3,300.00
        TreeMap<String, BigDecimal> raised = new TreeMap<>(PRICES);
        raised.put("monthlyFee", new BigDecimal("1100"));
        BillingContext base = context("PLUS", "NO", Map.of(), LocalDate.of(2026, 7, 1), List.of(), List.of());
        BillingContext dated = new BillingContext(base.contract(), base.effectiveTermsVersion(), base.terms(),
                base.periodStart(), base.periodEnd(), base.currency(), raised, Map.of(), List.of(), List.of(),
                Map.of(), List.of(new PriceList.Version(null, new TreeMap<>(PRICES)),
                        new PriceList.Version(LocalDate.of(2026, 4, 15), raised)));
        BillingResult r = policy.bill(dated);
        assertEquals(List.of(new BigDecimal("3000.00"), new BigDecimal("3000.00"), new BigDecimal("3300.00")),
                r.charges().stream().map(CanonBillingPolicyTest::amount).toList());
    }

    @Test
    void CANON_BILL_1_lastPeriodProRataWhenTheContractEnds() {
        // contract 2026-01-01..2026-02-14, quarterly: 45 of 90 days (Jan 31 + Feb 14) -> 3 x 45/90 = 1.5000 months
        // x 1,000.00 = 1,500.00
        Contract contract = contract("STANDARD", "NO", LocalDate.of(2026, 2, 14));
        BillingResult r = policy.bill(context(contract, Map.of(), LocalDate.of(2026, 3, 31), List.of(), List.of()));
        assertEquals(new BigDecimal("1.5000"), r.charges().get(0).quantity());
        assertEquals(new BigDecimal("1500.00"), total(r));
    }

    @Test
    void CANON_VOL_3_colourOverUseBackBilledOnceAYearAtTheIndicativeClickPrice() {
        // iR-ADV C356 (cap 2,000/month): colour 2,150/month x 12 = 25,800 vs cap 2,000 x 12 = 24,000
        // -> 1,800 over x 0.45 = 810.00
        DeviceUsage device = device(17, "iR-ADV C356iF", monthly(2_150, 0, 0, 13));
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(device), List.of()));
        Charge over = charge(r, "colour-overuse/17/2026-01-01");
        assertEquals(1_800, over.quantity().longValueExact());
        assertEquals(new BigDecimal("810.00"), amount(over));
        assertEquals("CANON-VOL-3", over.rule());
        assertEquals(LocalDate.of(2026, 12, 31), over.to());
        // mid-year nothing is back-billed yet, but the coming over-use is reported: by 2026-11-30 the colour use is
        // 11 x 2,150 = 23,650, over 90 % of 24,000 (21,600)
        BillingResult midYear = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 11, 30),
                List.of(device), List.of()));
        assertTrue(midYear.charges().stream().noneMatch(c -> c.key().startsWith("colour-overuse")));
        assertTrue(midYear.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-3")
                && n.message().contains("23,650")));
    }

    @Test
    void CANON_VOL_3_theRunningYearsColourCapIsAnAllowanceForTheRunningBill() {
        // iR-ADV C356 (cap 2,000/month): 24,000 in the year from 2026-01-01; by 2026-11-30 11 x 2,150 = 23,650 used;
        // recent window 2026-09-02..11-30: 23,650 - (17,200 + 2,150 x 1 / 30 = 17,271 at the end of 09-01) = 6,379
        DeviceUsage device = device(17, "iR-ADV C356iF", monthly(2_150, 0, 0, 12));
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 11, 30),
                List.of(device), List.of()));
        Allowance cap = r.allowances().get(0);
        assertEquals("colour-cap/17/2026-01-01", cap.key());
        assertEquals(Allowance.Kind.CAP, cap.kind());
        assertEquals(24_000, cap.limit());
        assertEquals(23_650, cap.used());
        assertEquals(LocalDate.of(2026, 12, 31), cap.to());
        assertEquals(LocalDate.of(2026, 11, 30), cap.measuredTo());
        assertEquals(LocalDate.of(2026, 9, 2), cap.recentFrom());
        assertEquals(6_379, cap.recentUsed());
        assertEquals(new BigDecimal("0.45"), cap.unitPrice());
        assertEquals("CANON-VOL-3", cap.rule());
        // PREMIUM has no cap (CANON-PKG-3), a settled year no running allowance
        assertEquals(List.of(), policy.bill(context("PREMIUM", "NO", Map.of(), LocalDate.of(2026, 11, 30),
                List.of(device), List.of())).allowances());
    }

    @Test
    void CANON_VOL_1_a3CountsAsTwoA4TowardsTheColourCap() {
        // per month 1,500 colour A4 + 300 colour A3 = 1,500 + 600 = 2,100 A4; x 12 = 25,200 - 24,000 = 1,200 over
        // x 0.45 = 540.00
        DeviceUsage device = device(5, "iR-ADV C351", monthly(1_500, 300, 0, 13));
        BillingResult r = policy.bill(context("PLUS", "NO", Map.of(), LocalDate.of(2026, 12, 31), List.of(device),
                List.of()));
        assertEquals(new BigDecimal("540.00"), amount(charge(r, "colour-overuse/5/2026-01-01")));
    }

    @Test
    void CANON_VOL_1_capProRataForAShorterYear() {
        // the contract ends 2026-06-30: 181 of 365 days, allowance 24,000 x 181 / 365 = 11,901 (rounded down);
        // colour 2,150 x 6 = 12,900 -> 999 over x 0.45 = 449.55
        Contract contract = contract("STANDARD", "NO", LocalDate.of(2026, 6, 30));
        DeviceUsage device = device(3, "iR-ADV C256", monthly(2_150, 0, 0, 7));
        BillingResult r = policy.bill(context(contract, Map.of(), LocalDate.of(2026, 6, 30), List.of(device),
                List.of()));
        Charge over = charge(r, "colour-overuse/3/2026-01-01");
        assertEquals(999, over.quantity().longValueExact());
        assertEquals(new BigDecimal("449.55"), amount(over));
    }

    @Test
    void CANON_VOL_4_bannerIsOneA3ClickAndOneBannerClickBilledOnlyWhenAgreed() {
        // per month 1,900 colour A4 + 40 banners: the banners' A3 clicks add 2 x 40 = 80 A4 -> 1,980/month, within
        // the cap (23,760 <= 24,000); the banner clicks 40 x 12 = 480 x 2.50 = 1,200.00 when banner=true
        DeviceUsage device = device(8, "iR-ADV C356", monthly(1_900, 0, 40, 13));
        BillingResult agreed = policy.bill(context("STANDARD", "NO", Map.of("banner", "true"),
                LocalDate.of(2026, 12, 31), List.of(device), List.of()));
        assertEquals(new BigDecimal("1200.00"), amount(charge(agreed, "banner/8/2026-01-01")));
        assertTrue(agreed.charges().stream().noneMatch(c -> c.key().startsWith("colour-overuse")));
        // 60 banners a month: 1,900 + 120 = 2,020 x 12 = 24,240 -> 240 over x 0.45 = 108.00
        BillingResult more = policy.bill(context("STANDARD", "NO", Map.of("banner", "true"),
                LocalDate.of(2026, 12, 31), List.of(device(8, "iR-ADV C356", monthly(1_900, 0, 60, 13))), List.of()));
        assertEquals(new BigDecimal("108.00"), amount(charge(more, "colour-overuse/8/2026-01-01")));
        // not agreed: the banner clicks are reported, not billed
        BillingResult notAgreed = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 12, 31),
                List.of(device), List.of()));
        assertTrue(notAgreed.charges().stream().noneMatch(c -> c.key().startsWith("banner")));
        assertTrue(notAgreed.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-4")
                && n.message().contains("480 banner prints")));
    }

    @Test
    void CANON_VOL_1_totalUseAboveTheCertificateIsReportedNotBilled() {
        // certificate 5,000/month -> 60,000 a year; mono 4,000 + colour 1,500 = 5,500/month x 12 = 66,000: notice
        DeviceUsage device = new DeviceUsage(9, "iR-ADV C3530", null, null, START, null, 5_000L,
                readings(9, 13, m -> new Counters(4_000L * m, 1_500L * m, 0, 0, 0, 0)));
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 12, 31),
                List.of(device), List.of()));
        assertTrue(r.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-1") && n.message().contains("66,000")
                && n.message().contains("60,000")));
        assertEquals(List.of("fee/2026-01-01", "fee/2026-04-01", "fee/2026-07-01", "fee/2026-10-01"), keys(r));
        // a model without a certificate volume is flagged
        BillingResult none = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 12, 31),
                List.of(device(9, "iR-ADV C3530", monthly(1_000, 0, 0, 13))), List.of()));
        assertTrue(none.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-1")
                && n.message().contains("No function-certificate volume")));
    }

    @Test
    void CANON_VOL_1_theOperatorRecordsEachModelsCertificateVolume() {
        CanonBillingPolicy configured = new CanonBillingPolicy();
        // spacing and case of the model name do not matter; malformed entries are left out
        configured.configure(certificates("iR-ADV  c3530 = 5000", "no volume", "iR-ADV C356=-1"));
        // 5,000/month -> 60,000 a year; 4,000 + 1,500 = 5,500/month x 12 = 66,000: reported, only the fees billed
        DeviceUsage recorded = new DeviceUsage(9, "iR-ADV C3530", null, null, START, null, null,
                readings(9, 13, m -> new Counters(4_000L * m, 1_500L * m, 0, 0, 0, 0)));
        BillingResult year = configured.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 12, 31),
                List.of(recorded), List.of()));
        assertTrue(year.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-1")
                && n.message().contains("66,000") && n.message().contains("60,000")));
        assertTrue(year.notices().stream().noneMatch(n -> n.message().contains("No function-certificate volume")));
        assertEquals(List.of("fee/2026-01-01", "fee/2026-04-01", "fee/2026-07-01", "fee/2026-10-01"), keys(year));
        // in the running year the certificate is an allowance of the running bill: 12 x 5,000 for the whole year
        BillingResult running = configured.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 6, 30),
                List.of(recorded), List.of()));
        assertTrue(running.allowances().stream().anyMatch(a -> a.rule().equals("CANON-VOL-1")
                && a.limit() == 60_000), running.allowances().toString());
        // a model the operator has not recorded (its entry was malformed) is flagged
        BillingResult unrecorded = configured.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 12, 31),
                List.of(device(10, "iR-ADV C356", monthly(1_000, 0, 0, 13))), List.of()));
        assertTrue(unrecorded.notices().stream().anyMatch(n -> n.rule().equals("CANON-VOL-1")
                && n.message().contains("No function-certificate volume")));
    }

    private static CanonBillingPolicy.Certificates certificates(String... volumes) {
        return new CanonBillingPolicy.Certificates() {
            @Override
            public String[] monthlyVolumes() {
                return volumes;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CanonBillingPolicy.Certificates.class;
            }
        };
    }

    @Test
    void CANON_PKG_3_premiumIsNeverBackBilled() {
        // the same 1,800 colour pages over the cap and two excess toners: nothing but the fees for PREMIUM
        DeviceUsage device = device(17, "iR-ADV C356iF", monthly(2_150, 0, 0, 13));
        List<Work> toner = List.of(work("toner-excess", false, "2", "tonerBlack"));
        BillingResult premium = policy.bill(context("PREMIUM", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(device), toner));
        assertTrue(premium.charges().stream().allMatch(c -> c.rule().equals("CANON-BILL-1")));
        assertTrue(premium.notices().isEmpty());
        BillingResult standard = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(device), toner));
        assertTrue(standard.charges().stream().anyMatch(c -> c.rule().equals("CANON-VOL-3")));
        assertTrue(standard.charges().stream().anyMatch(c -> c.rule().equals("CANON-TONER-1")));
    }

    @Test
    void CANON_TONER_1_excessTonerFromTheCoverageReport() {
        // 2 black toners beyond 5 % coverage x 890.00 = 1,780.00
        BillingResult r = policy.bill(context("PLUS", "NO", Map.of(), LocalDate.of(2026, 3, 31), List.of(),
                List.of(work("toner-excess", false, "2", "tonerBlack"))));
        Charge toner = charge(r, "work/SO-1/toner-excess/tonerBlack/2026-03-10");
        assertEquals(new BigDecimal("1780.00"), amount(toner));
    }

    @Test
    void CANON_DMS_2_requestsOutsideCanonsResponsibilityAtTheHourlyRate() {
        // 90 uncovered minutes = 1.5 h x 1,200.00 = 1,800.00; covered labour is not billed
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 3, 31), List.of(),
                List.of(work("labour", false, "90", null), work("labour", true, "45", null))));
        Charge labour = charge(r, "work/SO-1/labour/null/2026-03-10");
        assertEquals(new BigDecimal("1.5000"), labour.quantity());
        assertEquals(new BigDecimal("1800.00"), amount(labour));
        assertEquals(1, r.charges().stream().filter(c -> c.rule().equals("CANON-DMS-2")).count());
    }

    @Test
    void CANON_IMPL_4_installationBeyondTheIncludedHourInStartedHours() {
        // 150 minutes: 90 beyond the included hour -> 2 started hours x 1,200.00 = 2,400.00
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 3, 31), List.of(),
                List.of(work("implementation", true, "150", "INSTALLATION-NETWORK"))));
        assertEquals(new BigDecimal("2400.00"), amount(charge(r,
                "work/SO-1/implementation/INSTALLATION-NETWORK/2026-03-10")));
    }

    @Test
    void CANON_IMPL_5_trainingAndConnectivityBeyondTheIncludedHourByTime() {
        // training 105 minutes: 45 beyond -> 0.75 h x 1,200.00 = 900.00; connectivity 60 minutes: nothing
        BillingResult r = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2026, 3, 31), List.of(),
                List.of(work("implementation", true, "105", "USER-TRAINING"),
                        work("implementation", true, "60", "CONNECTIVITY-IMPLEMENT"))));
        assertEquals(new BigDecimal("900.00"), amount(charge(r, "work/SO-1/implementation/USER-TRAINING/2026-03-10")));
        assertEquals(1, r.charges().stream().filter(c -> c.rule().equals("CANON-IMPL-5")).count());
    }

    @Test
    void keysAreStableAcrossRuns() {
        // the same year's over-use and the same fees carry the same keys and amounts at two period ends
        DeviceUsage device = device(17, "iR-ADV C356iF", monthly(2_150, 0, 0, 13));
        BillingResult january = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 31),
                List.of(device), List.of()));
        BillingResult june = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 6, 30),
                List.of(device), List.of()));
        for (Charge c : january.charges()) {
            assertEquals(c, charge(june, c.key()));
        }
        assertTrue(keys(june).containsAll(keys(january)));
        assertEquals(keys(january), keys(policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 31),
                List.of(device), List.of()))));
    }

    @Test
    void CANON_VOL_3_aLateReadingChangesTheAmountUnderTheSameKey() {
        // 2,300/month. The run of 2027-01-15 has readings up to 2026-11-30 only: 11 x 2,300 = 25,300 -> 1,300 over
        // (585.00). The 2026-12-31 reading arrives late: 27,600 -> 3,600 over (1,620.00), the same key.
        List<MeterReading> all = monthly(2_300, 0, 0, 13).apply(17);
        DeviceUsage early = new DeviceUsage(17, "iR-ADV C356", null, null, START, null, null, all.subList(0, 12));
        DeviceUsage late = new DeviceUsage(17, "iR-ADV C356", null, null, START, null, null, all);
        Charge before = charge(policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(early), List.of())), "colour-overuse/17/2026-01-01");
        Charge after = charge(policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(late), List.of())), "colour-overuse/17/2026-01-01");
        assertEquals(new BigDecimal("585.00"), amount(before));
        assertEquals(new BigDecimal("1620.00"), amount(after));
        assertNotEquals(before, after);
    }

    @Test
    void CANON_MARKET_1_denmarkBillsTheSameRulesInDanishPrices() {
        DeviceUsage device = device(17, "iR-ADV C356iF", monthly(2_150, 0, 0, 13));
        BillingResult no = policy.bill(context("STANDARD", "NO", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(device), List.of()));
        BillingResult dk = policy.bill(context("STANDARD", "DK", Map.of(), LocalDate.of(2027, 1, 15),
                List.of(device), List.of()));
        assertEquals(no.charges(), dk.charges());
    }

    // --- fixtures

    /** Readings on the 1st of each month from 2026-01-01, all counters zero at the first. */
    interface Readings {
        List<MeterReading> apply(long deviceId);
    }

    static Readings monthly(long colourA4, long colourA3, long banner, int count) {
        return id -> readings(id, count, m -> new Counters(0, colourA4 * m, 0, colourA3 * m, banner * m, 0));
    }

    interface Month {
        Counters at(long months);
    }

    /** {@code count} readings: 2026-01-01 (month 0), then the last day of each month (month 1, 2, ...). */
    static List<MeterReading> readings(long deviceId, int count, Month month) {
        List<MeterReading> list = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            LocalDate day = m == 0 ? START : START.plusMonths(m).minusDays(1);
            list.add(new MeterReading(deviceId, day, month.at(m), Instant.EPOCH, "test"));
        }
        return list;
    }

    static DeviceUsage device(long id, String model, Readings readings) {
        return new DeviceUsage(id, model, null, null, START, null, null, readings.apply(id));
    }

    static Work work(String kind, boolean covered, String quantity, String item) {
        return new Work(1, "SO-1", 17L, LocalDate.of(2026, 3, 10), kind, covered, new BigDecimal(quantity), item,
                null);
    }

    static Contract contract(String pkg, String market, LocalDate end) {
        return new Contract(1, 1, "canon", market, pkg, START, end, List.of(17L), "1.1-2019-02", "1.1-2019-02", null,
                Instant.EPOCH, 0);
    }

    static BillingContext context(String pkg, String market, Map<String, String> terms, LocalDate periodEnd,
            List<DeviceUsage> devices, List<Work> work) {
        return context(contract(pkg, market, LocalDate.of(2029, 12, 31)), terms, periodEnd, devices, work);
    }

    static BillingContext context(Contract contract, Map<String, String> terms, LocalDate periodEnd,
            List<DeviceUsage> devices, List<Work> work) {
        Currency currency = Currency.getInstance(contract.market().equals("DK") ? "DKK" : "NOK");
        return new BillingContext(contract, contract.termsVersion(), terms, periodEnd.withDayOfMonth(1), periodEnd,
                currency, new HashMap<>(PRICES), Map.of(), devices, work, Map.of());
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

    static BigDecimal total(BillingResult r) {
        return r.charges().stream().map(CanonBillingPolicyTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
