package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.FaultCause;
import org.dealerhub.api.Loan;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.spi.BillingContext;

/**
 * What happens on service orders besides their states: monitoring events, loans with their handover acts, the
 * resolution and the work. A customer sees these only for its own organisation's orders (else NOT_FOUND); the
 * order's visibility is checked by the caller's lock or find of the order, so writes here take it as given.
 */
public interface OrderOperationsRepository {

    /** Stores a device's event with what became of it; returns its id. */
    long recordEvent(MonitoringEvent event, MonitoringEvent.Outcome outcome, Instant receivedAt, String receivedBy);

    /** Starts a loan (KMUA-ORDER-4); returns its id. */
    long lend(long orderId, long contractId, long deviceId, long loanDeviceId, FaultCause cause, LocalDate from,
            String by);

    /** Ends an open loan of the order (else NOT_FOUND). */
    void endLoan(long orderId, long loanId, LocalDate to, String by);

    /** One device's counters in a handover act, {@code SWAP} or {@code RETURN} (KMUA-ORDER-8). */
    void act(long loanId, String act, long deviceId, LocalDate date, Counters counters,
            MeterReading.Outcome reading, Instant at, String by);

    /** The loans of a visible order, oldest first (orderVersion 0, no readings). */
    List<Loan> loans(Caller caller, long orderId);

    /** The open loan of a loan device, on any order. */
    Optional<Loan> openLoanOfLoanDevice(long loanDeviceId);

    /**
     * The loans of a visible contract's orders that began on or before {@code upTo}, oldest first: for billing,
     * {@code BillingContext.DeviceUsage} with {@code loanFor} the replaced device, from the swap to the return.
     */
    List<Loan> loansOfContract(Caller caller, long contractId, LocalDate upTo);

    /** {@link #loansOfContract} of a page of contracts (at most a few hundred) in one query, by contract. */
    Map<Long, List<Loan>> loansOfContracts(Collection<Long> contractIds, LocalDate upTo);

    /** Sets how an order was resolved (KMUA-ORDER-5). */
    void resolution(long orderId, Resolution.Kind kind);

    /** How a visible order was resolved, empty before. */
    Optional<Resolution.Kind> resolution(Caller caller, long orderId);

    /** Stores work on an order; returns its id. */
    long addWork(OrderWork work);

    /** The work of a visible order, oldest first (orderVersion 0). */
    List<OrderWork> work(Caller caller, long orderId);

    /** The work on a visible contract's orders dated on or before {@code upTo}, oldest first, for billing. */
    List<BillingContext.Work> workOfContract(Caller caller, long contractId, LocalDate upTo);

    /** {@link #workOfContract} of a page of contracts (at most a few hundred) in one query, by contract. */
    Map<Long, List<BillingContext.Work>> workOfContracts(Collection<Long> contractIds, LocalDate upTo);
}
