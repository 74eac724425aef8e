package org.dealerhub.vendor.konicaminolta;

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
import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.junit.jupiter.api.Test;

/** Konica Minolta Ukraine's billable items, in UAH: mono 0.90, colour 4.50 a print. */
class KonicaMinoltaUkraineBillingPolicyTest {

    private static final Map<String, BigDecimal> PRICES = Map.of("clickMonoA4", new BigDecimal("0.90"),
            "clickColourA4", new BigDecimal("4.50"), "cru.tonerBlack", new BigDecimal("2400"),
            "extra.DELIVERY", new BigDecimal("1500"));
    private static final MeterReading HANDOVER = reading(LocalDate.of(2026, 3, 10), 50_000, 10_000, 0);
    private static final MeterReading MARCH = reading(LocalDate.of(2026, 3, 31), 51_200, 10_300, 50);
    private static final MeterReading RETURN = reading(LocalDate.of(2026, 4, 20), 52_000, 10_500, 80);

    private final KonicaMinoltaUkraineBillingPolicy policy = new KonicaMinoltaUkraineBillingPolicy();

    @Test
    void KMUA_ORDER_4_printsOnALoanDeviceBilledPerMonth() {
        // lent for device 21 from 2026-03-10 to 2026-04-20. March: mono 1,200 x 0.90 = 1,080.00, colour 300 x 4.50 =
        // 1,350.00, mono A3 50 x (2 x 0.90) = 90.00; April: mono 800 x 0.90 = 720.00, colour 200 x 4.50 = 900.00,
        // mono A3 30 x 1.80 = 54.00. The contract's own device is not billed by its prints.
        DeviceUsage own = new DeviceUsage(21, "bizhub C300i", null, null, LocalDate.of(2026, 1, 1), null, null,
                List.of(reading(LocalDate.of(2026, 1, 1), 0, 0, 0), reading(LocalDate.of(2026, 4, 30), 9_000, 0, 0)));
        BillingResult r = bill(LocalDate.of(2026, 4, 30), List.of(own, loan(LocalDate.of(2026, 4, 20), HANDOVER,
                MARCH, RETURN)), List.of());
        assertEquals(new BigDecimal("1080.00"), amount(r, "loan/31/2026-03/clickMonoA4"));
        assertEquals(new BigDecimal("1350.00"), amount(r, "loan/31/2026-03/clickColourA4"));
        assertEquals(new BigDecimal("90.00"), amount(r, "loan/31/2026-03/clickMonoA3"));
        assertEquals(new BigDecimal("720.00"), amount(r, "loan/31/2026-04/clickMonoA4"));
        assertEquals(new BigDecimal("900.00"), amount(r, "loan/31/2026-04/clickColourA4"));
        assertEquals(new BigDecimal("54.00"), amount(r, "loan/31/2026-04/clickMonoA3"));
        assertEquals(6, r.charges().size());
        assertTrue(r.charges().stream().allMatch(c -> c.rule().equals("KMUA-ORDER-4")));
        // on 2026-04-15, while the loan goes on, only March is over
        BillingResult midApril = bill(LocalDate.of(2026, 4, 15), List.of(loan(null, HANDOVER, MARCH)), List.of());
        assertTrue(midApril.charges().stream().allMatch(c -> c.key().contains("/2026-03/")));
        assertEquals(3, midApril.charges().size());
    }

    @Test
    void KMUA_ORDER_4_keysStableAndALateReadingChangesTheAmountUnderTheSameKey() {
        DeviceUsage all = loan(LocalDate.of(2026, 4, 20), HANDOVER, MARCH, RETURN);
        assertEquals(bill(LocalDate.of(2026, 4, 30), List.of(all), List.of()).charges(),
                bill(LocalDate.of(2026, 9, 30), List.of(all), List.of()).charges());
        // without the 2026-03-31 reading March is interpolated: 2,000 mono x 21 / 41 days = 1,024 -> 921.60; the late
        // reading makes it 1,200 -> 1,080.00 under the same key
        BillingResult before = bill(LocalDate.of(2026, 4, 30), List.of(loan(LocalDate.of(2026, 4, 20), HANDOVER,
                RETURN)), List.of());
        assertEquals(new BigDecimal("921.60"), amount(before, "loan/31/2026-03/clickMonoA4"));
        assertEquals(new BigDecimal("1080.00"), amount(bill(LocalDate.of(2026, 4, 30), List.of(all), List.of()),
                "loan/31/2026-03/clickMonoA4"));
    }

    @Test
    void KMUA_STOCK_5_unreturnedCrusInvoiced() {
        // 2 black toners not returned at the contract's end x 2,400.00 = 4,800.00
        BillingResult r = bill(LocalDate.of(2026, 12, 31), List.of(), List.of(work("cru-unreturned", "2",
                "cru.tonerBlack", false)));
        assertEquals(new BigDecimal("4800.00"), amount(r, "work/SO-7/cru-unreturned/cru.tonerBlack/2026-12-20"));
        assertEquals("KMUA-STOCK-5", r.charges().get(0).rule());
    }

    @Test
    void KMUA_EXTRA_1_paidExtrasInvoicedSeparately() {
        // one delivery 1 x 1,500.00; an extra granted free (covered) is not billed; without a price: a notice
        BillingResult r = bill(LocalDate.of(2026, 12, 31), List.of(), List.of(work("extra", "1", "extra.DELIVERY",
                false), work("extra", "1", "extra.SETTINGS-CHANGE", true), work("extra", "1", "extra.OUT-OF-HOURS",
                false)));
        assertEquals(1, r.charges().size());
        assertEquals(new BigDecimal("1500.00"), amount(r, "work/SO-7/extra/extra.DELIVERY/2026-12-20"));
        assertEquals("KMUA-EXTRA-1", r.notices().get(0).rule());
    }

    private static DeviceUsage loan(LocalDate to, MeterReading... readings) {
        return new DeviceUsage(31, "bizhub C250i", null, 21L, LocalDate.of(2026, 3, 10), to, null, List.of(readings));
    }

    private static MeterReading reading(LocalDate day, long mono, long colour, long monoA3) {
        return new MeterReading(31, day, new Counters(mono, colour, monoA3, 0, 0, 0), Instant.EPOCH, "test");
    }

    private static Work work(String kind, String quantity, String item, boolean covered) {
        return new Work(7, "SO-7", 21L, LocalDate.of(2026, 12, 20), kind, covered, new BigDecimal(quantity), item,
                null);
    }

    private BillingResult bill(LocalDate periodEnd, List<DeviceUsage> devices, List<Work> work) {
        Contract contract = new Contract(1, 1, KonicaMinoltaUkraineProfile.ID, "UA", "SERVICE",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(21L), "service-description",
                "service-description", null, Instant.EPOCH, 0);
        return policy.bill(new BillingContext(contract, "service-description", Map.of(), periodEnd.withDayOfMonth(1),
                periodEnd, Currency.getInstance("UAH"), PRICES, Map.of(), devices, work, Map.of()));
    }

    private static BigDecimal amount(BillingResult r, String key) {
        Charge c = r.charges().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no charge " + key + " in " + r.charges()));
        return c.quantity().multiply(c.unitPrice()).setScale(2, RoundingMode.HALF_UP);
    }
}
