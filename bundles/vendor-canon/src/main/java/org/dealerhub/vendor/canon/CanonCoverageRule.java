package org.dealerhub.vendor.canon;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.api.spi.WorkFacts;
import org.osgi.service.component.annotations.Component;

/**
 * What Canon's service packages cover: service and parts for the device (CANON-PKG-2); a request caused outside
 * Canon's responsibility (the customer's network blocking DMS, an IP address not reported, user errors, other
 * equipment) is billed at hourly rates (CANON-DMS-2), waiting for it too.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + CanonProfile.ID)
public class CanonCoverageRule implements CoverageRule {

    @Override
    public String vendorId() {
        return CanonProfile.ID;
    }

    @Override
    public Coverage classify(WorkFacts work) {
        return WorkFacts.DEVICE.equals(work.cause())
                ? new Coverage(true, "CANON-PKG-2", "service and parts are included in every package")
                : new Coverage(false, "CANON-DMS-2", "a request caused outside Canon's responsibility is billed at"
                        + " hourly rates");
    }
}
