package org.dealerhub.persistence;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.dealerhub.api.Caller;

/**
 * The one place that decides whose data a caller reaches (PORTAL-ACCT-1): a dealer user every organisation's, a
 * customer user only its own organisation's. Every query of organisation data is made here, with the caller's
 * scope bound to {@code :scope}; the repositories' visibility conditions read {@code (:scope = -1 OR ...)}.
 */
final class Scope {

    /** The scope of dealer users: every organisation. */
    static final long ALL = -1;

    private Scope() {
    }

    static long of(Caller caller) {
        return caller.isDealer() ? ALL : caller.organisationId().orElseThrow();
    }

    /** Whether the caller reaches the organisation's data. */
    static boolean reaches(Caller caller, long organisationId) {
        long scope = of(caller);
        return scope == ALL || scope == organisationId;
    }

    /** A query of organisation data with the caller's scope bound. */
    static <T> TypedQuery<T> query(EntityManager em, Caller caller, String jpql, Class<T> type) {
        return em.createQuery(jpql, type).setParameter("scope", of(caller));
    }
}
