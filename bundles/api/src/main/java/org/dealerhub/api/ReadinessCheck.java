package org.dealerhub.api;

/**
 * A part of the platform that must be up before it is ready. Registered as a service with the property
 * {@code dealerhub.part} naming the part; the readiness service expects a fixed set of parts.
 */
public interface ReadinessCheck {

    String PART = "dealerhub.part";

    boolean up();
}
