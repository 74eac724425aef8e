package org.dealerhub.persistence.api;

import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Caller;

/**
 * Versioned records of organisations, as far as the caller may see them: a dealer sees every organisation's, a
 * customer only its own (PORTAL-ACCT-1). What the caller may not see does not exist for it.
 *
 * @param <T> the record's value
 */
public interface Records<T> {

    /** The visible records, by id. */
    List<T> list(Caller caller);

    Optional<T> find(Caller caller, long id);

    /**
     * Deletes the record if visible (else NOT_FOUND), still at {@code version} (else PRECONDITION_FAILED) and no
     * longer referenced (else CONFLICT).
     */
    void delete(Caller caller, long id, long version);
}
