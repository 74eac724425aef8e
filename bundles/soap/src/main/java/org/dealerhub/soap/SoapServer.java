package org.dealerhub.soap;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.VendorCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** Publishes the SOAP service at /soap/dealerhub (WSDL at ?wsdl, service list at /soap). */
@Component(service = ReadinessCheck.class, property = ReadinessCheck.PART + "=soap")
public class SoapServer implements ReadinessCheck {

    static final String ADDRESS = "/soap/dealerhub";

    private final Server server;

    @Activate
    public SoapServer(@Reference Authentication authentication, @Reference MeterReadingService readings,
            @Reference VendorCatalog vendors, @Reference MarketService markets,
            @Reference ResponseDeadlines deadlines) {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        factory.setBus(BusFactory.getDefaultBus());
        factory.setAddress(ADDRESS);
        factory.setServiceClass(DealerhubSoap.class);
        factory.setServiceBean(new DealerhubSoapEndpoint(readings, vendors, markets, deadlines));
        factory.getInInterceptors().add(new SoapAuthentication(authentication));
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
