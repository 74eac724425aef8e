package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What a contract's invoice would be today from its live meters, with each allowance of its terms used so far and
 * forecast to its period's end (issue 10: a customer sees the over-use coming months before it is billed).
 *
 * @param date today in the contract's market: the day billed up to and measured to
 * @param invoice the next invoice if it were billed up to {@code date} (nothing is written)
 * @param allowances the contract's allowances in their running periods
 * @param alerts what is nearly used, forecast to be overrun or overrun (BILL-ALLOW-1)
 */
public record RunningBill(long contractId, long organisationId, String vendor, LocalDate date, Currency currency,
        BillingRun.Outcome invoice, List<Allowance> allowances, List<Alert> alerts) {

    public RunningBill {
        allowances = List.copyOf(allowances);
        alerts = List.copyOf(alerts);
    }

    /**
     * One allowance, used so far and forecast: {@code forecast = used + recent average per day x days left}.
     *
     * @param kind {@code CAP} (use above {@code limit} is over-use) or {@code MINIMUM} (the limit is paid whatever
     *        the use)
     * @param measuredTo the last day with a reading in the period
     * @param perDay the recent average per day (the last 90 measured days of the period, fewer early on)
     * @param forecast the use forecast by the period's end
     * @param forecastExcess the forecast over-use of a cap, or the forecast shortfall of a minimum
     * @param forecastAmount what {@code forecastExcess} would bill at today's {@code unitPrice} (excl. VAT, rounded
     *        to the currency's minor unit), or null when it is reported only or has no price
     * @param percentUsed {@code used} as a whole percent of {@code limit} (rounded down)
     */
    public record Allowance(String key, String description, Long deviceId, String kind, String unit, LocalDate from,
            LocalDate to, long limit, long used, LocalDate measuredTo, BigDecimal perDay, long forecast,
            long forecastExcess, String item, BigDecimal unitPrice, BigDecimal forecastAmount, int percentUsed,
            String rule) {
    }

    /**
     * An allowance to look at, with the rule of the allowance.
     *
     * @param level {@code NEARLY_USED} (at or above the configured percent of a cap), {@code FORECAST_OVERRUN},
     *        {@code OVERRUN} (a cap), {@code FORECAST_SHORTFALL} (a minimum the forecast does not reach)
     */
    public record Alert(String allowanceKey, Long deviceId, String level, String message, String rule) {
    }

    /** A contract with alerts, for dealer staff. */
    public record ContractAlerts(long contractId, long organisationId, String vendor, LocalDate date,
            List<Alert> alerts) {
    }

    /** A page of contracts with alerts; {@code next} is the {@code after} of the next page, null after the last. */
    public record AlertPage(List<ContractAlerts> contracts, Long next) {
    }
}
