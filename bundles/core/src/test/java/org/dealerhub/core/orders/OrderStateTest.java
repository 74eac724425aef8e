package org.dealerhub.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.dealerhub.api.OrderState;
import org.junit.jupiter.api.Test;

class OrderStateTest {

    @Test
    void KMUA_ORDER_2_theLifeOfAnOrder() {
        assertTrue(OrderState.REGISTERED.canMoveTo(OrderState.IN_PROGRESS));
        assertTrue(OrderState.IN_PROGRESS.canMoveTo(OrderState.EXTENDED));
        assertTrue(OrderState.EXTENDED.canMoveTo(OrderState.IN_PROGRESS));
        assertTrue(OrderState.EXTENDED.canMoveTo(OrderState.RESOLVED));
        assertTrue(OrderState.RESOLVED.canMoveTo(OrderState.CLOSED));
    }

    @Test
    void KMUA_ORDER_2_closedAndCancelledAreFinal() {
        assertEquals(EnumSet.noneOf(OrderState.class), OrderState.CLOSED.next());
        assertEquals(EnumSet.noneOf(OrderState.class), OrderState.CANCELLED.next());
        assertFalse(OrderState.RESOLVED.canMoveTo(OrderState.CANCELLED));
        assertFalse(OrderState.REGISTERED.canMoveTo(OrderState.CLOSED));
        assertFalse(OrderState.REGISTERED.canMoveTo(OrderState.EXTENDED));
    }

    @Test
    void KMUA_SW_5_aResolvedOrderMayBeReopenedUntilClosed() {
        assertTrue(OrderState.RESOLVED.canMoveTo(OrderState.IN_PROGRESS));
        assertFalse(OrderState.CLOSED.canMoveTo(OrderState.IN_PROGRESS));
    }

    @Test
    void KMUA_ORDER_2_onlyRegisteredInProgressAndExtendedRunTheClock() {
        assertEquals(EnumSet.of(OrderState.REGISTERED, OrderState.IN_PROGRESS, OrderState.EXTENDED),
                EnumSet.copyOf(java.util.Arrays.stream(OrderState.values()).filter(OrderState::open).toList()));
    }
}
