package org.dealerhub.portal;

import org.dealerhub.api.AccountHistory;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.InvoiceDocuments;
import org.dealerhub.api.KnowledgeBase;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.PortalUserService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * Publishes the customer portal's pages under {@code /portal} on the platform's HTTP service, the same origin as
 * the REST API. The pages call the core's services as the logged-in user, so the core decides what each role sees
 * and does; the pages only leave out what it would refuse.
 */
@Component(immediate = true)
public class Portal {

    static final String ALIAS = "/portal";

    private final HttpService http;

    @Activate
    public Portal(@Reference HttpService http, @Reference Authentication authentication,
            @Reference OrganisationService organisations, @Reference DeviceService devices,
            @Reference ContractService contracts, @Reference MeterReadingService readings,
            @Reference OrderService orders, @Reference BillingService billing,
            @Reference InvoiceDocuments documents, @Reference PortalUserService users,
            @Reference MarketService markets, @Reference LocalStockService stock,
            @Reference KnowledgeBase knowledge, @Reference AccountHistory accounts) throws Exception {
        this.http = http;
        Services services = new Services(authentication, organisations, devices, contracts, readings, orders,
                billing, documents, users, markets, stock, knowledge, accounts);
        try {
            http.registerServlet(ALIAS, new PortalServlet(services), null, null);
        } catch (NamespaceException e) {
            throw new IllegalStateException("cannot publish the portal under " + ALIAS, e);
        }
    }

    @Deactivate
    void deactivate() {
        http.unregister(ALIAS);
    }

    /** The core's services the pages call. */
    record Services(Authentication authentication, OrganisationService organisations, DeviceService devices,
            ContractService contracts, MeterReadingService readings, OrderService orders, BillingService billing,
            InvoiceDocuments documents, PortalUserService users, MarketService markets, LocalStockService stock,
            KnowledgeBase knowledge, AccountHistory accounts) {
    }
}
