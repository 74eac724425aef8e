package org.dealerhub.api.spi;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a billing policy answers.
 *
 * @param charges everything due up to the period's end (the core bills the difference from what was billed)
 * @param notices what people must see but not bill: a reading flagged, volume above the certificate (CANON-VOL-1),
 *        a deviation over 15 % (KMNO-BILL-6), an allowance nearly used
 * @param deferAtOrBelow an invoice whose total excluding VAT is at or below this amount is deferred to the next
 *        run (KMNO-BILL-4), or null to invoice any amount
 * @param deferRule the rule that allows deferring, or null
 * @param allowances the contract's allowances as measured up to the period's end (colour cap, certificate volume,
 *        minimum volume): the core forecasts them for the running bill and its alerts; billing ignores them
 */
public record BillingResult(List<Charge> charges, List<Notice> notices, BigDecimal deferAtOrBelow,
        String deferRule, List<Allowance> allowances) {

    public BillingResult {
        charges = List.copyOf(charges);
        notices = List.copyOf(notices);
        allowances = allowances == null ? List.of() : List.copyOf(allowances);
    }

    public BillingResult(List<Charge> charges, List<Notice> notices, BigDecimal deferAtOrBelow, String deferRule) {
        this(charges, notices, deferAtOrBelow, deferRule, List.of());
    }

    public static BillingResult of(List<Charge> charges, List<Notice> notices) {
        return new BillingResult(charges, notices, null, null);
    }

    /** The same result with these allowances. */
    public BillingResult withAllowances(List<Allowance> allowances) {
        return new BillingResult(charges, notices, deferAtOrBelow, deferRule, allowances);
    }

    /** Something to report, not to bill. */
    public record Notice(Long deviceId, String message, String rule) {
    }
}
