package org.dealerhub.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Billing runs and invoices (issue 10). Runs are started by dealer users only; a customer user sees only its own
 * organisation's invoices.
 */
public interface BillingService {

    /** Told after each contract of a run, for a progress bar. */
    interface Progress {
        void billed(int done, int total);
    }

    /**
     * Bills the selected contracts for the period, one transaction per contract: a contract whose vendor policy
     * fails, or whose amounts are absurd, is parked with the reason and the run goes on. A dry run writes nothing.
     */
    BillingRun run(Caller caller, BillingRun.Request request, Progress progress);

    /** The recorded runs, newest first. */
    List<BillingRun> runs(Caller caller, int offset, int limit);

    BillingRun runById(Caller caller, long id);

    /** The visible invoices matching the filters (null: any), newest first. */
    List<Invoice> invoices(Caller caller, Long organisationId, Long contractId, Long runId, int offset, int limit);

    Invoice invoice(Caller caller, long id);

    /** What the contract's next invoice would be if billed up to {@code date}, written nowhere. */
    BillingRun.Outcome preview(Caller caller, long contractId, LocalDate date);

    /**
     * The running bill of a contract the caller sees (else NOT_FOUND): its invoice if billed up to today, its
     * allowances used and forecast, and their alerts.
     */
    RunningBill runningBill(Caller caller, long contractId);

    /**
     * Dealer users: the contracts with allowance alerts today, by contract id after {@code after}, at most
     * {@code limit} of them.
     */
    RunningBill.AlertPage alerts(Caller caller, long after, int limit);
}
