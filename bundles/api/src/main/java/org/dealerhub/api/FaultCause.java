package org.dealerhub.api;

/**
 * What caused a fault, as the technician found it. It decides whether a loan device is due (KMUA-ORDER-4: not when
 * the customer's users, third parties or external forces caused it) and whether work is covered (the vendors'
 * {@link org.dealerhub.api.spi.CoverageRule}s: PN-FAULT-1..3, KMUA-ORDER-6, CANON-DMS-2, KMNO-SUPPORT-2).
 */
public enum FaultCause {
    /** The delivered device itself (PN-FAULT-1: "caused by the printer"). */
    DEVICE,
    /** Wrong settings, changed network settings, unauthorised own repairs by the customer's users (PN-FAULT-3). */
    USER_ERROR,
    /** Damage caused by the customer's users (KMUA-ORDER-6). */
    USER_DAMAGE,
    /** Network, other equipment, telephony, third-party toner or supplies (PN-FAULT-2). */
    THIRD_PARTY,
    /** Fire, water, natural disasters, an unstable power grid (KMNO-SUPPORT-2, KMUA-ORDER-4 "forces"). */
    EXTERNAL;

    /** Whether the customer's side answers for it (KMUA-ORDER-4): everything but the device itself. */
    public boolean customersSide() {
        return this != DEVICE;
    }
}
