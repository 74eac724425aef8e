package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * An invoice of one billing run for one contract: what the contract's whole history says is due up to the period's
 * end, less what was billed before under the same charge keys (issue 10). Never changed once written: a late or
 * corrected reading becomes an adjustment line on the next invoice. Amounts exclude VAT (KMNO-PRICE-1); the VAT is
 * a total on the invoice at the market's rate.
 *
 * @param seller the dealer's name and account (configuration), the buyer the organisation's name and customer
 *        account number (PORTAL-ACCT-1) as they were when the invoice was written
 * @param net the sum of the lines' amounts
 */
public record Invoice(long id, long runId, long contractId, long organisationId, String vendor, String market,
        Party seller, Party buyer, Currency currency, LocalDate periodFrom, LocalDate periodTo, LocalDate issued,
        Instant createdAt, BigDecimal net, BigDecimal vatRate, BigDecimal vat, BigDecimal gross, List<Line> lines) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /** The invoice's number as printed: its id, padded. */
    public String number() {
        return String.format("INV-%08d", id);
    }

    public record Party(String name, String account) {
    }

    /**
     * One line. The charge's {@code quantity × unitPrice} is rounded once to the currency's minor unit (HALF_UP)
     * into {@code due}; the line invoices {@code amount = due - billedBefore}, the difference from what was billed
     * before under {@code chargeKey}.
     *
     * @param deviceId the device it is for, or null for the contract as a whole
     */
    public record Line(int number, String chargeKey, Long deviceId, String item, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal due, BigDecimal billedBefore, BigDecimal amount, LocalDate from,
            LocalDate to, String rule, String description) {

        /** Whether the line adjusts an amount billed before under the same key. */
        public boolean adjustment() {
            return billedBefore.signum() != 0;
        }

        /** The line in words, with its rule and arithmetic. */
        public String explanation() {
            String computed = quantity.stripTrailingZeros().toPlainString() + " × "
                    + unitPrice.stripTrailingZeros().toPlainString() + " = " + due.toPlainString();
            String period = from.equals(to) ? " on " + from : " for " + from + " to " + to;
            String device = deviceId == null ? "" : " (device " + deviceId + ")";
            return adjustment()
                    ? description + device + period + ": now due " + computed + ", billed before "
                            + billedBefore.toPlainString() + ", adjusted by " + amount.toPlainString() + " (rule "
                            + rule + ")"
                    : description + device + period + ": " + computed + " (rule " + rule + ")";
        }
    }
}
