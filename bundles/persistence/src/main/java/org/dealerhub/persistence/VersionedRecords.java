package org.dealerhub.persistence;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.Records;

/**
 * What the organisation, device and contract repositories share: visibility by the {@link Scope}, and the
 * expected-version check of a write. JPA's {@code @Version} then catches the concurrent commit that slips between
 * the check and the commit ({@link JpaStore} translates it to PRECONDITION_FAILED).
 */
abstract class VersionedRecords<E extends Versioned, T> implements Records<T> {

    final EntityManager em;
    private final Class<E> type;
    private final String name;
    /** {@code SELECT x FROM <entity> x WHERE <the caller's scope>}, with the scope bound to :scope. */
    private final String visible;

    VersionedRecords(EntityManager em, Class<E> type, String name, String visible) {
        this.em = em;
        this.type = type;
        this.name = name;
        this.visible = visible;
    }

    abstract T value(E entity);

    @Override
    public List<T> list(Caller caller) {
        return Scope.query(em, caller, visible + " ORDER BY x.id", type).getResultList().stream().map(this::value)
                .toList();
    }

    @Override
    public Optional<T> find(Caller caller, long id) {
        return entity(caller, id).map(this::value);
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        E e = current(caller, id, version);
        String references = references(e);
        if (references != null) {
            throw DomainException.conflict("id", name + " " + id + " " + references);
        }
        removing(e);
        em.remove(e);
        em.flush();
    }

    /** What still refers to the record and keeps it from being deleted, or null. */
    abstract String references(E entity);

    /** Removes what belongs to the record alone, before the record itself. */
    void removing(E entity) {
    }

    /** Visible entities matching a condition on {@code x}, with parameters bound by the caller. */
    final List<E> where(Caller caller, String condition, Object... parameters) {
        var query = Scope.query(em, caller, visible + " AND " + condition + " ORDER BY x.id", type);
        for (int i = 0; i < parameters.length; i += 2) {
            query.setParameter((String) parameters[i], parameters[i + 1]);
        }
        return query.getResultList();
    }

    final Optional<E> entity(Caller caller, long id) {
        return where(caller, "x.id = :id", "id", id).stream().findFirst();
    }

    /** The visible entity (else NOT_FOUND), if still at the version the caller read (else PRECONDITION_FAILED). */
    final E current(Caller caller, long id, long version) {
        E e = entity(caller, id).orElseThrow(() -> DomainException.notFound(name, id));
        if (e.getVersion() != version) {
            throw DomainException.stale(name, id, version);
        }
        return e;
    }

    /** Writes the change now, so a constraint or a concurrent commit refuses it here, and returns the value. */
    final T flushed(E e) {
        em.flush();
        return value(e);
    }

    final long count(String jpql, long id) {
        return em.createQuery(jpql, Long.class).setParameter("id", id).getSingleResult();
    }
}
