package org.dealerhub.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.dealerhub.api.AccountHistory;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.InvoiceDocuments;
import org.dealerhub.api.KnowledgeBase;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterCorrections;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.OrderOperations;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.SlaReports;
import org.dealerhub.api.PortalUserService;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.Readiness;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.TermsService;
import org.dealerhub.api.VendorCatalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Publishes the REST API at /api/v1 on CXF's default bus (its servlet is at the root, see
 * etc/org.apache.cxf.osgi.cfg). The component owns the endpoint: created on activation, destroyed on
 * deactivation, so nothing leaks when the bundle is updated. Publishing (CXF's model of 30 resources: most of a
 * second on a cold JVM) runs on a thread of its own beside the rest of the start-up, as the SOAP
 * service's does. It reports itself to the readiness service once the endpoint is up; it registers that check
 * itself rather than as its DS service, because it also uses the readiness service (for /health) and DS would see
 * a cycle.
 */
@Component(service = {})
public class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    static final String ADDRESS = "/api/v1";

    private final CompletableFuture<Server> server;
    private final ServiceRegistration<ReadinessCheck> readinessCheck;

    @Activate
    public RestServer(BundleContext context, @Reference Authentication authentication, @Reference Readiness readiness,
            @Reference VendorCatalog vendors, @Reference MarketService markets,
            @Reference OrganisationService organisations, @Reference DeviceService devices,
            @Reference ContractService contracts, @Reference MeterReadingService readings,
            @Reference MarketCalendars calendars, @Reference ResponseDeadlines deadlines,
            @Reference PriceBook prices, @Reference TermsService terms, @Reference OrderService orders,
            @Reference OrderOperations operations, @Reference SoftwareSupport software,
            @Reference OrderExtras extras, @Reference SlaReports reports, @Reference BillingService billing,
            @Reference PortalUserService portalUsers, @Reference InvoiceDocuments documents,
            @Reference LocalStockService stock, @Reference KnowledgeBase knowledge,
            @Reference MeterCorrections corrections, @Reference AccountHistory accounts) {
        ObjectMapper json = objectMapper();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceBeans(List.of(new HealthResource(readiness, authentication), new VendorResource(vendors, markets),
                new MarketResource(markets, calendars), new DeadlineResource(deadlines),
                new PriceResource(prices), new TermsResource(terms), new OrganisationResource(organisations), new DeviceResource(devices),
                new ContractResource(contracts, billing), new MeterReadingResource(readings, json),
                new OrderResource(orders, operations), new MonitoringResource(operations),
                new SoftwareIncidentResource(software), new OrderDisputeResource(orders, software),
                new OrderExtraResource(orders, extras), new ContractExtraResource(extras),
                new ContractContactResource(software), new KnownErrorResource(software),
                new ReportResource(reports), new BillingResource(billing), new BillingAlertResource(billing),
                new InvoiceResource(billing, documents),
                new PortalUserResource(portalUsers), new PasswordResetResource(portalUsers),
                new StockResource(stock), new OrganisationStockResource(stock), new KnowledgeResource(knowledge),
                new MeterCorrectionResource(corrections), new AccountResource(accounts),
                new OpenApiResource()));
        factory.setProviders(List.of(new JacksonJsonProvider(json), new Authenticated(authentication), new BodyLimit(),
                new Errors.DomainMapper(), new Errors.JsonMapper(), new Errors.WebMapper(),
                new Errors.ServerErrorMapper()));
        this.server = CompletableFuture.supplyAsync(factory::create,
                publish -> new Thread(publish, "dealerhub-rest-publish").start());
        server.exceptionally(e -> {
            LOG.error("The REST API could not be published at {}", ADDRESS, e);
            return null;
        });
        this.readinessCheck = context.registerService(ReadinessCheck.class, new ReadinessCheck() {
            @Override
            public boolean up() {
                return server.isDone() && !server.isCompletedExceptionally() && server.join().isStarted();
            }

            @Override
            public String describe() {
                return up() ? "published at " + ADDRESS : "down: not published";
            }
        }, new Hashtable<>(Map.of(ReadinessCheck.PART, "rest")));
    }

    /**
     * Strict JSON: unknown fields, trailing content and every implicit conversion (a float or a string for an
     * integer, a number or a string for a boolean, a number for a date, null for a primitive) are refused with the
     * field named; instants in any ISO-8601 offset form; nulls are left out of answers. An answer is never flushed
     * to the connection half-written: the servlet container sends it whole, with its length, when it is done (a
     * large one in chunks as its buffer fills).
     */
    static ObjectMapper objectMapper() {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("dealerhub-time").addDeserializer(Instant.class, new Instants())
                        .addDeserializer(LocalDate.class, new LocalDates()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .defaultLeniency(false)
                .build();
        json.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        refuse(json, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String);
        refuse(json, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String);
        refuse(json, LogicalType.Float, CoercionInputShape.String);
        refuse(json, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(json, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(json, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        return json;
    }

    private static void refuse(ObjectMapper json, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            json.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Deactivate
    void stop() {
        readinessCheck.unregister();
        try {
            server.join().destroy();
        } catch (CompletionException e) {
            // never published (logged): nothing to take down
        }
    }
}
