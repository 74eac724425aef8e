package org.dealerhub.core;

import java.util.List;

import org.dealerhub.api.AccountHistory;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * PORTAL-SYNC-1: the service centre sees what the customer sees plus its service history, payment history and
 * credit status. Read from the same records the customer's pages read (orders, invoices), so a change on either
 * side is visible to both at once. Dealer users only (FORBIDDEN, rule PORTAL-SYNC-1, for customers).
 */
@Component
public class AccountHistoryImpl implements AccountHistory {

    static final String RULE = "PORTAL-SYNC-1";
    static final int MAX_PAGE = 500;

    private final Store store;
    private final OrganisationService organisations;
    private final OrderService orders;
    private final BillingService billing;

    @Activate
    public AccountHistoryImpl(@Reference Store store, @Reference OrganisationService organisations,
            @Reference OrderService orders, @Reference BillingService billing) {
        this.store = store;
        this.organisations = organisations;
        this.orders = orders;
        this.billing = billing;
    }

    @Override
    public List<ServiceOrder> serviceHistory(Caller caller, long organisationId, int offset, int limit) {
        require(caller, organisationId, offset);
        return orders.list(caller, new ServiceOrder.Query(null, null, organisationId, null, offset, limit(limit)));
    }

    @Override
    public List<CreditStatus.Payment> paymentHistory(Caller caller, long organisationId, int offset, int limit) {
        require(caller, organisationId, offset);
        return billing.invoices(caller, organisationId, null, null, offset, limit(limit)).stream()
                .map(AccountHistoryImpl::payment).toList();
    }

    @Override
    public CreditStatus creditStatus(Caller caller, long organisationId) {
        require(caller, organisationId, 0);
        return store.read(r -> new CreditStatus(organisationId, r.accounts().invoiced(organisationId),
                r.accounts().lastIssued(organisationId).orElse(null), r.accounts().debtHolds(organisationId)));
    }

    private void require(Caller caller, long organisationId, int offset) {
        if (!caller.isDealer()) {
            if (caller.organisationId().filter(own -> own == organisationId).isEmpty()) {
                // another organisation's account answers as everywhere: it does not exist for this caller
                throw DomainException.notFound("organisation", organisationId);
            }
            throw new DomainException(DomainException.Kind.FORBIDDEN, "service, payment history and credit status"
                    + " are the service centre's", null, RULE);
        }
        if (offset < 0) {
            throw DomainException.invalid("offset", "offset is negative");
        }
        organisations.get(caller, organisationId);
    }

    private static int limit(int limit) {
        return limit <= 0 ? 50 : Math.min(limit, MAX_PAGE);
    }

    private static CreditStatus.Payment payment(Invoice i) {
        return new CreditStatus.Payment(i.id(), i.number(), i.contractId(), i.issued(), i.periodFrom(), i.periodTo(),
                i.currency(), i.net(), i.vat(), i.gross());
    }
}
