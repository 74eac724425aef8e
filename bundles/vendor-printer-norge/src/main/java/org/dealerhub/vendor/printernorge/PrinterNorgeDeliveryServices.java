package org.dealerhub.vendor.printernorge;

import java.util.List;
import java.util.Map;

import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * What Printer Norge's support centre coordinates on an order (PN-DELIVERY-1): delivery, placement and unpacking,
 * and network set-up with the customer's IT contact, given the install spot's prerequisites (PN-DELIVERY-2). One
 * package that includes all three.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + PrinterNorgeVendor.ID)
public class PrinterNorgeDeliveryServices implements ImplementationServiceCatalog {

    static final String DELIVERY = "DELIVERY";
    static final String PLACEMENT = "PLACEMENT";
    static final String NETWORK_SETUP = "NETWORK-SETUP";

    private static final List<Service> SERVICES = List.of(
            new Service(DELIVERY, "Delivery", Unit.FIXED,
                    "By carrier or technician; street-level or lift access is checked with the seller, otherwise"
                            + " carriers must be arranged", "PN-DELIVERY-1"),
            new Service(PLACEMENT, "Placement and unpacking", Unit.FIXED,
                    "The technician places and unpacks the device at the spot the customer chose, which needs power"
                            + " and a wall network point or a wireless router (PN-DELIVERY-2)", "PN-DELIVERY-1"),
            new Service(NETWORK_SETUP, "Network set-up and configuration", Unit.FIXED,
                    "Connecting the device to the network and configuring it together with the customer's IT"
                            + " department or IT partner; the technician is told on arrival whom to contact",
                    "PN-DELIVERY-2"));

    // PN-DELIVERY-1: the support centre coordinates all three on an order
    private static final List<ImplementationPackage> PACKAGES = List.of(
            new ImplementationPackage("DELIVERY-SETUP", "Delivery and set-up", Map.of(
                    DELIVERY, Availability.INCLUDED, PLACEMENT, Availability.INCLUDED,
                    NETWORK_SETUP, Availability.INCLUDED)));

    @Override
    public String vendorId() {
        return PrinterNorgeVendor.ID;
    }

    @Override
    public List<Service> services() {
        return SERVICES;
    }

    @Override
    public List<ImplementationPackage> packages() {
        return PACKAGES;
    }
}
