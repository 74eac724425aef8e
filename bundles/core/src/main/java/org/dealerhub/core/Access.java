package org.dealerhub.core;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * Who may see and do what (platform decision): dealer admins everything; dealer staff everything but deletes;
 * a customer's user reads its own organisation's data and submits its meter readings. What a customer may not
 * see is "not found", never "forbidden", so it learns nothing of other organisations.
 */
final class Access {

    private Access() {
    }

    static void requireDealer(Caller caller) {
        if (!caller.isDealer()) {
            throw DomainException.forbidden("only dealer users may do this");
        }
    }

    static void requireAdmin(Caller caller, String action) {
        if (caller.role() != Caller.Role.DEALER_ADMIN) {
            throw DomainException.forbidden("only dealer administrators may " + action);
        }
    }

    /** Whether the caller may see data of the organisation. */
    static boolean sees(EntityManager em, Caller caller, long organisationId) {
        if (caller.isDealer()) {
            return true;
        }
        Long own = ownOrganisation(em, caller);
        return own != null && own == organisationId;
    }

    /** Throws NOT_FOUND unless the caller may see data of the organisation. */
    static void requireVisible(EntityManager em, Caller caller, long organisationId, String what, Object id) {
        if (!sees(em, caller, organisationId)) {
            throw DomainException.notFound(what, id);
        }
    }

    /** A customer user's organisation id, by its customer account number (PORTAL-ACCT-1); null if none. */
    static Long ownOrganisation(EntityManager em, Caller caller) {
        return em.createQuery("SELECT o.id FROM Organisation o WHERE o.customerAccount = :a", Long.class)
                .setParameter("a", caller.customerAccount().orElse(""))
                .getResultStream().findFirst().orElse(null);
    }
}
