package org.dealerhub.core;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * Who may do what (platform decision): dealer admins everything; dealer staff everything but deletes; a
 * customer's user reads its own organisation's data and submits its meter readings. Which organisations' data a
 * caller reaches at all is decided by the repositories (PORTAL-ACCT-1): what a customer may not see is "not
 * found", never "forbidden", so it learns nothing of other organisations.
 */
public final class Access {

    private Access() {
    }

    public static void requireDealer(Caller caller) {
        if (!caller.isDealer()) {
            throw DomainException.forbidden("only dealer users may do this");
        }
    }

    static void requireAdmin(Caller caller, String action) {
        if (caller.role() != Caller.Role.DEALER_ADMIN) {
            throw DomainException.forbidden("only dealer administrators may " + action);
        }
    }
}
