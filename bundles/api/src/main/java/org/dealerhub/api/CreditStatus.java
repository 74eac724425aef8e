package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What the service centre sees of an organisation's money (PORTAL-SYNC-1). The platform records invoices issued,
 * not payments: {@code invoiced} is the total issued per currency, and a debt hold is an order of the organisation
 * whose clock stands still for unpaid receivables (KMUA-DEBT-1).
 *
 * @param debtHoldOrderIds open orders of the organisation paused for debt now
 */
public record CreditStatus(long organisationId, List<Invoiced> invoiced, LocalDate lastIssued,
        List<Long> debtHoldOrderIds) {

    public CreditStatus {
        invoiced = List.copyOf(invoiced);
        debtHoldOrderIds = List.copyOf(debtHoldOrderIds);
    }

    /** Whether the organisation has unpaid receivables on hold (KMUA-DEBT-1). */
    public boolean debtHold() {
        return !debtHoldOrderIds.isEmpty();
    }

    /** The invoices issued in one currency: how many, and their totals. */
    public record Invoiced(Currency currency, long invoices, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    /** One invoice of the payment history: its number, dates and totals, without lines. */
    public record Payment(long invoiceId, String number, long contractId, LocalDate issued, LocalDate periodFrom,
            LocalDate periodTo, Currency currency, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }
}
