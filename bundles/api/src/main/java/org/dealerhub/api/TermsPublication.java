package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A newer terms version of a vendor, published by the operator (KMNO-TERMS-1): from {@code effectiveFrom}, at
 * least 30 days after publication, it applies to the vendor's contracts signed under an older version.
 */
public record TermsPublication(long id, String vendor, String version, LocalDate effectiveFrom, Instant publishedAt,
        String publishedBy) {

    public record Draft(String version, LocalDate effectiveFrom) {
    }

    /** What publishing a version would change for one contract: its terms version from a date on. */
    public record Change(long contractId, long organisationId, String packageCode, String fromVersion,
            String toVersion, LocalDate effectiveFrom) {
    }
}
