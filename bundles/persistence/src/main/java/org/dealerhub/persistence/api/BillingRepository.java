package org.dealerhub.persistence.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;

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
     * A page of contracts with their devices, ascending by id (ids that do not exist are left out). With
     * {@code lock} each row is locked, in id order, until the unit of work ends: concurrent runs over one contract
     * bill it one after the other, and the second sees what the first billed.
     */
    List<StoredContract> contracts(Collection<Long> contractIds, boolean lock);

    /** The contract's agreed billing terms by name. */
    Map<String, String> terms(long contractId);

    /** The agreed billing terms of each of the contracts that has any, by name. */
    Map<Long, Map<String, String>> terms(Collection<Long> contractIds);

    /** Replaces the billing terms of a visible contract still at {@code version}; its version moves on. */
    long setTerms(Caller caller, long contractId, long version, Map<String, String> terms);

    /** What was billed per charge key: the sum of all the contract's lines under it. */
    default Map<String, BigDecimal> billed(long contractId) {
        return billed(List.of(contractId)).getOrDefault(contractId, Map.of());
    }

    /** What was billed per charge key, for each of the contracts that was billed anything. */
    Map<Long, Map<String, BigDecimal>> billed(Collection<Long> contractIds);

    /** The devices by id (for billing: model and family). */
    Map<Long, Device> devices(Collection<Long> deviceIds);

    /** The organisations by id (for billing: the buyer). */
    Map<Long, Organisation> organisations(Collection<Long> organisationIds);

    /** The devices' accepted readings up to {@code upTo}, oldest first, by device. */
    Map<Long, List<MeterReading>> readings(Collection<Long> deviceIds, LocalDate upTo);

    /** Writes an invoice with its lines (ids assigned, the run's and lines' as given). */
    default Invoice write(Invoice invoice) {
        return write(List.of(invoice)).get(0);
    }

    /**
     * Writes invoices with their lines in JDBC batches, their ids allocated in one block per table, and answers
     * them with their ids, in the order given.
     */
    List<Invoice> write(List<Invoice> invoices);

    /** Records that the run parked the contract for review. */
    void park(long runId, long contractId, Instant at, String reason, String rule);

    Optional<Invoice> invoice(Caller caller, long id);

    /** The visible invoices matching the filters (null: any), newest first. */
    List<Invoice> invoices(Caller caller, Long organisationId, Long contractId, Long runId, int offset, int limit);
}
