package org.dealerhub.vendor.konicaminolta;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/** Konica Minolta Ukraine: the service description of hardware service and software support. */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaUkraineProfile.ID)
public class KonicaMinoltaUkraineProfile implements VendorProfile {

    static final String ID = "konica-minolta-ua";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Konica Minolta Ukraine";
    }

    @Override
    public Set<String> markets() {
        return Set.of("UA");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("service-description");
    }
}
