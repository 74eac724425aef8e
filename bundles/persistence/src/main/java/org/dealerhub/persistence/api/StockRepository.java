package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.StockLocation;

/**
 * Local stock data of devices on automatic toner replenishment (PORTAL-ROLE-3), of the organisations the caller
 * reaches for stock: a dealer every one, an Administrator or stock manager its own (else NOT_FOUND). The stock data
 * belongs to the device's current owner. Every write is audited and holds the stock row's lock, so of two writes
 * based on one version the second is PRECONDITION_FAILED.
 */
public interface StockRepository {

    /** The visible stock data of an organisation the caller reaches, by device id. */
    List<StockLocation> list(Caller caller, long organisationId);

    Optional<StockLocation> find(Caller caller, long deviceId);

    /** Sets up a device the caller reaches; CONFLICT when it has stock data already. */
    StockLocation create(Caller caller, long deviceId, StockLocation.Draft draft, Instant at);

    StockLocation update(Caller caller, long deviceId, long version, StockLocation.Draft draft, Instant at);

    void delete(Caller caller, long deviceId, long version, Instant at);

    /** The audited changes of a device the caller reaches for stock, oldest first. */
    List<StockLocation.Change> changes(Caller caller, long deviceId);
}
