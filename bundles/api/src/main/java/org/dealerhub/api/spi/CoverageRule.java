package org.dealerhub.api.spi;

/**
 * Whether a contract covers a piece of work on a service order, by the vendor's terms (PN-FAULT-1..3, KMUA-ORDER-6,
 * CANON-DMS-2, KMNO-WAIT-1). A pure function; registered with the {@code vendor.id} property like the other SPI
 * services.
 */
public interface CoverageRule {

    String vendorId();

    Coverage classify(WorkFacts work);
}
