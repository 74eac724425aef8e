package org.dealerhub.vendor.canon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackage.Term;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VolumeCap;
import org.osgi.service.component.annotations.Component;

/** Canon's STANDARD, PLUS and PREMIUM service packages (CANON-PKG-1..3), the same in NO and DK. */
@Component(property = "vendor.id=" + CanonProfile.ID)
public class CanonPackages implements ServicePackageProvider {

    private static final String TERMS = "1.1-2019-02";

    static final String STANDARD = "STANDARD";
    static final String PLUS = "PLUS";
    static final String PREMIUM = "PREMIUM";
    static final List<String> CODES = List.of(STANDARD, PLUS, PREMIUM);

    /** CANON-PKG-1, CANON-PKG-3: each package's response promise; {@link CanonResponseTimeRule} computes from it. */
    static final Map<String, ResponsePromise> RESPONSE = Map.of(
            STANDARD, new ResponsePromise(ResponsePromise.Kind.NEXT_BUSINESS_DAY, 0, "Next business day", "CANON-PKG-1"),
            PLUS, new ResponsePromise(ResponsePromise.Kind.BUSINESS_HOURS, 6, "6 business hours", "CANON-PKG-3"),
            PREMIUM, new ResponsePromise(ResponsePromise.Kind.BUSINESS_HOURS, 4, "4 business hours", "CANON-PKG-3"));

    /** CANON-VOL-2: colour pages per month per model family, A3 counted as 2 x A4 (CANON-VOL-1). */
    static final List<VolumeCap> COLOUR_CAPS = List.of(
            cap(CanonVolumes.IR_C13X5, 1_000),
            cap(CanonVolumes.IR_ADV_C25X_C35X_C351, 2_000),
            cap(CanonVolumes.IR_ADV_C3XXX, 5_000),
            cap(CanonVolumes.IR_ADV_C5X35_40, 5_000),
            cap(CanonVolumes.IR_ADV_C5X50_55_60, 10_000));

    private static VolumeCap cap(String family, long monthly) {
        return new VolumeCap(family, "colour-a4-equivalent", monthly, "CANON-VOL-2");
    }

    @Override
    public String vendorId() {
        return CanonProfile.ID;
    }

    @Override
    public List<ServicePackage> packages(String market) {
        if (!market.equals("NO") && !market.equals("DK")) {
            return List.of();
        }
        return List.of(
                new ServicePackage(CanonProfile.ID, market, STANDARD, "Serviceavtale STANDARD - NBD - 8x5 - inkludert toner",
                        TERMS, RESPONSE.get(STANDARD), inclusions(false), exclusions(), COLOUR_CAPS),
                new ServicePackage(CanonProfile.ID, market, PLUS, "Serviceavtale PLUS - 6 timer - 8x5 - inkludert toner",
                        TERMS, RESPONSE.get(PLUS), inclusions(false), exclusions(), COLOUR_CAPS),
                new ServicePackage(CanonProfile.ID, market, PREMIUM, "Serviceavtale PREMIUM - 4 timer - 8x5 - inkludert toner",
                        TERMS, RESPONSE.get(PREMIUM), inclusions(true), exclusions(), List.of()));
    }

    private static List<Term> inclusions(boolean unlimited) {
        List<Term> terms = new ArrayList<>(List.of(
                new Term("Service and parts, drum included", "CANON-PKG-2"),
                new Term("Toner for normal use", "CANON-PKG-2"),
                new Term("Device Management Service (DMS)", "CANON-PKG-2"),
                new Term("Free mono volume", "CANON-PKG-2"),
                new Term("Support 08:00-16:00 Monday to Friday, not on public holidays", "CANON-HOURS-1"),
                // CANON-DMS-1: what DMS delivers (toner monitoring and automatic shipment on compatible devices)
                new Term("DMS: toner-level monitoring and error-code alerts to Canon (compatible devices)",
                        "CANON-DMS-1"),
                new Term("DMS: remote diagnostics and the Remote Software Operator Kit", "CANON-DMS-1"),
                new Term("DMS: proactive consumable alerts and automatic shipment of toner, waste toner and CRUs",
                        "CANON-DMS-1"),
                new Term("DMS: 24/7 web portal for service requests with progress, knowledge base, account and"
                        + " device data", "CANON-DMS-1"),
                new Term("DMS: remote firmware updates and volume reports per device (A3/A4, colour split, paper)",
                        "CANON-DMS-1"),
                // CANON-DMS-2: the customer's side of DMS
                new Term("DMS requires the customer's network to let the device reach Canon, and the customer to"
                        + " report the device's IP address and every change of it", "CANON-DMS-2")));
        if (unlimited) {
            terms.add(new Term("No page-volume limits: unlimited colour pages and toner", "CANON-PKG-3"));
        } else {
            terms.add(new Term("Toner included up to 5 % coverage", "CANON-TONER-1"));
            terms.add(new Term("Colour pages within the model family's monthly average cap", "CANON-VOL-1"));
        }
        return terms;
    }

    private static List<Term> exclusions() {
        return List.of(
                new Term("Toner stock set-up, staples, other consumables, toner freight, misuse", "CANON-SCOPE-1"),
                new Term("Print resale: devices are for the customer's internal use", "CANON-SCOPE-1"),
                new Term("Banner printing, unless agreed separately", "CANON-VOL-4"),
                new Term("Requests caused outside Canon's responsibility, billed at hourly rates", "CANON-DMS-2"));
    }
}
