package org.dealerhub.api;

import java.util.List;

/**
 * Portal users of a customer organisation: invited, changed and removed by the organisation's Administrators
 * (PORTAL-ROLE-1) or dealer staff; each invitation and password reset is a one-time link e-mailed through the
 * outbox.
 */
public interface PortalUserService {

    List<PortalUser> list(Caller caller, long organisationId);

    PortalUser get(Caller caller, long organisationId, long userId);

    /** Invites a user: stored without a password, and a link to set one is e-mailed. */
    PortalUser invite(Caller caller, long organisationId, PortalUser.Draft draft);

    /** Changes role and devices (and, for dealer staff, the e-mail) of a user still at {@code version}. */
    PortalUser change(Caller caller, long organisationId, long userId, long version, PortalUser.Change change);

    /** Removes a user still at {@code version}: it can no longer log in. */
    void remove(Caller caller, long organisationId, long userId, long version);

    /**
     * E-mails a one-time link to set a new password to the user with this address, if there is one; says nothing
     * either way.
     */
    void requestPasswordReset(String email);

    /** Sets the password of the user an unexpired, unused link was sent to (else NOT_FOUND). */
    void resetPassword(String token, String password);
}
