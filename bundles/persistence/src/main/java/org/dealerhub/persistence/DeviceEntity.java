package org.dealerhub.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;

@Entity(name = "Device")
@Table(name = "DEVICE")
public class DeviceEntity implements Versioned {

    @Id
    @TableGenerator(name = "device_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "DEVICE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "device_ids")
    private long id;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    private String vendor;
    private String model;
    @Column(name = "MODEL_FAMILY")
    private String modelFamily;
    @Enumerated(EnumType.STRING)
    private DeviceFormat format;
    @Column(name = "SERIAL_NUMBER")
    private String serialNumber;
    @Column(name = "SERVICE_NUMBER")
    private String serviceNumber;
    private String location;
    @Column(name = "REMOTELY_MONITORED")
    private boolean remotelyMonitored;
    @Column(name = "LAST_READING_ID")
    private Long lastReadingId;
    @Version
    private long version;

    protected DeviceEntity() {
    }

    DeviceEntity(long organisationId, Device.Draft draft) {
        this.organisationId = organisationId;
        apply(draft);
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    public long getOrganisationId() {
        return organisationId;
    }

    /** The id of the device's newest accepted meter reading, or null before the first. */
    public Long getLastReadingId() {
        return lastReadingId;
    }

    /** The owner changes only by a transfer (see {@link DeviceOwnershipEntity}). */
    void transferTo(long organisation) {
        organisationId = organisation;
    }

    /** Everything but the owner. */
    public void apply(Device.Draft d) {
        vendor = d.vendor();
        model = d.model();
        modelFamily = d.modelFamily();
        format = d.format();
        serialNumber = d.serialNumber();
        serviceNumber = d.serviceNumber();
        location = d.location();
        remotelyMonitored = Boolean.TRUE.equals(d.remotelyMonitored());
    }

    public Device toValue() {
        return new Device(id, organisationId, vendor, model, modelFamily, format, serialNumber, serviceNumber,
                location, remotelyMonitored, version);
    }
}
