package org.dealerhub.persistence;

import java.util.function.Function;

import javax.persistence.EntityManager;

/** Runs work in one resource-local transaction: committed when the function returns, rolled back if it throws. */
public interface Store {

    <T> T tx(Function<EntityManager, T> work);

    /** Reads without a transaction of its own. */
    <T> T read(Function<EntityManager, T> work);
}
