package org.dealerhub.api;

import java.time.Instant;

/**
 * How a deployed vendor's code has behaved since its bundle was registered: calls into it, how many failed, and
 * the last failure. Kept only while the vendor is deployed.
 *
 * @param healthy false once a call has failed and no later call succeeded
 */
public record VendorHealth(String vendor, boolean healthy, long calls, long failures, Instant lastFailureAt,
        String lastError) {
}
