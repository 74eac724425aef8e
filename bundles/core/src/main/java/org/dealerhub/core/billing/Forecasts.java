package org.dealerhub.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.dealerhub.api.RunningBill;
import org.dealerhub.api.spi.Allowance;

/**
 * The running bill's arithmetic, once for every vendor (issue 10): an allowance a policy measured, forecast to its
 * period's end from the recent average per day, its forecast excess priced at today's price, and its alerts
 * (BILL-ALLOW-1, platform decision).
 */
final class Forecasts {

    static final String NEARLY_USED = "NEARLY_USED";
    static final String FORECAST_OVERRUN = "FORECAST_OVERRUN";
    static final String OVERRUN = "OVERRUN";
    static final String FORECAST_SHORTFALL = "FORECAST_SHORTFALL";

    private Forecasts() {
    }

    /**
     * {@code perDay = recentUsed / days(recentFrom..measuredTo)}; {@code forecast = used + recentUsed x days left
     * / days measured} (days left: after {@code measuredTo} to {@code to}; rounded half up to a whole unit, once);
     * the excess of a cap is {@code forecast - limit}, of a minimum {@code limit - forecast}, at least 0; its amount
     * {@code excess x unitPrice}, rounded half up to the currency's minor unit. Nothing measured: no forecast beyond
     * what is used.
     */
    static RunningBill.Allowance forecast(Allowance a, Currency currency) {
        long measured = a.measuredTo().isBefore(a.recentFrom()) ? 0
                : ChronoUnit.DAYS.between(a.recentFrom(), a.measuredTo()) + 1;
        long left = Math.max(0, ChronoUnit.DAYS.between(a.measuredTo(), a.to()));
        BigDecimal perDay = measured == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(a.recentUsed()).divide(BigDecimal.valueOf(measured), 2, RoundingMode.HALF_UP);
        long forecast = measured == 0 ? a.used() : Math.addExact(a.used(), BigDecimal.valueOf(a.recentUsed())
                .multiply(BigDecimal.valueOf(left)).divide(BigDecimal.valueOf(measured), 0, RoundingMode.HALF_UP)
                .longValueExact());
        long excess = Math.max(0, a.kind() == Allowance.Kind.CAP ? forecast - a.limit() : a.limit() - forecast);
        BigDecimal amount = a.item() == null || a.unitPrice() == null ? null : a.unitPrice()
                .multiply(BigDecimal.valueOf(excess)).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
        int percent = a.limit() <= 0 ? (a.used() > 0 ? 100 : 0)
                : (int) Math.min(Integer.MAX_VALUE, Math.multiplyExact(a.used(), 100L) / a.limit());
        return new RunningBill.Allowance(a.key(), a.description(), a.deviceId(), a.kind().name(), a.unit(), a.from(),
                a.to(), a.limit(), a.used(), a.measuredTo(), perDay, forecast, excess, a.item(), a.unitPrice(),
                amount, percent, a.rule());
    }

    /**
     * BILL-ALLOW-1: a cap overrun ({@code used > limit}), else nearly used ({@code used >= nearlyPercent % of
     * limit}) and/or forecast to be overrun ({@code forecast > limit}); a minimum the forecast falls short of. Each
     * alert cites the allowance's rule.
     */
    static List<RunningBill.Alert> alerts(RunningBill.Allowance a, int nearlyPercent) {
        List<RunningBill.Alert> alerts = new ArrayList<>();
        String price = a.forecastAmount() == null ? "" : ", " + a.forecastAmount().toPlainString() + " at today's"
                + " price";
        if (a.kind().equals(Allowance.Kind.MINIMUM.name())) {
            if (a.forecastExcess() > 0) {
                alerts.add(alert(a, FORECAST_SHORTFALL, String.format(Locale.ROOT, "%s: %,d of %,d %s used by %s,"
                        + " forecast %,d by %s: %,d short, paid whatever the use%s", a.description(), a.used(),
                        a.limit(), a.unit(), a.measuredTo(), a.forecast(), a.to(), a.forecastExcess(), price)));
            }
            return alerts;
        }
        if (a.used() > a.limit()) {
            alerts.add(alert(a, OVERRUN, String.format(Locale.ROOT, "%s: %,d of %,d %s used by %s, %,d over;"
                    + " forecast %,d over by %s%s", a.description(), a.used(), a.limit(), a.unit(), a.measuredTo(),
                    a.used() - a.limit(), a.forecastExcess(), a.to(), price)));
            return alerts;
        }
        if (Math.multiplyExact(a.used(), 100L) >= Math.multiplyExact(a.limit(), (long) nearlyPercent)) {
            alerts.add(alert(a, NEARLY_USED, String.format(Locale.ROOT, "%s: %d %% used (%,d of %,d %s) by %s",
                    a.description(), a.percentUsed(), a.used(), a.limit(), a.unit(), a.measuredTo())));
        }
        if (a.forecastExcess() > 0) {
            alerts.add(alert(a, FORECAST_OVERRUN, String.format(Locale.ROOT, "%s: forecast %,d of %,d %s by %s, %,d"
                    + " over%s", a.description(), a.forecast(), a.limit(), a.unit(), a.to(), a.forecastExcess(),
                    price)));
        }
        return alerts;
    }

    private static RunningBill.Alert alert(RunningBill.Allowance a, String level, String message) {
        return new RunningBill.Alert(a.key(), a.deviceId(), level, message, a.rule());
    }
}
