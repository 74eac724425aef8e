package org.dealerhub.api;

/**
 * A dealer's customer. PORTAL-ACCT-1: two account numbers, the customer account number (on contracts and
 * invoices) and the system account number (the service centre's id). {@code version} counts its changes: a write
 * names the version it was based on, so no update is lost.
 */
public record Organisation(long id, String name, String customerAccountNumber, String systemAccountNumber,
        String market, long version) {

    /** What a client sends to create or replace an organisation. */
    public record Draft(String name, String customerAccountNumber, String systemAccountNumber, String market) {
    }
}
