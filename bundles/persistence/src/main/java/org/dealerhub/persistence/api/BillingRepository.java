package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;

/**
 * Billing runs, invoices and what was billed per charge key (issue 10). Invoices are only ever added; a customer
 * sees only its own organisation's (PORTAL-ACCT-1). The run-side methods are the billing engine's, which bills as
 * the platform.
 */
public interface BillingRepository {

    /** Records a run starting (its id is assigned). */
    BillingRun start(BillingRun run);

    /** Records a run's end and counts. */
    void finish(BillingRun run);

    Optional<BillingRun> run(long id);

    /** The runs, newest first. */
    List<BillingRun> runs(int offset, int limit);

    /**
     * The ids of the selected contracts signed to start on or before {@code to}, above {@code after}, ascending, at
     * most {@code limit}: a run pages through them instead of loading all.
     */
    List<Long> contractIds(BillingRun.Selection selection, LocalDate to, long after, int limit);

    int countContracts(BillingRun.Selection selection, LocalDate to);

    /**
     * The contract, holding its row lock until the unit of work ends, so concurrent runs bill one contract one
     * after the other; empty when it does not exist.
     */
    Optional<StoredContract> lock(long contractId);

    /** The contract's agreed billing terms by name. */
    Map<String, String> terms(long contractId);

    /** Replaces the billing terms of a visible contract still at {@code version}; its version moves on. */
    long setTerms(Caller caller, long contractId, long version, Map<String, String> terms);

    /** What was billed per charge key: the sum of all the contract's lines under it. */
    Map<String, java.math.BigDecimal> billed(long contractId);

    /** The devices' accepted readings up to {@code upTo}, oldest first, by device. */
    Map<Long, List<MeterReading>> readings(Collection<Long> deviceIds, LocalDate upTo);

    /** Writes an invoice with its lines (ids assigned, the run's and lines' as given). */
    Invoice write(Invoice invoice);

    /** Records that the run parked the contract for review. */
    void park(long runId, long contractId, Instant at, String reason, String rule);

    Optional<Invoice> invoice(Caller caller, long id);

    /** The visible invoices matching the filters (null: any), newest first. */
    List<Invoice> invoices(Caller caller, Long organisationId, Long contractId, Long runId, int offset, int limit);
}
