package org.dealerhub.vendor.printernorge;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.api.spi.WorkFacts;
import org.osgi.service.component.annotations.Component;

/**
 * What Printer Norge's operating agreement covers: faults caused by the printer (PN-FAULT-1); not faults caused by
 * third parties, including anything not caused by the delivered printer solution (PN-FAULT-2), nor user errors and
 * unauthorised own repairs, also when handled by phone or remotely (PN-FAULT-3). Uncovered work is billed in
 * 15-minute steps (PN-BILL-1). The source says nothing of waiting; platform decision: waiting goes with the fault
 * it belongs to.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + PrinterNorgeVendor.ID)
public class PrinterNorgeCoverageRule implements CoverageRule {

    @Override
    public String vendorId() {
        return PrinterNorgeVendor.ID;
    }

    @Override
    public Coverage classify(WorkFacts work) {
        return switch (work.cause()) {
            case WorkFacts.DEVICE -> new Coverage(true, "PN-FAULT-1", "a fault caused by the printer is covered by"
                    + " the operating agreement");
            case "USER_ERROR", "USER_DAMAGE" -> new Coverage(false, "PN-FAULT-3", "user errors and unauthorised own"
                    + " repairs are not covered");
            default -> new Coverage(false, "PN-FAULT-2", "faults caused by third parties or not by the delivered"
                    + " printer solution are not covered");
        };
    }
}
