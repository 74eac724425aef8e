package org.dealerhub.vendor.konicaminolta;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.api.spi.WorkFacts;
import org.osgi.service.component.annotations.Component;

/**
 * What Konica Minolta Ukraine's service covers: restoring a device damaged by the customer's users is not covered
 * (KMUA-ORDER-6: an expertise report with a cost estimate, work after the invoice is paid). The source names no
 * other exclusion from restoring service (§1.2.5); platform decision: everything else is covered, waiting included.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaUkraineProfile.ID)
public class KonicaMinoltaUkraineCoverageRule implements CoverageRule {

    @Override
    public String vendorId() {
        return KonicaMinoltaUkraineProfile.ID;
    }

    @Override
    public Coverage classify(WorkFacts work) {
        return switch (work.cause()) {
            case "USER_ERROR", "USER_DAMAGE" -> new Coverage(false, "KMUA-ORDER-6", "damage caused by the customer's"
                    + " users is restored after the invoice is paid");
            default -> new Coverage(true, "KMUA-ORDER-6", "restoring the device is part of the service");
        };
    }
}
