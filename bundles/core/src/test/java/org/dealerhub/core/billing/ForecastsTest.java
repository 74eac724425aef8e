package org.dealerhub.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

import org.dealerhub.api.RunningBill;
import org.dealerhub.api.spi.Allowance;
import org.junit.jupiter.api.Test;

/** The running bill's forecast arithmetic and alerts, each example computed by hand in its comment. */
class ForecastsTest {

    private static final Currency NOK = Currency.getInstance("NOK");
    private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    private static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    private static Allowance cap(long limit, long used, LocalDate measuredTo, LocalDate recentFrom, long recent) {
        return new Allowance("colour-cap/17/2026-01-01", "Colour pages of the contract year", 17L,
                Allowance.Kind.CAP, "colour A4 pages", YEAR_START, YEAR_END, limit, used, measuredTo, recentFrom,
                recent, "clickColourA4", new BigDecimal("0.45"), "CANON-VOL-3");
    }

    @Test
    void CANON_VOL_3_colourCapForecastFromTheRecentAveragePerDay() {
        // cap 2,000 a month: 24,000 a year; by 2026-07-19 (day 200) 20,000 used, 13,500 of them in the last 90 days
        // (2026-04-21..07-19): 150.00 a day; 165 days left (07-20..12-31): 20,000 + 13,500 x 165 / 90 = 20,000 +
        // 24,750 = 44,750, 20,750 over x 0.45 = 9,337.50 NOK; 20,000 / 24,000 = 83 % (below 90: not nearly used)
        RunningBill.Allowance a = Forecasts.forecast(cap(24_000, 20_000, LocalDate.of(2026, 7, 19),
                LocalDate.of(2026, 4, 21), 13_500), NOK);
        assertEquals(new BigDecimal("150.00"), a.perDay());
        assertEquals(44_750, a.forecast());
        assertEquals(20_750, a.forecastExcess());
        assertEquals(new BigDecimal("9337.50"), a.forecastAmount());
        assertEquals(83, a.percentUsed());
        List<RunningBill.Alert> alerts = Forecasts.alerts(a, 90);
        assertEquals(List.of(Forecasts.FORECAST_OVERRUN), alerts.stream().map(RunningBill.Alert::level).toList());
        assertEquals("CANON-VOL-3", alerts.get(0).rule());
    }

    @Test
    void BILL_ALLOW_1_nearlyUsedAtTheConfiguredPercentAndOverrunAboveTheLimit() {
        // 21,600 of 24,000 = exactly 90 %: nearly used; no use in the recent window keeps the forecast at 21,600
        RunningBill.Allowance nearly = Forecasts.forecast(cap(24_000, 21_600, LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 9, 2), 0), NOK);
        assertEquals(List.of(Forecasts.NEARLY_USED), Forecasts.alerts(nearly, 90).stream()
                .map(RunningBill.Alert::level).toList());
        assertEquals(List.of(), Forecasts.alerts(nearly, 95), "95 %: not yet");
        // 24,001 used: overrun, whatever the forecast
        RunningBill.Allowance over = Forecasts.forecast(cap(24_000, 24_001, LocalDate.of(2026, 11, 30),
                LocalDate.of(2026, 9, 2), 0), NOK);
        assertEquals(List.of(Forecasts.OVERRUN), Forecasts.alerts(over, 90).stream()
                .map(RunningBill.Alert::level).toList());
        // 20,000 used, 100 in 3 measured days, 1 day left: 100 x 1 / 3 = 33.33 -> 20,033 (rounded once, half up)
        RunningBill.Allowance rounded = Forecasts.forecast(cap(24_000, 20_000, LocalDate.of(2026, 12, 30),
                LocalDate.of(2026, 12, 28), 100), NOK);
        assertEquals(20_033, rounded.forecast());
        assertEquals(new BigDecimal("33.33"), rounded.perDay());
        assertEquals(List.of(), Forecasts.alerts(rounded, 90));
    }

    @Test
    void KMNO_BILL_2_minimumVolumeForecastShortfallAtTodaysPrice() {
        // minimum 24,000 mono A4 a year; by 2026-06-30 (day 181) 6,000 used, 4,500 in the last 90 days
        // (04-02..06-30): 50.00 a day; 184 days left: 6,000 + 4,500 x 184 / 90 = 6,000 + 9,200 = 15,200;
        // 8,800 short x 0.06 = 528.00 NOK, paid whatever the use
        RunningBill.Allowance a = Forecasts.forecast(new Allowance("minimum/2026-01-01/clickMonoA4", "Yearly minimum",
                null, Allowance.Kind.MINIMUM, "mono A4 pages", YEAR_START, YEAR_END, 24_000, 6_000,
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 4, 2), 4_500, "clickMonoA4", new BigDecimal("0.06"),
                "KMNO-BILL-2"), NOK);
        assertEquals(new BigDecimal("50.00"), a.perDay());
        assertEquals(15_200, a.forecast());
        assertEquals(8_800, a.forecastExcess());
        assertEquals(new BigDecimal("528.00"), a.forecastAmount());
        List<RunningBill.Alert> alerts = Forecasts.alerts(a, 90);
        assertEquals(List.of(Forecasts.FORECAST_SHORTFALL), alerts.stream().map(RunningBill.Alert::level).toList());
        assertEquals("KMNO-BILL-2", alerts.get(0).rule());
    }

    @Test
    void CANON_VOL_1_certificateVolumeIsForecastButNotPriced() {
        // reported, not billed: no item, no amount
        RunningBill.Allowance a = Forecasts.forecast(new Allowance("certificate/17/2026-01-01", "Certificate", 17L,
                Allowance.Kind.CAP, "A4 pages", YEAR_START, YEAR_END, 60_000, 50_000, LocalDate.of(2026, 7, 19),
                LocalDate.of(2026, 4, 21), 27_000, null, null, "CANON-VOL-1"), NOK);
        // 300 a day x 165 = 49,500: forecast 99,500, 39,500 over
        assertEquals(99_500, a.forecast());
        assertEquals(39_500, a.forecastExcess());
        assertNull(a.forecastAmount());
    }

    @Test
    void anAllowanceIsMeasuredToItsLastReadingOverTheLast90Days() {
        // 100 pages a day; period end 2026-07-19 but the last reading is 2026-07-10: measured to 07-10,
        // recent window 04-12..07-10 (90 days): used 191 days x 100 = 19,100, recent 9,000
        Allowance a = Allowance.measured("k", "d", null, Allowance.Kind.CAP, "pages", YEAR_START, YEAR_END, 24_000,
                LocalDate.of(2026, 7, 19), LocalDate.of(2026, 7, 10),
                (from, to) -> 100 * (ChronoUnit.DAYS.between(from, to) + 1), null, null, "CANON-VOL-3");
        assertEquals(LocalDate.of(2026, 7, 10), a.measuredTo());
        assertEquals(LocalDate.of(2026, 4, 12), a.recentFrom());
        assertEquals(19_100, a.used());
        assertEquals(9_000, a.recentUsed());
        // no reading in the period: nothing measured, nothing forecast
        Allowance none = Allowance.measured("k", "d", null, Allowance.Kind.CAP, "pages", YEAR_START, YEAR_END,
                24_000, LocalDate.of(2026, 7, 19), null, (from, to) -> {
                    throw new AssertionError("nothing to measure");
                }, null, null, "CANON-VOL-3");
        assertEquals(0, Forecasts.forecast(none, NOK).forecast());
    }
}
