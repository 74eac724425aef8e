package org.dealerhub.api;

import java.util.List;

/**
 * What the service centre sees beyond what the customer sees (PORTAL-SYNC-1): an organisation's service history,
 * payment history and credit status. Dealer users only.
 */
public interface AccountHistory {

    /** The organisation's service orders, newest first. */
    List<ServiceOrder> serviceHistory(Caller caller, long organisationId, int offset, int limit);

    /** The invoices issued to the organisation with their totals, newest first. */
    List<CreditStatus.Payment> paymentHistory(Caller caller, long organisationId, int offset, int limit);

    CreditStatus creditStatus(Caller caller, long organisationId);
}
