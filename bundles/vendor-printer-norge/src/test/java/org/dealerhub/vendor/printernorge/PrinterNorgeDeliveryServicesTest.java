package org.dealerhub.vendor.printernorge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.dealerhub.api.spi.ImplementationServiceCatalog.Availability;
import org.dealerhub.api.spi.ImplementationServiceCatalog.ImplementationPackage;
import org.dealerhub.api.spi.ImplementationServiceCatalog.Service;
import org.junit.jupiter.api.Test;

class PrinterNorgeDeliveryServicesTest {

    private final PrinterNorgeDeliveryServices catalog = new PrinterNorgeDeliveryServices();

    @Test
    void PN_DELIVERY_1_deliveryPlacementAndSetUpInOnePackage() {
        assertEquals(List.of("DELIVERY", "PLACEMENT", "NETWORK-SETUP"),
                catalog.services().stream().map(Service::code).toList());
        assertEquals(1, catalog.packages().size());
        ImplementationPackage pkg = catalog.packages().get(0);
        assertEquals(Map.of("DELIVERY", Availability.INCLUDED, "PLACEMENT", Availability.INCLUDED,
                "NETWORK-SETUP", Availability.INCLUDED), pkg.services());
        assertTrue(catalog.services().get(0).description().contains("carriers must be arranged"));
        assertEquals("printer-norge", catalog.vendorId());
    }

    @Test
    void PN_DELIVERY_2_installSpotNeedsPowerAndNetworkAndAnItContact() {
        assertTrue(catalog.services().get(1).description().contains("power and a wall network point or a wireless"
                + " router"));
        Service network = catalog.services().get(2);
        assertEquals("PN-DELIVERY-2", network.rule());
        assertTrue(network.description().contains("told on arrival whom to contact"));
        assertTrue(catalog.services().stream().allMatch(s -> s.rule().startsWith("PN-DELIVERY-")));
    }
}
