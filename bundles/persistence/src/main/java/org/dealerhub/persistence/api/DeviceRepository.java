package org.dealerhub.persistence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;

/**
 * Devices. A customer sees the devices its organisation owns or owned before; the owner changes only by
 * {@link #transfer}, which keeps the earlier periods ({@link Device.Ownership}).
 */
public interface DeviceRepository extends Records<Device> {

    /** A validated draft; its organisation owns it from its first day. */
    Device create(Caller caller, Device.Draft draft);

    /** Replaces everything of a visible device still at {@code version} but its owner. */
    Device update(Caller caller, long id, long version, Device.Draft draft);

    /** Finds a visible device and holds its row lock until the unit of work ends. */
    Optional<Device> lock(Caller caller, long id);

    /** The ownership periods, oldest first; a customer gets only its own. */
    List<Device.Ownership> ownership(Caller caller, long id);

    /** Whether the organisation owns the device from {@code start} to {@code end} (null: open-ended). */
    boolean ownedThroughout(Caller caller, long id, long organisationId, LocalDate start, LocalDate end);

    /** Ends the current ownership the day before {@code date} and starts the organisation's on {@code date}. */
    Device.Ownership transfer(Caller caller, long id, long organisationId, LocalDate date);
}
