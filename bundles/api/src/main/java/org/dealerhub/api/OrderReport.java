package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * KMUA-REPORT-1: the service orders of the last 3 calendar months (this month and the two before it), each with the
 * address of its detail card.
 */
public record OrderReport(LocalDate from, Instant computedAt, List<Line> orders) {

    public OrderReport {
        orders = List.copyOf(orders);
    }

    /** One order of the list; {@code card} is the path of its detail card under the API's root. */
    public record Line(long id, String number, long organisationId, long deviceId, long contractId, OrderKind kind,
            OrderState state, Instant registeredAt, Instant respondedAt, Instant breachedAt, String card) {
    }

    /**
     * The detail card of one order: the order with its details, pauses and clock, its audit trail, and its breach
     * if it missed its deadline.
     */
    public record Card(ServiceOrder order, List<ServiceOrder.Event> history, SlaReport.Breach breach) {

        public Card {
            history = List.copyOf(history);
        }
    }
}
