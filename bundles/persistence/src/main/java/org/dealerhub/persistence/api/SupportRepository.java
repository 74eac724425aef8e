package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.spi.BillingContext;

/**
 * What software support and paid extras add to service orders: an order's facts, its software side, known errors,
 * contracts' named contacts and extras. An order's facts and software side are reached only through an order the
 * core found or locked for the caller; contacts and extras are scoped by their contract; known errors are the
 * dealer's own records, which customers never see.
 */
public interface SupportRepository {

    /** The facts the order's deadline was computed from (empty for an order registered before they were kept). */
    Map<String, String> facts(long orderId);

    /** Replaces the order's facts. */
    void facts(long orderId, Map<String, String> facts);

    Optional<StoredIncident> incident(long orderId);

    /** Writes the software side of an order (a new one or a change). */
    void save(StoredIncident incident);

    List<SoftwareSupport.KnownError> knownErrors(Caller caller);

    /** A known error; empty for a customer, whatever the id. */
    Optional<SoftwareSupport.KnownError> knownError(Caller caller, long id);

    /** Finds a known error and holds its row lock until the unit of work ends. */
    Optional<SoftwareSupport.KnownError> lockKnownError(Caller caller, long id);

    SoftwareSupport.KnownError createKnownError(Caller caller, String title, String description, Instant at);

    /** Records the fix's release on a known error still at {@code version} (else PRECONDITION_FAILED). */
    SoftwareSupport.KnownError releaseFix(Caller caller, long id, long version, Instant at);

    /** The named contacts of a visible contract (else NOT_FOUND). */
    List<SoftwareSupport.Contact> contacts(Caller caller, long contractId);

    /** Adds a named contact to a visible contract; an e-mail twice on one contract is a CONFLICT. */
    SoftwareSupport.Contact addContact(Caller caller, SoftwareSupport.Contact contact);

    OrderExtras.Extra addExtra(Caller caller, OrderExtras.Extra extra);

    /** The extras bought for an order. */
    List<OrderExtras.Extra> extrasOfOrder(long orderId);

    /** All extras of a visible contract (else NOT_FOUND), per order and per period, oldest first. */
    List<OrderExtras.Extra> extrasOfContract(Caller caller, long contractId);

    /** The period extras of a contract in force on a day. */
    List<OrderExtras.Extra> periodExtras(long contractId, LocalDate day);

    /**
     * KMUA-EXTRA-1 for billing: the extras of a visible contract ordered up to {@code upTo} as uncovered work
     * ({@code kind} "extra", quantity 1, {@code item} the price name). An order's extra carries its order; a period
     * extra has order id 0, no order number and no device, dated on its first day.
     */
    List<BillingContext.Work> extraWork(Caller caller, long contractId, LocalDate upTo);

    /** {@link #extraWork} of a page of contracts (at most a few hundred) in one query, by contract. */
    Map<Long, List<BillingContext.Work>> extraWork(Collection<Long> contractIds, LocalDate upTo);
}
