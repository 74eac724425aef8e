package org.dealerhub.api.spi;

/**
 * What a package promises about response time, as data. The exact deadline comes from the package's
 * {@link ResponseTimeRule}.
 *
 * @param businessHours for {@link Kind#BUSINESS_HOURS}: the number of business hours, otherwise 0
 */
public record ResponsePromise(Kind kind, int businessHours, String description, String rule) {

    public enum Kind {
        /** Close of business on the next business day after the clock starts. */
        NEXT_BUSINESS_DAY,
        /** A number of business hours from the clock start. */
        BUSINESS_HOURS,
        /** Targets per order category or priority, from the operator's package configuration. */
        PER_CATEGORY,
        /** Agreed per contract; the source gives no figure. */
        PER_CONTRACT,
        /** No response-time promise. */
        NONE
    }
}
