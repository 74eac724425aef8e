package org.dealerhub.api;

import java.util.List;

/**
 * Create, read, update and delete for one kind of record, always on behalf of a {@link Caller}: what the caller
 * may not see is {@link DomainException.Kind#NOT_FOUND}, never a hint that it exists.
 *
 * @param <T> the record
 * @param <D> the draft a client sends to create or replace one
 */
public interface Crud<T, D> {

    List<T> list(Caller caller);

    T get(Caller caller, long id);

    T create(Caller caller, D draft);

    T update(Caller caller, long id, D draft);

    void delete(Caller caller, long id);
}
