package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A piece of work on a service order, classified covered or not by the contract's vendor with the rule that
 * decided (PN-FAULT-1..3, KMUA-ORDER-6, CANON-DMS-2, KMNO-WAIT-1, KMNO-SUPPORT-2); uncovered work and waiting keep
 * their minutes for billing.
 *
 * @param orderVersion the order's version after this request
 */
public record OrderWork(long id, long orderId, String orderNumber, long deviceId, LocalDate date, Kind kind,
        int minutes, FaultCause cause, boolean covered, String rule, String reason, String note, Instant recordedAt,
        String recordedBy, long orderVersion) {

    /** Labour on the fault, or waiting for the customer (technician or carrier). */
    public enum Kind {
        LABOUR, WAITING
    }

    /**
     * Work to attach.
     *
     * @param date the day of the work; today in the market's zone when null
     * @param facts further facts for the vendor's rule (open-ended)
     */
    public record Draft(LocalDate date, Kind kind, Integer minutes, FaultCause cause, String note,
            Map<String, String> facts) {
    }
}
