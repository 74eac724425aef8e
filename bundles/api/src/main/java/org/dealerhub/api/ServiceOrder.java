package org.dealerhub.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service order for one device on one contract: its state (KMUA-ORDER-2), the data it was registered with, what
 * it still lacks (KMUA-ORDER-1), its pauses and where its response-time clock stands.
 *
 * @param missing what KMUA-ORDER-1 still asks for; while not empty the order is held (an open INCOMPLETE pause)
 * @param sla where the response-time clock stands, or null without a deadline (or cancelled before a response)
 */
public record ServiceOrder(long id, String number, long organisationId, long deviceId, long contractId,
        OrderKind kind, OrderChannel channel, OrderState state, Details details, Instant registeredAt,
        String registeredBy, Deadline deadline, Instant respondedAt, String response, Instant nextVisit,
        List<String> missing, List<Pause> pauses, Sla sla, long version) {

    public ServiceOrder {
        missing = List.copyOf(missing);
        pauses = List.copyOf(pauses);
    }

    /** What the customer reports (KMUA-ORDER-1): each may come later, until then the order is held. */
    public record Details(String serviceNumber, String symptom, String errorCode, Long meterReading,
            String contactName, String contactEmail) {
    }

    /**
     * The response deadline the vendor's rule gave at registration, before any pause.
     *
     * @param original the deadline, or null when the package promises none (then {@code reason} says why)
     */
    public record Deadline(Instant original, String rule, String reason) {
    }

    /** Why the clock stands still (KMUA-ORDER-1, KMUA-DEBT-1, KMUA-SW-3, or waiting for the customer). */
    public enum PauseReason {
        INCOMPLETE, DEBT, CUSTOMER_QUESTION, WAITING
    }

    /** A pause of the clock; {@code to} is null while it lasts. */
    public record Pause(long id, PauseReason reason, String note, Instant from, Instant to) {
    }

    /**
     * The response-time clock (KMNO-SLA-1, KMUA-RESP-1), all in the market's business time, in minutes.
     *
     * @param deadline the original deadline moved by the business time paused so far
     * @param breached more business time used than the budget; shown also while paused
     * @param running false while paused, or once the response is recorded
     * @param met once responded: whether the response came within the budget (null before)
     * @param missedByMinutes once breached: by how much business time, so far while it waits for its response, a
     *        started minute counted (0 otherwise)
     */
    public record Sla(Instant deadline, long budgetMinutes, long usedMinutes, long pausedMinutes,
            long leftMinutes, boolean breached, boolean running, Boolean met, long missedByMinutes) {
    }

    /** An entry of the order's audit trail: who did what when, and why. */
    public record Event(long id, Instant at, String by, OrderState from, OrderState to, String what, String reason) {
    }

    /**
     * A new order. {@code channel} defaults to the front end's own; {@code facts} go to the vendor's response-time
     * rule (e.g. {@code category} Driftsstans or Annet, {@code distanceKm}).
     */
    public record Draft(Long deviceId, Long contractId, OrderKind kind, OrderChannel channel, String serviceNumber,
            String symptom, String errorCode, Long meterReading, String contactName, String contactEmail,
            Map<String, String> facts) {
    }

    /** A move to another state; EXTENDED needs a reason and the next visit, CANCELLED a reason (KMUA-ORDER-2). */
    public record Transition(OrderState to, String reason, Instant nextVisit) {
    }

    /** A pause started by staff. */
    public record Hold(PauseReason reason, String note) {
    }

    /**
     * The response as the vendor defines it (KMUA-RESP-1: diagnostics start, remotely or on site; KMNO-SLA-1: the
     * technician starts troubleshooting; KMNO-REMOTE-2: support contacts the customer).
     *
     * @param at when it happened; now when null
     * @param how what the response was, e.g. "remote diagnostics"
     */
    public record Response(Instant at, String how) {
    }

    /** Filters of a listing; null means any. */
    public record Query(OrderState state, Long deviceId, Long organisationId, Boolean breached, int offset,
            int limit) {
    }
}
