package org.dealerhub.api;

import java.util.List;

/**
 * Create, read, update and delete for one kind of record, always on behalf of a {@link Caller}: what the caller
 * may not see is {@link DomainException.Kind#NOT_FOUND}, never a hint that it exists. Records carry a version;
 * a change names the version it was based on (optimistic locking: no lost update).
 *
 * @param <T> the record
 * @param <D> the draft a client sends to create or replace one
 */
public interface Crud<T, D> {

    List<T> list(Caller caller);

    T get(Caller caller, long id);

    T create(Caller caller, D draft);

    /**
     * Replaces the record if it is still at {@code version} (the version the caller read).
     *
     * @throws DomainException PRECONDITION_FAILED when it has changed since
     */
    T update(Caller caller, long id, long version, D draft);

    /** Deletes the record if it is still at {@code version}; PRECONDITION_FAILED when it has changed since. */
    void delete(Caller caller, long id, long version);
}
