package org.dealerhub.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.dealerhub.api.StockLocation;

/** The local stock of a device on automatic toner replenishment (PORTAL-ROLE-3); one per device. */
@Entity(name = "StockLocation")
@Table(name = "STOCK_LOCATION")
public class StockLocationEntity {

    @Id
    @Column(name = "DEVICE_ID")
    private long deviceId;
    private String name;
    @Column(name = "SHIPPING_INSTRUCTIONS")
    private String shippingInstructions;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "STOCK_LEVEL", joinColumns = @JoinColumn(name = "DEVICE_ID"))
    @MapKeyColumn(name = "CONSUMABLE")
    @Column(name = "QUANTITY")
    private Map<String, Integer> levels = new HashMap<>();
    @Column(name = "UPDATED_AT")
    private Instant updatedAt;
    @Column(name = "UPDATED_BY")
    private String updatedBy;
    @Version
    private long version;

    protected StockLocationEntity() {
    }

    StockLocationEntity(long deviceId) {
        this.deviceId = deviceId;
    }

    long getVersion() {
        return version;
    }

    void apply(StockLocation.Draft d, Instant at, String by) {
        name = d.name();
        shippingInstructions = d.shippingInstructions();
        levels.clear();
        levels.putAll(d.levels());
        updatedAt = at;
        updatedBy = by;
    }

    StockLocation toValue(long organisationId) {
        return new StockLocation(deviceId, organisationId, name, shippingInstructions, levels, updatedAt, updatedBy,
                version);
    }
}
