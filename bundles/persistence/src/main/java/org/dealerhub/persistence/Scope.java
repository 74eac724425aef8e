package org.dealerhub.persistence;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.dealerhub.api.Caller;
import org.dealerhub.api.PortalRole;

/**
 * The one place that decides whose data a caller reaches (PORTAL-ACCT-1): a dealer user every organisation's, a
 * customer user only its own organisation's. Every query of organisation data is made here, with the caller's
 * scope bound to {@code :scope}; the repositories' visibility conditions read {@code (:scope = -1 OR ...)}.
 * <p>
 * Within its organisation a portal user reaches what its role allows: a device manager only the devices assigned to
 * it and their readings, orders and contracts (PORTAL-ROLE-2: {@link #assigned}, bound to {@code :restricted} and
 * {@code :assignee}); a stock manager or self-service user no device data at all (PORTAL-ROLE-3, -4: scope
 * {@link #NONE}, which is no organisation's id). Local stock data has its own scope ({@link #stock}): an
 * Administrator's or stock manager's organisation (PORTAL-ROLE-3).
 */
final class Scope {

    /** The scope of dealer users: every organisation. */
    static final long ALL = -1;
    /** The scope of portal users who see no organisation data: ids start at 1. */
    static final long NONE = 0;

    private Scope() {
    }

    static long of(Caller caller) {
        if (caller.isDealer()) {
            return ALL;
        }
        PortalRole role = caller.portalRole();
        return role == PortalRole.ADMINISTRATOR || role.managesDevices() ? caller.organisationId().orElseThrow()
                : NONE;
    }

    /**
     * PORTAL-ROLE-3, -4: whose local stock data the caller reaches: a dealer user every organisation's, an
     * Administrator, stock manager or device-and-stock manager its own, a device manager or self-service user none.
     */
    static long stock(Caller caller) {
        if (caller.isDealer()) {
            return ALL;
        }
        PortalRole role = caller.portalRole();
        return role == PortalRole.ADMINISTRATOR || role.managesStock() ? caller.organisationId().orElseThrow() : NONE;
    }

    /**
     * PORTAL-ROLE-2: the condition that the device whose id is the JPQL path {@code deviceId} is one the caller
     * handles: any, unless the caller is a device manager; then one assigned to it.
     */
    static String assigned(String deviceId) {
        return "(:restricted = 0 OR EXISTS (SELECT pu FROM PortalUser pu JOIN pu.deviceIds pd"
                + " WHERE pu.userName = :assignee AND pu.removedAt IS NULL AND pd = " + deviceId + "))";
    }

    /** Whether the caller reaches the organisation's data. */
    static boolean reaches(Caller caller, long organisationId) {
        long scope = of(caller);
        return scope == ALL || scope == organisationId;
    }

    /** A query of organisation data with the caller's scope bound. */
    static <T> TypedQuery<T> query(EntityManager em, Caller caller, String jpql, Class<T> type) {
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("scope", of(caller));
        if (jpql.contains(":assignee")) {
            boolean restricted = !caller.isDealer() && caller.portalRole().managesDevices();
            query.setParameter("restricted", restricted ? 1 : 0).setParameter("assignee", caller.user());
        }
        return query;
    }
}
