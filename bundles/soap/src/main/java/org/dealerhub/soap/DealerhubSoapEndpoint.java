package org.dealerhub.soap;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import javax.annotation.Resource;
import javax.jws.WebService;
import javax.xml.ws.WebServiceContext;

import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.VendorCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@WebService(endpointInterface = "org.dealerhub.soap.DealerhubSoap", serviceName = "DealerhubService",
        portName = "DealerhubPort", targetNamespace = DealerhubSoap.NS)
public class DealerhubSoapEndpoint implements DealerhubSoap {

    private static final Logger LOG = LoggerFactory.getLogger(DealerhubSoapEndpoint.class);
    private static final int PAGE = 500;

    private final MeterReadingService readings;
    private final VendorCatalog vendors;
    private final MarketService markets;
    private final ResponseDeadlines deadlines;
    private final OrderService orders;
    private final OrganisationService organisations;
    private final BillingService billing;

    @Resource
    private WebServiceContext context;

    DealerhubSoapEndpoint(MeterReadingService readings, VendorCatalog vendors, MarketService markets,
            ResponseDeadlines deadlines, OrderService orders, OrganisationService organisations,
            BillingService billing) {
        this.readings = readings;
        this.vendors = vendors;
        this.markets = markets;
        this.deadlines = deadlines;
        this.orders = orders;
        this.organisations = organisations;
        this.billing = billing;
    }

    @Override
    public List<Types.Outcome> submitMeterReadings(Long deviceId, List<Types.Reading> submitted)
            throws DealerhubFault {
        return call(() -> {
            long device = required(deviceId, "deviceId");
            List<MeterReading.Draft> drafts = new ArrayList<>();
            List<Types.Reading> items = submitted == null ? List.of() : submitted;
            for (int i = 0; i < items.size(); i++) {
                // field names as in the REST error shape: "date" for one reading, "readings[3].date" in a batch
                drafts.add(items.get(i).toDraft(items.size() == 1 ? "" : "readings[" + i + "]."));
            }
            return readings.submit(caller(), device, drafts).stream().map(Types.Outcome::of).toList();
        });
    }

    @Override
    public List<Types.Reading> meterReadingHistory(Long deviceId) throws DealerhubFault {
        return call(() -> readings.history(caller(), required(deviceId, "deviceId")).stream().map(Types.Reading::of)
                .toList());
    }

    @Override
    public List<Types.VendorInfo> listVendors() throws DealerhubFault {
        return call(() -> vendors.vendors().stream().map(Types.VendorInfo::of).toList());
    }

    @Override
    public Types.Deadline responseDeadline(String vendor, String packageCode, String market, String registeredAt,
            List<Types.Fact> facts) throws DealerhubFault {
        return call(() -> {
            Instant at;
            try {
                at = registeredAt == null ? null : Instant.parse(registeredAt);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("registeredAt", "registeredAt must be an ISO instant like"
                        + " 2026-11-20T14:59:00Z");
            }
            return Types.Deadline.of(deadlines.deadline(
                    new ResponseDeadlines.Request(vendor, packageCode, market, at, Types.facts(facts))));
        });
    }

    @Override
    public List<Types.PackageInfo> listPackages(String vendor, String market) throws DealerhubFault {
        return call(() -> {
            if (market == null || markets.market(market).isEmpty()) {
                throw DomainException.invalid("market", "unknown market");
            }
            return vendors.packages(vendor, market).stream().map(Types.PackageInfo::of).toList();
        });
    }

    @Override
    public Types.OrderInfo registerOrder(Types.OrderDraft draft) throws DealerhubFault {
        return call(() -> Types.OrderInfo.of(orders.register(caller(), required(draft, "draft").toDraft())));
    }

    @Override
    public Types.OrderInfo orderStatus(Long orderId) throws DealerhubFault {
        return call(() -> Types.OrderInfo.of(orders.get(caller(), required(orderId, "orderId"))));
    }

    @Override
    public List<Types.OrderInfo> openOrders() throws DealerhubFault {
        return call(() -> {
            List<ServiceOrder> open = new ArrayList<>();
            for (OrderState state : OrderState.values()) {
                if (state.open()) {
                    open.addAll(orders.list(caller(), new ServiceOrder.Query(state, null, null, null, 0, 500)));
                }
            }
            return open.stream()
                    .sorted(Comparator.comparing((ServiceOrder o) -> o.sla() == null ? Instant.MAX : o.sla().deadline())
                            .thenComparingLong(ServiceOrder::id))
                    .map(Types.OrderInfo::of).toList();
        });
    }

    @Override
    public List<Types.InvoiceInfo> invoices(Long organisationId) throws DealerhubFault {
        return call(() -> {
            long organisation = required(organisationId, "organisationId");
            Caller caller = caller();
            organisations.get(caller, organisation); // NOT_FOUND for one the caller may not see (PORTAL-ACCT-1)
            List<Types.InvoiceInfo> all = new ArrayList<>();
            for (int offset = 0;; offset += PAGE) {
                List<Invoice> page = billing.invoices(caller, organisation, null, null, offset, PAGE);
                page.forEach(i -> all.add(Types.InvoiceInfo.of(i)));
                if (page.size() < PAGE) {
                    return all;
                }
            }
        });
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    private Caller caller() {
        return (Caller) context.getMessageContext().get(SoapAuthentication.CALLER);
    }

    /** Domain refusals become faults with the rule id; anything else a plain fault without internals. */
    private static <T> T call(Supplier<T> work) throws DealerhubFault {
        try {
            return work.get();
        } catch (DomainException e) {
            throw DealerhubFault.of(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in the SOAP API", e);
            throw DealerhubFault.internal();
        }
    }
}
