package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A billing run as recorded: who started it when, over which period and selection, what it found and wrote
 * (issue 10). A dry run is the same summary with id 0, and nothing written.
 *
 * @param contracts contracts looked at; each ended as exactly one of invoiced, unchanged, deferred or parked
 * @param totals the invoices' totals per currency
 * @param parked the contracts parked for review, with the reason
 */
public record BillingRun(long id, String startedBy, Instant startedAt, Instant finishedAt, LocalDate periodFrom,
        LocalDate periodTo, Selection selection, boolean dryRun, int contracts, int invoiced, int unchanged,
        int deferred, int parkedCount, int lines, List<Total> totals, List<Parked> parked) {

    public BillingRun {
        totals = List.copyOf(totals);
        parked = List.copyOf(parked);
    }

    /** How long the run took, or null while it runs. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** Which contracts a run bills: all, or those of one market, vendor, organisation, or one contract. */
    public record Selection(Kind kind, String value) {

        public enum Kind {
            ALL, MARKET, VENDOR, ORGANISATION, CONTRACT
        }

        public static Selection all() {
            return new Selection(Kind.ALL, null);
        }

        @Override
        public String toString() {
            return kind == Kind.ALL ? "all" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + value;
        }
    }

    public record Total(Currency currency, int invoices, BigDecimal net, BigDecimal vat, BigDecimal gross) {
    }

    public record Parked(long contractId, String reason, String rule) {
    }

    /** What a caller asks for: the period, the selection (all when null), and whether to write nothing. */
    public record Request(LocalDate from, LocalDate to, Selection selection, Boolean dryRun) {
    }

    /**
     * What billing one contract came to.
     *
     * @param invoice the invoice written, or that would be written (a preview), or null when none
     * @param reason why the contract was parked or deferred, or null
     * @param notices what a policy reports for people, not billed
     */
    public record Outcome(long contractId, Status status, Invoice invoice, String reason, String rule,
            List<Notice> notices) {

        public Outcome {
            notices = List.copyOf(notices);
        }

        public enum Status {
            INVOICED, UNCHANGED, DEFERRED, PARKED
        }
    }

    public record Notice(Long deviceId, String message, String rule) {
    }
}
