package org.dealerhub.api;

import java.util.List;
import java.util.Map;

/**
 * Whether the platform is up: the database answers and is migrated, REST and SOAP are published, the vendor
 * registry is there and (in demo mode) the demo data is in place. Each part reports itself through a
 * {@link ReadinessCheck} service.
 */
public interface Readiness {

    boolean ready();

    /** Each part's name and whether it is up. */
    Map<String, Boolean> parts();

    /** For dealer admins: each part's state in words, each vendor's health, and how long the boot took. */
    Details details();

    /**
     * @param parts each part and what it says about itself ("database answers, schema version 3", "down: ...")
     * @param vendors each deployed vendor's health figures, by vendor id
     * @param readyAfterMs milliseconds from JVM start to the first moment the platform was ready, null until then
     */
    record Details(Map<String, String> parts, List<VendorHealth> vendors, Long readyAfterMs) {
    }
}
