package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The measured side of the response-time clock for a period (issue 9): per contract the orders registered in it,
 * how many met their deadline and how many missed it, the breaches, the average response time per category
 * (KMNO-SLA-1) per contract and per device, and the uptime of remotely monitored devices (KMNO-SLA-2). Times are
 * business minutes of the contract's market; the period's days are the market's.
 *
 * @param from the first day of the period
 * @param to the last day of the period
 */
public record SlaReport(LocalDate from, LocalDate to, Instant computedAt, List<ContractSla> contracts) {

    public SlaReport {
        contracts = List.copyOf(contracts);
    }

    /** The filters: a contract, or an organisation's contracts, or (dealers only) all; the period's days. */
    public record Query(Long contractId, Long organisationId, LocalDate from, LocalDate to) {
    }

    /**
     * One contract in the period.
     *
     * @param orders orders registered in the period
     * @param withTarget those the vendor's rule gave a deadline (e.g. within the distance limit, KMNO-SLA-1)
     * @param met responded within the deadline
     * @param missed breached: responded late, or still waiting past the deadline
     * @param pending waiting for a response, deadline not yet passed
     */
    public record ContractSla(long contractId, long organisationId, String vendor, String market, long orders,
            long withTarget, long met, long missed, long pending, List<CategoryTime> responseTimes,
            List<DeviceSla> devices, List<Breach> breaches) {

        public ContractSla {
            responseTimes = List.copyOf(responseTimes);
            devices = List.copyOf(devices);
            breaches = List.copyOf(breaches);
        }
    }

    /**
     * KMNO-SLA-1: the average response time of one category ("Driftsstans", "Annet") over the responded orders with
     * a target, in business minutes (pauses excluded).
     */
    public record CategoryTime(String category, long responded, long averageMinutes) {
    }

    /**
     * One device of the contract.
     *
     * @param uptime KMNO-SLA-2: percentage of the period's business time on working days the device was not in a
     *        total outage (a Driftsstans order from registration until resolved, closed or cancelled); null when the
     *        device is not remotely monitored, for which no uptime is committed
     * @param downMinutes the business minutes of outage in the period (overlapping outages counted once)
     * @param workingMinutes the business minutes of the period
     */
    public record DeviceSla(long deviceId, List<CategoryTime> responseTimes, BigDecimal uptime, long downMinutes,
            long workingMinutes) {

        public DeviceSla {
            responseTimes = List.copyOf(responseTimes);
        }
    }

    /**
     * A breach, as recorded when detected (by the sweep or at the response): the order missed its deadline.
     *
     * @param breachedAt when its business time ran out (the deadline moved by the pauses before it)
     * @param date that instant's day in the contract's market
     * @param missedMinutes business minutes over the budget: final once responded, so far otherwise (a started
     *        minute counts)
     */
    public record Breach(long orderId, String number, long contractId, long deviceId, Instant breachedAt,
            LocalDate date, long missedMinutes, Instant respondedAt) {
    }
}
