package org.dealerhub.vendor.konicaminolta;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.api.spi.WorkFacts;
import org.osgi.service.component.annotations.Component;

/**
 * What Konica Minolta Norway's service agreement covers. Waiting more than 15 minutes for the customer is billable
 * at hourly rates (KMNO-WAIT-1; platform decision: then the whole wait, as the source bills "waiting" once it
 * exceeds 15 minutes, not only the excess). Labour on the device is covered (KMNO-SUPPLY-1: labour, travel and
 * parts); user errors and negligence, third parties' and external causes are not (KMNO-SUPPORT-2).
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaNorwayProfile.ID)
public class KonicaMinoltaNorwayCoverageRule implements CoverageRule {

    static final int FREE_WAITING_MINUTES = 15;

    @Override
    public String vendorId() {
        return KonicaMinoltaNorwayProfile.ID;
    }

    @Override
    public Coverage classify(WorkFacts work) {
        if (WorkFacts.WAITING.equals(work.workKind())) {
            return work.minutes() > FREE_WAITING_MINUTES
                    ? new Coverage(false, "KMNO-WAIT-1", "waiting more than 15 minutes is billable at hourly rates")
                    : new Coverage(true, "KMNO-WAIT-1", "waiting up to 15 minutes is not billed");
        }
        return WorkFacts.DEVICE.equals(work.cause())
                ? new Coverage(true, "KMNO-SUPPLY-1", "the service agreement covers labour, travel and parts")
                : new Coverage(false, "KMNO-SUPPORT-2", "user errors, negligence, third parties' and external causes"
                        + " are not covered: billed by time");
    }
}
