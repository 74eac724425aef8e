package org.dealerhub.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A device lent in place of an order's device that cannot be restored within the contract's recovery period
 * (KMUA-ORDER-4). The handover acts record both devices' counters at the swap and at the return (KMUA-ORDER-8);
 * they become meter readings of each device (PORTAL-METER-1..3), so prints on the loan device are billed from its
 * meter history between {@code from} and {@code to}.
 *
 * @param deviceId the order's device, taken away for repair
 * @param loanDeviceId the device lent in its place
 * @param to the day it was given back, null while lent
 * @param readings the meter readings this request's handover act produced, in order: the order's device, then the
 *        loan device (empty when listed)
 * @param orderVersion the order's version after this request
 */
public record Loan(long id, long orderId, String orderNumber, long contractId, long deviceId, long loanDeviceId,
        FaultCause cause, LocalDate from, LocalDate to, Handover swap, Handover returned, String lentBy,
        String returnedBy, List<MeterReading.Outcome> readings, long orderVersion) {

    public Loan {
        readings = List.copyOf(readings);
    }

    /**
     * A lending: the loan device and the technician's finding (KMUA-ORDER-4: none when the customer's users, third
     * parties or external forces caused the fault), with the swap's handover act.
     */
    public record Draft(Long loanDeviceId, FaultCause cause, Handover swap) {
    }

    /**
     * A handover act (KMUA-ORDER-8): the day and both devices' counters.
     *
     * @param date the handover's day; today in the market's zone when null
     */
    public record Handover(LocalDate date, Counters deviceCounters, Counters loanCounters) {
    }
}
