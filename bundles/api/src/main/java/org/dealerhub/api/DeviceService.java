package org.dealerhub.api;

import java.util.List;

/** Devices. {@link #update} never changes the owner: that is a dated {@link #transfer}. */
public interface DeviceService extends Crud<Device, Device.Draft> {

    /**
     * Moves the device to another organisation from a date on (dealer users only). Refused (PORTAL-ACCT-1) while
     * a contract of the current owner that includes the device runs on or after that date.
     */
    Device.Ownership transfer(Caller caller, long deviceId, Device.Transfer transfer);

    /** The device's owners over time, oldest first; a customer sees only its own periods. */
    List<Device.Ownership> ownership(Caller caller, long deviceId);
}
