package org.dealerhub.api;

import java.util.List;

/**
 * What happens on a service order besides its states (issue 9): remote-monitoring events that open repair orders
 * by themselves (KMUA-ORDER-3, KMUA-CHAN-1), loan devices with their handover acts (KMUA-ORDER-4, -8), the
 * resolution (KMUA-ORDER-5) and the work done, each piece classified covered or not by the vendor's rule. Every
 * change of an order names the version it was based on (412 when stale) and moves it on; a refused request changes
 * nothing. Dealer users only; a customer reads the loans and work of its own organisation's orders.
 */
public interface OrderOperations {

    /**
     * Records a device's event. A diagnosable fault opens a REPAIR order (channel MONITORING) unless an open repair
     * order for the device and error code exists; counters become a meter reading (PORTAL-METER-1..3), whose
     * refusal is reported in the outcome while the event is still recorded. Dealer users only.
     */
    MonitoringEvent.Outcome record(Caller caller, MonitoringEvent event);

    /** Lends a device in place of the order's device (KMUA-ORDER-4, -8): the swap's handover act. */
    Loan lend(Caller caller, long orderId, long version, Loan.Draft draft);

    /** Takes a loan device back (KMUA-ORDER-8): the return's handover act. */
    Loan giveBack(Caller caller, long orderId, long version, long loanId, Loan.Handover handover);

    /** The order's loans, oldest first. */
    List<Loan> loans(Caller caller, long orderId);

    /** Resolves the order by repair, by a loan device or by taking the device out of service (KMUA-ORDER-5). */
    ServiceOrder resolve(Caller caller, long orderId, long version, Resolution resolution);

    /** Attaches work to the order, classified covered or not by the vendor's coverage rule. */
    OrderWork addWork(Caller caller, long orderId, long version, OrderWork.Draft draft);

    /** The order's work, oldest first. */
    List<OrderWork> work(Caller caller, long orderId);
}
