package org.dealerhub.rest;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.Readiness;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.TermsService;
import org.dealerhub.api.VendorCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Publishes the REST API at /api/v1 on CXF's default bus (its servlet is at the root, see
 * etc/org.apache.cxf.osgi.cfg). The component owns the endpoint: created on activation, destroyed on
 * deactivation, so nothing leaks when the bundle is updated. It reports itself to the readiness service once the
 * endpoint is up; it registers that check itself rather than as its DS service, because it also uses the
 * readiness service (for /health) and DS would see a cycle.
 */
@Component(service = {})
public class RestServer {

    static final String ADDRESS = "/api/v1";

    private final Server server;
    private final ServiceRegistration<ReadinessCheck> readinessCheck;

    @Activate
    public RestServer(BundleContext context, @Reference Authentication authentication, @Reference Readiness readiness,
            @Reference VendorCatalog vendors, @Reference MarketService markets,
            @Reference OrganisationService organisations, @Reference DeviceService devices,
            @Reference ContractService contracts, @Reference MeterReadingService readings,
            @Reference MarketCalendars calendars, @Reference ResponseDeadlines deadlines,
            @Reference PriceBook prices, @Reference TermsService terms, @Reference OrderService orders) {
        ObjectMapper json = objectMapper();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceBeans(List.of(new HealthResource(readiness, authentication), new VendorResource(vendors, markets),
                new MarketResource(markets, calendars), new DeadlineResource(deadlines),
                new PriceResource(prices), new TermsResource(terms), new OrganisationResource(organisations), new DeviceResource(devices),
                new ContractResource(contracts), new MeterReadingResource(readings, json), new OrderResource(orders),
                new OpenApiResource()));
        factory.setProviders(List.of(new JacksonJsonProvider(json), new Authenticated(authentication),
                new Errors.DomainMapper(), new Errors.JsonMapper(), new Errors.WebMapper(),
                new Errors.ServerErrorMapper()));
        this.server = factory.create();
        this.readinessCheck = context.registerService(ReadinessCheck.class, new ReadinessCheck() {
            @Override
            public boolean up() {
                return server.isStarted();
            }

            @Override
            public String describe() {
                return up() ? "published at " + ADDRESS : "down: not published";
            }
        }, new Hashtable<>(Map.of(ReadinessCheck.PART, "rest")));
    }

    /** Strict JSON: unknown fields and wrong types are refused with the field named; nulls are left out. */
    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    @Deactivate
    void stop() {
        readinessCheck.unregister();
        server.destroy();
    }
}
