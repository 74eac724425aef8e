package org.dealerhub.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a service order and the transitions between them (KMUA-ORDER-2): registered, in progress,
 * extended (not solved on the first visit: a reason and the next visit), resolved, closed, cancelled.
 * Platform decision: a resolved order may be reopened (back to in progress) until it is closed, e.g. an incident
 * closed by a workaround when the vendor's fix arrives (KMUA-SW-5); closed and cancelled are final.
 */
public enum OrderState {
    REGISTERED, IN_PROGRESS, EXTENDED, RESOLVED, CLOSED, CANCELLED;

    /** The states this one may move to (KMUA-ORDER-2). */
    public Set<OrderState> next() {
        return switch (this) {
            case REGISTERED -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(EXTENDED, RESOLVED, CANCELLED);
            case EXTENDED -> EnumSet.of(IN_PROGRESS, RESOLVED, CANCELLED);
            case RESOLVED -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(OrderState.class);
        };
    }

    public boolean canMoveTo(OrderState target) {
        return next().contains(target);
    }

    /** Whether the order's response-time clock can still run: not resolved, closed or cancelled. */
    public boolean open() {
        return this == REGISTERED || this == IN_PROGRESS || this == EXTENDED;
    }
}
