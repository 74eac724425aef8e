package org.dealerhub.api;

/** A multifunction printer owned by an organisation. */
public record Device(long id, long organisationId, String vendor, String model, String modelFamily,
        DeviceFormat format, String serialNumber, String serviceNumber, String location, boolean remotelyMonitored) {

    public record Draft(Long organisationId, String vendor, String model, String modelFamily, DeviceFormat format,
            String serialNumber, String serviceNumber, String location, Boolean remotelyMonitored) {
    }
}
