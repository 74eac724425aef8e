package org.dealerhub.persistence.api;

import java.time.Instant;

import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;

/**
 * A service order as stored; the core adds its pauses, what it lacks and its clock. {@code market} is the
 * contract's, whose calendar the deadline was counted in.
 */
public record StoredOrder(long id, String number, long organisationId, long deviceId, long contractId,
        OrderKind kind, OrderChannel channel, OrderState state, ServiceOrder.Details details, String market,
        Instant registeredAt, String registeredBy, ServiceOrder.Deadline deadline, Instant respondedAt,
        String response, Instant nextVisit, long version) {

    public StoredOrder withState(OrderState next, Instant visit) {
        return new StoredOrder(id, number, organisationId, deviceId, contractId, kind, channel, next, details, market,
                registeredAt, registeredBy, deadline, respondedAt, response, visit, version);
    }

    public StoredOrder withDetails(ServiceOrder.Details changed) {
        return new StoredOrder(id, number, organisationId, deviceId, contractId, kind, channel, state, changed,
                market, registeredAt, registeredBy, deadline, respondedAt, response, nextVisit, version);
    }

    public StoredOrder withResponse(Instant at, String how) {
        return new StoredOrder(id, number, organisationId, deviceId, contractId, kind, channel, state, details,
                market, registeredAt, registeredBy, deadline, at, how, nextVisit, version);
    }

    /** The deadline computed again, e.g. for an agreed priority (KMUA-SW-2) or a bought extra (KMUA-EXTRA-1). */
    public StoredOrder withDeadline(ServiceOrder.Deadline changed) {
        return new StoredOrder(id, number, organisationId, deviceId, contractId, kind, channel, state, details, market,
                registeredAt, registeredBy, changed, respondedAt, response, nextVisit, version);
    }
}
