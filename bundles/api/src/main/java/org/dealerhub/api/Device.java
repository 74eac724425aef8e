package org.dealerhub.api;

import java.time.LocalDate;

/**
 * A multifunction printer owned by an organisation. It changes owner only by a dated {@link Transfer}; what
 * happened before stays with the organisation that owned it then ({@link Ownership}, PORTAL-ACCT-1).
 */
public record Device(long id, long organisationId, String vendor, String model, String modelFamily,
        DeviceFormat format, String serialNumber, String serviceNumber, String location, boolean remotelyMonitored,
        long version) {

    public record Draft(Long organisationId, String vendor, String model, String modelFamily, DeviceFormat format,
            String serialNumber, String serviceNumber, String location, Boolean remotelyMonitored) {
    }

    /** A move to another organisation, effective from {@code date} (that day belongs to the new owner). */
    public record Transfer(Long organisationId, LocalDate date) {
    }

    /** One period of ownership: from {@code from} (null: since the device was registered) until the day before
     * {@code to} (null: still owned). */
    public record Ownership(long deviceId, long organisationId, LocalDate from, LocalDate to) {
    }
}
