package org.dealerhub.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.StockLocation;

/**
 * One audited change of a device's stock data (PORTAL-ROLE-3): who, when, and what it left. The levels are kept as
 * {@code consumable=count} pairs, comma-separated (consumable names are {@code [a-z0-9-]}).
 */
@Entity(name = "StockChange")
@Table(name = "STOCK_CHANGE")
public class StockChangeEntity {

    @Id
    @TableGenerator(name = "stock_change_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "STOCK_CHANGE", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "stock_change_ids")
    private long id;
    @Column(name = "DEVICE_ID")
    private long deviceId;
    @Column(name = "CHANGED_AT")
    private Instant changedAt;
    @Column(name = "CHANGED_BY")
    private String changedBy;
    private String name;
    @Column(name = "SHIPPING_INSTRUCTIONS")
    private String shippingInstructions;
    private String levels;
    private boolean removed;

    protected StockChangeEntity() {
    }

    /** The change that left {@code draft}, or (null) removed the stock data. */
    StockChangeEntity(long deviceId, StockLocation.Draft draft, Instant at, String by) {
        this.deviceId = deviceId;
        this.changedAt = at;
        this.changedBy = by;
        this.removed = draft == null;
        if (draft != null) {
            this.name = draft.name();
            this.shippingInstructions = draft.shippingInstructions();
            this.levels = new TreeMap<>(draft.levels()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
        }
    }

    StockLocation.Change toValue() {
        Map<String, Integer> parsed = levels == null || levels.isEmpty() ? Map.of()
                : Arrays.stream(levels.split(",")).map(p -> p.split("=", 2))
                        .collect(Collectors.toMap(p -> p[0], p -> Integer.valueOf(p[1])));
        return new StockLocation.Change(deviceId, changedAt, changedBy, name, shippingInstructions, parsed, removed);
    }
}
