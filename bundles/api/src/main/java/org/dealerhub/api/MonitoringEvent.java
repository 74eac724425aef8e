package org.dealerhub.api;

import java.time.Instant;
import java.util.Map;

/**
 * What a remotely monitored device reports by itself (KMUA-CHAN-1, KMUA-ORDER-3): an error code, supply levels and
 * counters, each optional.
 *
 * @param at when the device reported it
 * @param errorCode the device's own error code, e.g. {@code C-2557}
 * @param symptom the device's text for the fault, if it gives one
 * @param toner remaining supply in per cent by colour or unit, e.g. {@code black=8}, {@code waste=95}
 * @param counters the device's counters at {@code at}; a meter reading of that day in the market's zone
 */
public record MonitoringEvent(Long deviceId, Instant at, String errorCode, String symptom,
        Map<String, Integer> toner, Counters counters) {

    /** What became of an event. */
    public enum Decision {
        /** A diagnosable fault: a repair order was opened. */
        OPENED,
        /** A diagnosable fault already in an open repair order for the device and code: nothing opened. */
        ALREADY_OPEN,
        /** A fault the device cannot diagnose (noise, smell, image shift, streaks): never an order. */
        NOT_DIAGNOSABLE,
        /** No error code: counters and supply levels only. */
        NO_FAULT,
        /** A diagnosable fault, but no contract covers the device today: recorded, no order. */
        NO_CONTRACT
    }

    /**
     * The recorded event and what followed.
     *
     * @param rule the rule that decided (KMUA-ORDER-3)
     * @param orderId the order opened, or the open one it belongs to; null when none
     * @param reading the counters' fate as a meter reading (PORTAL-METER-1..3), null without counters
     */
    public record Outcome(long id, long deviceId, Decision decision, String rule, String reason, Long orderId,
            String orderNumber, MeterReading.Outcome reading) {
    }
}
