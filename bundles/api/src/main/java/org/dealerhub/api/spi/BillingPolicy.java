package org.dealerhub.api.spi;

/**
 * A vendor's billing terms as a pure function (issue 10): from what a contract's whole history says, up to the end
 * of the period being billed, to what is due. The core owns runs, persistence, rounding, VAT and idempotency: it
 * invoices only the difference between what a policy says is due and what was billed before under the same
 * {@link Charge#key()}, so a late or corrected reading becomes an adjustment on the next invoice, and billing the
 * same period twice creates nothing. A policy never reads a clock, a database or a file.
 */
public interface BillingPolicy {

    String vendorId();

    /** Everything due for the contract up to {@link BillingContext#periodEnd()}, with warnings for people. */
    BillingResult bill(BillingContext context);
}
