package org.dealerhub.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.dealerhub.api.TermsPublication;

/**
 * KMNO-TERMS-1: a contract keeps the terms version it was signed under until the operator publishes a newer one;
 * a publication made after the contract was signed applies to it from its effective date.
 */
final class EffectiveTerms {

    /** Least notice between publishing a terms version and its effective date (KMNO-TERMS-1). */
    static final int NOTICE_DAYS = 30;

    private EffectiveTerms() {
    }

    static String on(LocalDate day, String signedVersion, Instant signedAt, List<TermsPublication> publications) {
        return publications.stream()
                .filter(p -> p.publishedAt().isAfter(signedAt) && !p.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(TermsPublication::effectiveFrom)
                        .thenComparing(TermsPublication::publishedAt))
                .map(TermsPublication::version)
                .orElse(signedVersion);
    }
}
