package org.dealerhub.api;

import java.util.List;

/**
 * Local stock data of devices on automatic toner replenishment (PORTAL-ROLE-3, -4). Dealer staff set a device up
 * for it (or take it off); the organisation's stock managers, device-and-stock managers and Administrators, and
 * dealer staff, read and maintain its stock data; device managers and self-service users are refused. Every change
 * is audited (who, when, what it left); a write names the version it read (412 when stale).
 */
public interface LocalStockService {

    /** The stock data of the organisation's devices on automatic replenishment, by device id. */
    List<StockLocation> list(Caller caller, long organisationId);

    /** The device's stock data (NOT_FOUND unless the device is on automatic replenishment and visible). */
    StockLocation get(Caller caller, long deviceId);

    /** Dealer users: sets the device up for automatic toner replenishment with its first stock data. */
    StockLocation enable(Caller caller, long deviceId, StockLocation.Draft draft);

    /** Replaces the stock data if still at {@code version}. */
    StockLocation update(Caller caller, long deviceId, long version, StockLocation.Draft draft);

    /** Dealer users: takes the device off automatic replenishment (its stock data goes; the audit stays). */
    void disable(Caller caller, long deviceId, long version);

    /** The audited changes of the device's stock data, oldest first. */
    List<StockLocation.Change> changes(Caller caller, long deviceId);
}
