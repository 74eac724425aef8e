package org.dealerhub.api.spi;

import java.util.List;

/** A vendor's service packages, per market. Register with the service property {@code vendor.id}. */
public interface ServicePackageProvider {

    String vendorId();

    /** The packages offered in a market, empty when the vendor does not serve it. */
    List<ServicePackage> packages(String market);
}
