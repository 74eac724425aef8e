package org.dealerhub.vendor.konicaminolta;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Konica Minolta Norway, general terms "2020" and "2020-Q3". KMNO-TERMS-1: a contract keeps the version it was
 * signed under; new contracts are signed under the newest.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaNorwayProfile.ID)
public class KonicaMinoltaNorwayProfile implements VendorProfile {

    static final String ID = "konica-minolta-no";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Konica Minolta Norway";
    }

    @Override
    public Set<String> markets() {
        return Set.of("NO");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("2020", "2020-Q3");
    }
}
