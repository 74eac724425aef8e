package org.dealerhub.persistence;

/** An entity with a JPA {@code @Version}: every committed change increments it (optimistic locking). */
interface Versioned {

    long getId();

    long getVersion();
}
