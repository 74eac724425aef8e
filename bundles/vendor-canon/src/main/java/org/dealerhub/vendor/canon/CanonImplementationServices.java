package org.dealerhub.vendor.canon;

import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.DOWNGRADABLE;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.INCLUDED;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.NOT_AVAILABLE;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.OPTION;

import java.util.List;
import java.util.Map;

import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Canon's implementation services and the Basic / Standard / Advanced packages that bundle them (DOMAIN.md "Canon
 * implementation packages", checked against the seed's table "Implementeringspakker").
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + CanonProfile.ID)
public class CanonImplementationServices implements ImplementationServiceCatalog {

    static final String PRE_INSTALL = "PRE-INSTALL";
    static final String FREIGHT_DELIVERY = "FREIGHT-DELIVERY";
    static final String PLUG_AND_PLAY = "PLUG-AND-PLAY";
    static final String INSTALLATION_NETWORK = "INSTALLATION-NETWORK";
    static final String CONNECTIVITY = "CONNECTIVITY-IMPLEMENT";
    static final String USER_TRAINING = "USER-TRAINING";
    static final String SECURITY = "SECURITY-ACTIVATION";

    private static final List<Service> SERVICES = List.of(
            new Service(PRE_INSTALL, "Pre-Install", Unit.FIXED,
                    "At Canon's preparation centre: makes the device ready for copying only; printing or network"
                            + " set-up needs another installation service", "CANON-IMPL-1"),
            new Service(FREIGHT_DELIVERY, "Freight & Delivery", Unit.FIXED,
                    "Delivery to an approved spot, taking back the old device at the same visit; a later separate"
                            + " return, stair carrying, extra waiting and an external lift are billed separately",
                    "CANON-IMPL-2"),
            new Service(PLUG_AND_PLAY, "Plug & Play Connection", Unit.FIXED,
                    "Connection to the network point, the device pre-configured from the network data the customer"
                            + " entered in the delivery portal in time (CANON-IMPL-7); done when set up as entered and"
                            + " connected to network and power", "CANON-IMPL-3"),
            new Service(INSTALLATION_NETWORK, "Installation & Network Configuration", Unit.HOURLY,
                    "Sold in units of 1 hour, completed within 1 working day after delivery: one printer driver,"
                            + " print preferences, a test print from a PC or Mac, scan-to-mail and a short operating"
                            + " introduction (CANON-IMPL-8); done when a client with the driver installed can print",
                    "CANON-IMPL-4"),
            new Service(CONNECTIVITY, "Connectivity Implement", Unit.FIXED,
                    "Covers up to 1 hour (remote service operation kit, Canon software such as ULM, mobile printing,"
                            + " cloud services); time beyond is billed at the hourly rate", "CANON-IMPL-5"),
            new Service(USER_TRAINING, "User training", Unit.FIXED,
                    "Covers up to 1 hour for a group of up to 6 people; time beyond is billed at the hourly rate",
                    "CANON-IMPL-5"),
            new Service(SECURITY, "Security activation / IR Software Configuration", Unit.FIXED,
                    "At Canon's preparation centre: 256-bit disk encryption and erasing print jobs from disk after"
                            + " printing (DoD standard)", "CANON-IMPL-6"));

    // DOMAIN.md "Canon implementation packages" = the seed's table; "kan nedgraderes" = DOWNGRADABLE
    private static final List<ImplementationPackage> PACKAGES = List.of(
            new ImplementationPackage("BASIC", "Basic", Map.of(
                    PRE_INSTALL, INCLUDED, FREIGHT_DELIVERY, INCLUDED, PLUG_AND_PLAY, NOT_AVAILABLE,
                    INSTALLATION_NETWORK, NOT_AVAILABLE, CONNECTIVITY, NOT_AVAILABLE, USER_TRAINING, OPTION,
                    SECURITY, DOWNGRADABLE)),
            new ImplementationPackage("STANDARD", "Standard", Map.of(
                    PRE_INSTALL, INCLUDED, FREIGHT_DELIVERY, INCLUDED, PLUG_AND_PLAY, INCLUDED,
                    INSTALLATION_NETWORK, NOT_AVAILABLE, CONNECTIVITY, NOT_AVAILABLE, USER_TRAINING, OPTION,
                    SECURITY, DOWNGRADABLE)),
            new ImplementationPackage("ADVANCED", "Advanced", Map.of(
                    PRE_INSTALL, INCLUDED, FREIGHT_DELIVERY, INCLUDED, PLUG_AND_PLAY, NOT_AVAILABLE,
                    INSTALLATION_NETWORK, INCLUDED, CONNECTIVITY, OPTION, USER_TRAINING, OPTION,
                    SECURITY, DOWNGRADABLE)));

    @Override
    public String vendorId() {
        return CanonProfile.ID;
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
