package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.dealerhub.api.Caller;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;

/**
 * The measured side of the orders' response-time clocks (issue 9), one row per order, written in the order's own
 * transactions: what the reports aggregate in the database instead of order by order. Reads apply the caller's
 * organisation scope (PORTAL-ACCT-1).
 */
public interface SlaRecords {

    /** At registration: the order's category fact (KMNO-SLA-1), null without one. */
    void registered(StoredOrder order, String category);

    /** At the response: the business minutes the order used until then, pauses excluded. */
    void responded(long orderId, Instant at, long usedMinutes);

    /** When the order leaves the open states (resolved, closed, cancelled): the end of its outage, once. */
    void ended(long orderId, Instant at);

    /**
     * Records the breach of an order once: true when this call recorded it, false when it was recorded before (so
     * of two concurrent detections exactly one records it).
     */
    boolean breached(long orderId, Instant breachedAt, long missedMinutes, Instant detectedAt);

    /** The missed minutes of a recorded breach, final at the response. */
    void missed(long orderId, long missedMinutes);

    /** Orders still waiting for a response whose original deadline lies before {@code now} and no breach recorded. */
    List<Long> overdue(Instant now);

    /** The recorded breach of a visible order. */
    Optional<BreachRow> breach(Caller caller, long orderId);

    /**
     * The breaches of the visible orders in the scope, breached in {@code [from, to)} of the given market, by
     * contract and breach time.
     */
    List<BreachRow> breaches(Caller caller, Filter filter);

    /**
     * For billing: the breaches of a page of contracts' orders (at most a few hundred contracts) breached before
     * {@code to}, by contract and breach time, in one query.
     */
    Map<Long, List<BreachRow>> breaches(Collection<Long> contractIds, Instant to);

    /** The market's contracts in the scope (one, one organisation's, or all). */
    List<ContractRow> contracts(Caller caller, Filter filter);

    /**
     * Per contract, device and category (null: none): the orders registered in the period and their outcome, and
     * the responded ones with a target with their summed response minutes. One pass over the period's rows.
     */
    List<Figures> figures(Caller caller, Filter filter);

    /** The remotely monitored devices of the market's contracts in the scope, by contract and device. */
    List<MonitoredDevice> monitoredDevices(Caller caller, Filter filter);

    /**
     * KMNO-SLA-2: the total-outage orders ({@code category}) of remotely monitored devices overlapping the period,
     * streamed by contract, device and registration: one pass, never all at once.
     */
    void outages(Caller caller, Filter filter, String category, Consumer<Outage> each);

    /** KMUA-REPORT-1: the visible orders registered from {@code from}, of one organisation or all, by id. */
    List<OrderLine> orders(Caller caller, Long organisationId, Instant from);

    /** The markets of the contracts in the scope. */
    List<String> markets(Caller caller, Long contractId, Long organisationId);

    /**
     * What a report covers: one market's contracts (one contract, one organisation's, or all), orders registered
     * (breaches: breached) in {@code [from, to)}.
     */
    record Filter(String market, Long contractId, Long organisationId, Instant from, Instant to) {
    }

    record BreachRow(long orderId, String number, long contractId, long deviceId, String market, Instant breachedAt,
            long missedMinutes, Instant respondedAt) {
    }

    record ContractRow(long contractId, long organisationId, String vendor) {
    }

    /**
     * @param withTarget orders the vendor's rule gave a deadline
     * @param met responded without a breach
     * @param missed breached
     * @param pending with a target, neither responded nor breached, still open
     * @param responded responded orders with a target and a category
     * @param minutes their summed response minutes
     */
    record Figures(long contractId, long deviceId, String category, long orders, long withTarget, long met,
            long missed, long pending, long responded, long minutes) {
    }

    record MonitoredDevice(long contractId, long organisationId, String vendor, long deviceId) {
    }

    record Outage(long contractId, long deviceId, Instant from, Instant to) {
    }

    record OrderLine(long id, String number, long organisationId, long deviceId, long contractId, OrderKind kind,
            OrderState state, String market, Instant registeredAt, Instant respondedAt, Instant breachedAt) {
    }
}
