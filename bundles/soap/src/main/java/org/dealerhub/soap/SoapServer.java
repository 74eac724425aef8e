package org.dealerhub.soap;

import java.util.Map;

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

/**
 * Publishes the SOAP service at /soap/dealerhub (WSDL at ?wsdl, service list at /soap): authentication before the
 * body is read, the whole envelope read before an operation runs, the parser's limits below CXF's defaults (DTDs,
 * and with them external entities and entity expansion, are refused by CXF's parser), and one fault shape.
 */
@Component(service = ReadinessCheck.class, property = ReadinessCheck.PART + "=soap")
public class SoapServer implements ReadinessCheck {

    static final String ADDRESS = "/soap/dealerhub";

    private final Server server;

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
        this.server = factory.create();
    }

    @Deactivate
    void stop() {
        server.destroy();
    }

    @Override
    public boolean up() {
        return server.isStarted();
    }

    @Override
    public String describe() {
        return up() ? "published at " + ADDRESS : "down: not published";
    }
}
