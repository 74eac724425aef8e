package org.dealerhub.api;

import java.util.List;

/**
 * Service orders (issue 9). A customer user registers and sees orders only for its own organisation's devices,
 * completes its incomplete orders and may cancel them; dealer staff do the rest. Every change names the version
 * it was based on (412 when stale), is recorded in the order's audit trail and notifies the order's contact. A
 * refused request changes nothing.
 */
public interface OrderService {

    /**
     * Registers an order (KMUA-CHAN-1/2). An incomplete one (KMUA-ORDER-1) is accepted and held until completed.
     * The deadline comes from the contract's vendor, package and market when registered.
     */
    ServiceOrder register(Caller caller, ServiceOrder.Draft draft);

    ServiceOrder get(Caller caller, long id);

    /** The visible orders matching the query, by id. */
    List<ServiceOrder> list(Caller caller, ServiceOrder.Query query);

    /** Adds what an incomplete order lacked (KMUA-ORDER-1); once nothing is missing its hold ends. */
    ServiceOrder complete(Caller caller, long id, long version, ServiceOrder.Details details);

    /** Moves the order to another state (KMUA-ORDER-2); an illegal move is refused with that rule (422). */
    ServiceOrder transition(Caller caller, long id, long version, ServiceOrder.Transition transition);

    /** Pauses the clock (KMUA-DEBT-1, KMUA-SW-3, waiting). */
    ServiceOrder hold(Caller caller, long id, long version, ServiceOrder.Hold hold);

    /** Ends a pause. An INCOMPLETE pause ends only by completing the order (KMUA-ORDER-1). */
    ServiceOrder release(Caller caller, long id, long version, long pauseId);

    /** Records the response, which stops the response-time clock (KMUA-RESP-1, KMNO-SLA-1). */
    ServiceOrder respond(Caller caller, long id, long version, ServiceOrder.Response response);

    /** The order's audit trail, oldest first. */
    List<ServiceOrder.Event> history(Caller caller, long id);
}
