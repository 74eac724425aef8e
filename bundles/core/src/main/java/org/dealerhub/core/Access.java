package org.dealerhub.core;

import java.util.function.Supplier;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.Store;

/**
 * Who may do what (platform decision): dealer admins everything; dealer staff everything but deletes; a
 * customer's user reads its own organisation's data and submits its meter readings. Which organisations' data a
 * caller reaches at all is decided by the repositories (PORTAL-ACCT-1): what a customer may not see is "not
 * found", never "forbidden", so it learns nothing of other organisations.
 */
public final class Access {

    private Access() {
    }

    /** A customer asking for another organisation's data learns nothing of it: NOT_FOUND, as everywhere. */
    static void requireOwnOrganisation(Caller caller, Store store, long organisationId, long deviceId) {
        if (caller.isDealer()) {
            return;
        }
        long organisation = organisationId > 0 ? organisationId : store.read(r -> r.devices()
                .find(Caller.system(), deviceId)).map(d -> d.organisationId()).orElse(-1L);
        if (caller.organisationId().filter(o -> o == organisation).isEmpty()) {
            throw organisationId > 0 ? DomainException.notFound("organisation", organisationId)
                    : DomainException.notFound("device", deviceId);
        }
    }

    public static void requireDealer(Caller caller) {
        if (!caller.isDealer()) {
            throw DomainException.forbidden("only dealer users may do this");
        }
    }

    /**
     * A dealer-only action on a device: a customer learns nothing of a device its role does not show it (another
     * organisation's, or one not assigned to a device manager: NOT_FOUND, as everywhere) and is refused with
     * {@code refusal} on a device it sees.
     */
    static void requireDealerOnDevice(Caller caller, Store store, long deviceId, Supplier<DomainException> refusal) {
        if (caller.isDealer()) {
            return;
        }
        boolean visible = store.read(r -> r.devices().find(caller, deviceId)).isPresent();
        throw visible ? refusal.get() : DomainException.notFound("device", deviceId);
    }

    static void requireAdmin(Caller caller, String action) {
        if (caller.role() != Caller.Role.DEALER_ADMIN) {
            throw DomainException.forbidden("only dealer administrators may " + action);
        }
    }
}
