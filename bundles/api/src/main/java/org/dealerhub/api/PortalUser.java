package org.dealerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * A customer's portal user, stored in the database and logging in through the platform's realm.
 *
 * @param deviceIds the devices a device manager handles (PORTAL-ROLE-2); empty for the other roles
 * @param active whether the user has set a password (an invited user has not yet)
 */
public record PortalUser(long id, long organisationId, String userName, String email, PortalRole role,
        List<Long> deviceIds, boolean active, Instant createdAt, String createdBy, long version) {

    public PortalUser {
        deviceIds = List.copyOf(deviceIds);
    }

    /** What an Administrator or dealer staff sends to invite a user (PORTAL-USER-1: the e-mail is required). */
    public record Draft(String userName, String email, PortalRole role, List<Long> deviceIds) {
    }

    /** A change of role and assigned devices (the e-mail is changed by dealer staff only, PORTAL-USER-1). */
    public record Change(PortalRole role, List<Long> deviceIds, String email) {
    }
}
