package org.dealerhub.vendor.canon;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/** Canon Office MFP service packages, version 1.1 (February 2019), sold in Norway and Denmark. */
@Component(property = VendorProfile.VENDOR_ID + "=" + CanonProfile.ID)
public class CanonProfile implements VendorProfile {

    static final String ID = "canon";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Canon";
    }

    @Override
    public Set<String> markets() {
        return Set.of("NO", "DK");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("1.1-2019-02");
    }
}
