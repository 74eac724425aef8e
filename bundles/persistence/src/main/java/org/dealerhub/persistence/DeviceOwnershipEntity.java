package org.dealerhub.persistence;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Device;

/**
 * One period in which an organisation owned a device (PORTAL-ACCT-1): from {@code ownedFrom} (null: since it was
 * registered) to the day before {@code ownedTo} (null: still owned). What happened in a period stays with its owner.
 */
@Entity(name = "DeviceOwnership")
@Table(name = "DEVICE_OWNERSHIP")
public class DeviceOwnershipEntity {

    @Id
    @TableGenerator(name = "ownership_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "DEVICE_OWNERSHIP", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ownership_ids")
    private long id;
    @Column(name = "DEVICE_ID")
    private long deviceId;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    @Column(name = "OWNED_FROM")
    private LocalDate ownedFrom;
    @Column(name = "OWNED_TO")
    private LocalDate ownedTo;

    protected DeviceOwnershipEntity() {
    }

    DeviceOwnershipEntity(long deviceId, long organisationId, LocalDate from) {
        this.deviceId = deviceId;
        this.organisationId = organisationId;
        this.ownedFrom = from;
    }

    void end(LocalDate day) {
        ownedTo = day;
    }

    Device.Ownership toValue() {
        return new Device.Ownership(deviceId, organisationId, ownedFrom, ownedTo);
    }
}
