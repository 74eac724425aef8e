package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.PortalUser;

/**
 * Portal users of the organisations the caller reaches (else NOT_FOUND); removed users are kept (their names are
 * not given again) but no longer listed and cannot log in. The methods without a caller serve the user's own
 * one-time links.
 */
public interface PortalUserRepository {

    /** The current users of a visible organisation, by id. */
    List<PortalUser> list(Caller caller, long organisationId);

    Optional<PortalUser> find(Caller caller, long organisationId, long id);

    /**
     * Stores a user without a password; a taken user name is CONFLICT; assigned devices must be owned by the
     * organisation now (else INVALID, field deviceIds).
     */
    PortalUser create(Caller caller, long organisationId, PortalUser.Draft draft, Instant at);

    /** Changes a current user still at {@code version}. */
    PortalUser update(Caller caller, long organisationId, long id, long version, PortalUser.Change change);

    /** Removes a current user still at {@code version}. */
    void remove(Caller caller, long organisationId, long id, long version, Instant at);

    /** Sets the password hash of a current user (demo data; users set theirs by a one-time link). */
    void password(long id, String passwordHash);

    /** The current users with this e-mail address (case-insensitive). */
    List<PortalUser> withEmail(String email);

    /** Remembers the hash of the one-time link's token e-mailed to the user last, valid until {@code expires}. */
    void resetToken(long id, String tokenHash, Instant expires);

    /**
     * Sets the password hash of the current user whose unexpired token has this hash, and forgets the token (the
     * link works once); empty when there is none. Holds the user's row lock, so a link is used once only.
     */
    Optional<PortalUser> usePasswordToken(String tokenHash, String passwordHash, Instant now);

    /**
     * What a remembered login of the user depends on: its version while it is a current user, else empty. Every
     * change (password, role, devices, removal) moves it.
     */
    Optional<Long> loginVersion(String userName);
}
