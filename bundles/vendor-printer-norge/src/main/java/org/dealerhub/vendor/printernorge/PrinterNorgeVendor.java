package org.dealerhub.vendor.printernorge;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackage.Term;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/** Printer Norge's support centre and its operating agreement (driftsavtale), Norway only. */
@Component(service = {VendorProfile.class, ServicePackageProvider.class},
        property = VendorProfile.VENDOR_ID + "=" + PrinterNorgeVendor.ID)
public class PrinterNorgeVendor implements VendorProfile, ServicePackageProvider {

    static final String ID = "printer-norge";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Printer Norge";
    }

    @Override
    public Set<String> markets() {
        return Set.of("NO");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("support-centre");
    }

    @Override
    public List<ServicePackage> packages(String market) {
        if (!market.equals("NO")) {
            return List.of();
        }
        return List.of(new ServicePackage(ID, market, "OPERATING", "Driftsavtale", currentTermsVersion(),
                new ResponsePromise(ResponsePromise.Kind.PER_CONTRACT, 0, "Agreed per contract", "PN-FAULT-1"),
                List.of(new Term("Faults caused by the printer", "PN-FAULT-1"),
                        new Term("Delivery, placement, unpacking and network set-up coordinated by the support centre",
                                "PN-DELIVERY-1")),
                List.of(new Term("Faults caused by third parties, third-party toner or supplies", "PN-FAULT-2"),
                        new Term("User errors, also when handled by phone or remote support", "PN-FAULT-3"),
                        new Term("Uncovered work is billed at the service rate in started 15-minute steps",
                                "PN-BILL-1")),
                List.of()));
    }
}
