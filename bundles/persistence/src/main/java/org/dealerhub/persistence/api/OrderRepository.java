package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.dealerhub.api.Caller;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;

/**
 * Service orders with their pauses and audit trail. An order belongs to the organisation that owned the device when
 * it was registered; a customer sees only its own organisation's orders (PORTAL-ACCT-1).
 */
public interface OrderRepository {

    /** Stores a new order; its number is made from the id it gets. */
    StoredOrder register(Caller caller, StoredOrder order, LongFunction<String> number);

    Optional<StoredOrder> find(Caller caller, long id);

    /** Finds a visible order and holds its row lock until the unit of work ends. */
    Optional<StoredOrder> lock(Caller caller, long id);

    /**
     * Writes the state, details, response and next visit of a visible order still at {@code order.version()}
     * (else PRECONDITION_FAILED); the version moves on even when only its pauses changed.
     */
    StoredOrder update(Caller caller, StoredOrder order);

    /** The visible orders matching the filters (null: any), by id, from {@code offset}, at most {@code limit}. */
    List<StoredOrder> list(Caller caller, OrderState state, Long deviceId, Long organisationId, int offset,
            int limit);

    /** The pauses of the given visible orders, oldest first, by order id. */
    Map<Long, List<ServiceOrder.Pause>> pauses(Caller caller, Collection<Long> orderIds);

    ServiceOrder.Pause pause(Caller caller, long orderId, ServiceOrder.PauseReason reason, String note,
            Instant from);

    /** Ends an open pause of the order (else NOT_FOUND). */
    ServiceOrder.Pause endPause(Caller caller, long orderId, long pauseId, Instant to);

    /** Appends an entry to the order's audit trail (its id is assigned). */
    void record(Caller caller, long orderId, ServiceOrder.Event event);

    /** The audit trail of a visible order (else NOT_FOUND), oldest first. */
    List<ServiceOrder.Event> history(Caller caller, long orderId);
}
