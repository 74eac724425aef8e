package org.dealerhub.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What the response-time clocks measured (issue 9). A customer user sees reports only for its own organisation
 * (what it may not see answers NOT_FOUND); dealer users for any.
 */
public interface SlaReports {

    /**
     * The SLA report for a period (KMNO-SLA-1, KMNO-SLA-2, breaches): {@code from} defaults to 6 months before
     * {@code to}, {@code to} to today.
     */
    SlaReport sla(Caller caller, SlaReport.Query query);

    /** KMUA-REPORT-1: the visible orders of the last 3 calendar months, of one organisation or (dealers) all. */
    OrderReport orders(Caller caller, Long organisationId);

    /** KMUA-REPORT-1: the detail card of one visible order. */
    OrderReport.Card card(Caller caller, long orderId);

    /** For billing's credits: the breaches of a contract recorded up to a day (of its market), by breach time. */
    List<SlaReport.Breach> breaches(Caller caller, long contractId, LocalDate upTo);
}
