package org.dealerhub.soap;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.staxutils.StaxUtils;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.VendorCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the SOAP service at /soap/dealerhub (WSDL at ?wsdl, service list at /soap): authentication before the
 * body is read, the whole envelope read before an operation runs, the parser's limits below CXF's defaults (DTDs,
 * and with them external entities and entity expansion, are refused by CXF's parser), and one fault shape.
 * Publishing (CXF's service model and JAXB context from the contract, most of a second on a cold JVM) runs on a
 * thread of its own beside the rest of the start-up, not on Karaf's start-level thread; readiness waits for it.
 */
@Component(service = ReadinessCheck.class, property = ReadinessCheck.PART + "=soap")
public class SoapServer implements ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SoapServer.class);
    static final String ADDRESS = "/soap/dealerhub";

    private final CompletableFuture<Server> server;

    @Activate
    public SoapServer(@Reference Authentication authentication, @Reference MeterReadingService readings,
            @Reference VendorCatalog vendors, @Reference MarketService markets,
            @Reference ResponseDeadlines deadlines, @Reference OrderService orders,
            @Reference OrganisationService organisations, @Reference BillingService billing) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceClass(DealerhubSoap.class);
        factory.setServiceBean(new DealerhubSoapEndpoint(readings, vendors, markets, deadlines,
                orders, organisations, billing));
        factory.getInInterceptors().add(new SoapAuthentication(authentication));
        factory.getInInterceptors().add(new WholeEnvelope());
        factory.getOutFaultInterceptors().add(new FaultShape());
        factory.setProperties(Map.of(
                // no field of the contract needs more text; a batch of 5,000 readings is about 2 MB
                StaxUtils.MAX_TEXT_LENGTH, 16 * 1024,
                StaxUtils.MAX_XML_CHARACTERS, 10L * 1024 * 1024,
                StaxUtils.MAX_ELEMENT_DEPTH, 32));
        this.server = CompletableFuture.supplyAsync(factory::create,
                publish -> new Thread(publish, "dealerhub-soap-publish").start());
        server.exceptionally(e -> {
            LOG.error("The SOAP service could not be published at {}", ADDRESS, e);
            return null;
        });
    }

    @Deactivate
    void stop() {
        try {
            server.join().destroy();
        } catch (CompletionException e) {
            // never published (logged): nothing to take down
        }
    }

    @Override
    public boolean up() {
        return server.isDone() && !server.isCompletedExceptionally() && server.join().isStarted();
    }

    @Override
    public String describe() {
        return up() ? "published at " + ADDRESS : "down: not published";
    }
}
