package org.dealerhub.vendor.brokentest;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/** A vendor whose profile fails: {@link #markets()} throws, as a vendor with a broken data file would. */
@Component(service = {VendorProfile.class, ServicePackageProvider.class},
        property = VendorProfile.VENDOR_ID + "=" + BrokenProfileVendor.ID)
public class BrokenProfileVendor implements VendorProfile, ServicePackageProvider {

    static final String ID = "broken-profile";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Broken profile (test)";
    }

    @Override
    public Set<String> markets() {
        throw new IllegalStateException("market table of " + ID + " is corrupt");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("1");
    }

    @Override
    public List<ServicePackage> packages(String market) {
        return List.of();
    }
}
