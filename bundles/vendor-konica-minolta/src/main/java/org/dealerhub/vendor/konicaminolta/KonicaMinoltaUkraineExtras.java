package org.dealerhub.vendor.konicaminolta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Konica Minolta Ukraine's paid extra services (KMUA-EXTRA-1, the service description's section 2.2), each an
 * option invoiced separately, in one package.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaUkraineProfile.ID)
public class KonicaMinoltaUkraineExtras implements ImplementationServiceCatalog {

    private static final String RULE = "KMUA-EXTRA-1";

    private static final List<Service> SERVICES = List.of(
            extra("TRANSPORT-PREPARATION", "Transport preparation",
                    "Locking the device and preparing it for transport (stretch-film packing and the like)"),
            extra("DELIVERY", "Delivery", "Transport of the device by the provider or its logistics partner"),
            extra("REINSTALLATION", "Re-installation",
                    "Unpacking, inspection for transport damage, start-up and network settings"),
            extra("DRIVERS-SCANNING", "Driver and scan set-up",
                    "Re-installing drivers and setting up network scanning from the customer's network data"),
            extra("SETTINGS-CHANGE", "Settings changes",
                    "Changing the device's user and administrator settings on request"),
            extra("ACCESSORY-INSTALLATION", "Accessory installation",
                    "Installing and setting up accessories: finisher, document feeder, hard disk, memory, fax board,"
                            + " network card, security kit, card reader"),
            extra("SHORTER-RESPONSE", "Shorter response time",
                    "A shorter time from registration to the start of diagnostics, per order or per period"
                            + " (order fact option=shorter-response)"),
            extra("OUT-OF-HOURS", "Service outside working hours",
                    "Service hours extended beyond working hours, weekends and public holidays included, per order or"
                            + " per period; 24/7 only for devices in Kyiv (order fact option=out-of-hours with serviceHours,"
                            + " or option=24x7 in Kyiv)"),
            extra("EXTENDED-REPORTS", "Extended reports",
                    "Reports on the devices in a form and frequency agreed with the customer"));

    private static Service extra(String code, String name, String description) {
        return new Service(code, name, Unit.FIXED, description, RULE);
    }

    private static final List<ImplementationPackage> PACKAGES;

    static {
        Map<String, Availability> options = new LinkedHashMap<>();
        SERVICES.forEach(s -> options.put(s.code(), Availability.OPTION)); // KMUA-EXTRA-1: all paid extras
        PACKAGES = List.of(new ImplementationPackage("EXTRAS", "Paid extra services", options));
    }

    @Override
    public String vendorId() {
        return KonicaMinoltaUkraineProfile.ID;
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
