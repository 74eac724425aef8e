package org.dealerhub.vendor.example;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackage.Term;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * The README's worked example: a whole vendor in one class. One DS component registers both SPI services with
 * the {@code vendor.id} property; build the jar and copy it into {@code deploy/}.
 */
@Component(service = {VendorProfile.class, ServicePackageProvider.class},
        property = VendorProfile.VENDOR_ID + "=" + ExampleVendor.ID)
public class ExampleVendor implements VendorProfile, ServicePackageProvider {

    static final String ID = "example-printers";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Example Printers";
    }

    @Override
    public Set<String> markets() {
        return Set.of("NO", "DK");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("2026");
    }

    @Override
    public List<ServicePackage> packages(String market) {
        if (!markets().contains(market)) {
            return List.of();
        }
        return List.of(new ServicePackage(ID, market, "BASIC", "Basic service", currentTermsVersion(),
                new ResponsePromise(ResponsePromise.Kind.NEXT_BUSINESS_DAY, 0, "Next business day", null),
                List.of(new Term("Parts and labour", null)), List.of(new Term("Paper and staples", null)),
                List.of()));
    }
}
