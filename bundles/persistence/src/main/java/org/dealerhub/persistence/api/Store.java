package org.dealerhub.persistence.api;

import java.util.function.Function;

/**
 * Units of work on the database. A refusal by the database is a {@link org.dealerhub.api.DomainException}: a
 * unique or foreign key constraint is CONFLICT naming the field and rule, a concurrent change of a versioned
 * record PRECONDITION_FAILED; nothing else of the database reaches the caller as a refusal.
 */
public interface Store {

    /** Runs work in one transaction: committed when it returns, rolled back if it throws. */
    <T> T tx(Function<Repositories, T> work);

    /** Runs work that only reads in one transaction on one connection, rolled back at the end. */
    <T> T read(Function<Repositories, T> work);
}
