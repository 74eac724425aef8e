package org.dealerhub.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking. Every domain service call carries one; the core decides what it may see and do.
 *
 * @param user the authenticated user name
 * @param role the caller's strongest role
 * @param organisationId for {@link Role#CUSTOMER}, the id of the one organisation the user belongs to
 *        (PORTAL-ACCT-1): an id never changes and is never reused, unlike an account number
 * @param portalRole for {@link Role#CUSTOMER}, what the user may do in its organisation (PORTAL-ROLE-1..5); a
 *        customer user of the realm's users file without one is its organisation's Administrator; null for dealers
 */
public record Caller(String user, Role role, Optional<Long> organisationId, PortalRole portalRole) {

    public enum Role {
        /** Dealer administrator: everything, including deletes. */
        DEALER_ADMIN,
        /** Dealer staff: reads and changes every organisation's data, deletes nothing. */
        DEALER_STAFF,
        /** A customer's user: sees only its own organisation. */
        CUSTOMER
    }

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisationId, "organisationId");
        if (role == Role.CUSTOMER && organisationId.isEmpty()) {
            throw new IllegalArgumentException("a customer user must be bound to an organisation");
        }
        portalRole = role != Role.CUSTOMER ? null : portalRole == null ? PortalRole.ADMINISTRATOR : portalRole;
    }

    /** A dealer user, or a customer user who is its organisation's Administrator. */
    public Caller(String user, Role role, Optional<Long> organisationId) {
        this(user, role, organisationId, null);
    }

    /** A customer user of one organisation, its Administrator. */
    public static Caller customer(String user, long organisationId) {
        return new Caller(user, Role.CUSTOMER, Optional.of(organisationId));
    }

    /** A portal user of one organisation in one role. */
    public static Caller portal(String user, long organisationId, PortalRole portalRole) {
        return new Caller(user, Role.CUSTOMER, Optional.of(organisationId), portalRole);
    }

    public static Caller system() {
        return new Caller("system", Role.DEALER_ADMIN, Optional.empty());
    }

    public boolean isDealer() {
        return role != Role.CUSTOMER;
    }
}
