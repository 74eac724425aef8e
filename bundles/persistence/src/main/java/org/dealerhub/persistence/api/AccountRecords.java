package org.dealerhub.persistence.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.CreditStatus;

/** What the service centre sees of an organisation's money (PORTAL-SYNC-1); dealer callers only (the core checks). */
public interface AccountRecords {

    /** The invoices issued to the organisation, per currency. */
    List<CreditStatus.Invoiced> invoiced(long organisationId);

    Optional<LocalDate> lastIssued(long organisationId);

    /** The organisation's open orders whose clock stands still for debt now (KMUA-DEBT-1), by id. */
    List<Long> debtHolds(long organisationId);
}
