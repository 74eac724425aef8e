package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Paid extras on service orders (KMUA-EXTRA-1): a shorter reaction time and service outside working hours (weekends
 * and public holidays included; round the clock only for devices in Kyiv), bought for one order or for a period of a
 * contract. The order's deadline reflects what was bought, as the vendor's rule computes it; a rule that cannot
 * honour the extra refuses it. Every extra is recorded for billing as uncovered work of kind {@code extra}.
 */
public interface OrderExtras {

    enum Code {
        /** A shorter reaction time: {@code reactionHours}. */
        SHORTER_RESPONSE,
        /** Service in the hours bought, every day: {@code serviceHours} as {@code HH:MM-HH:MM}. */
        OUT_OF_HOURS,
        /** Service 24/7, only in Kyiv. */
        ROUND_THE_CLOCK
    }

    /**
     * A bought extra.
     *
     * @param orderId the order it was bought for, or null for a contract's period
     * @param from first day of the period (null for one order)
     * @param to last day of the period (null for one order)
     * @param item the price name billing charges it by
     */
    record Extra(long id, long contractId, Long orderId, Code code, BigDecimal reactionHours, String serviceHours,
            LocalDate from, LocalDate to, Instant orderedAt, String orderedBy, String item) {
    }

    /** An extra for one order. */
    record OrderDraft(Code code, BigDecimal reactionHours, String serviceHours) {
    }

    /** An extra for the orders a contract registers from {@code from} to {@code to}, both included. */
    record PeriodDraft(Code code, BigDecimal reactionHours, String serviceHours, LocalDate from, LocalDate to) {
    }

    /** Buys an extra for an open order not yet responded to; its deadline follows. */
    ServiceOrder buy(Caller caller, long orderId, long version, OrderDraft draft);

    List<Extra> ofOrder(Caller caller, long orderId);

    /** Buys an extra for a contract's period (dealer users); orders registered in it get it. */
    Extra buyForPeriod(Caller caller, long contractId, PeriodDraft draft);

    List<Extra> ofContract(Caller caller, long contractId);
}
