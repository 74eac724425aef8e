package org.dealerhub.api.spi;

import java.util.List;
import java.util.Set;

/**
 * Who a vendor is. A vendor bundle registers one per vendor id it brings (Konica Minolta brings two: Norway and
 * Ukraine have separate terms).
 */
public interface VendorProfile {

    /** Stable id in lower-case kebab case, e.g. {@code canon}; also the service property {@value #VENDOR_ID}. */
    String vendorId();

    String VENDOR_ID = "vendor.id";

    String name();

    /** Market codes served, e.g. {@code NO}, {@code DK}. */
    Set<String> markets();

    /** Terms versions, oldest first; the last is the one new contracts are signed under (KMNO-TERMS-1). */
    List<String> termsVersions();

    default String currentTermsVersion() {
        List<String> versions = termsVersions();
        return versions.get(versions.size() - 1);
    }
}
