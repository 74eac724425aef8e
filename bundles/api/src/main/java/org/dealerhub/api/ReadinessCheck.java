package org.dealerhub.api;

/**
 * A part of the platform that must be up before it is ready. Registered as a service with the property
 * {@code dealerhub.part} naming the part; the readiness service expects a fixed set of parts. A check is asked on
 * every readiness question, so it must be cheap (a {@code SELECT 1}, a flag).
 */
public interface ReadinessCheck {

    String PART = "dealerhub.part";

    boolean up();

    /** The part's state in words for operators, e.g. why it is down. */
    default String describe() {
        return up() ? "up" : "down";
    }
}
