package org.dealerhub.api;

import java.util.Map;

/**
 * Whether the platform is up: persistence, REST, SOAP and the vendor registry each report themselves through a
 * {@link ReadinessCheck} service.
 */
public interface Readiness {

    boolean ready();

    /** Each part's name and whether it is up. */
    Map<String, Boolean> parts();
}
