package org.dealerhub.api;

/**
 * How an order was resolved (KMUA-ORDER-5): by the repair, by lending a replacement device, or by taking a
 * customer-owned device of another manufacturer out of service when a repair is not worthwhile (KMUA-EXIT-2).
 */
public record Resolution(Kind kind, String note) {

    public enum Kind {
        REPAIR, LOAN_DEVICE, OUT_OF_SERVICE
    }
}
