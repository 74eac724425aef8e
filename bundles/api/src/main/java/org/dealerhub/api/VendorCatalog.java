package org.dealerhub.api;

import java.util.List;

import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.ServicePackage;

/** The vendors whose bundles are deployed right now, and their packages. */
public interface VendorCatalog {

    List<Vendor> vendors();

    /** @throws DomainException NOT_FOUND for a vendor that is not deployed */
    Vendor vendor(String vendorId);

    /** The vendor's packages in a market; empty when it does not serve the market. */
    List<ServicePackage> packages(String vendorId, String market);

    /**
     * The vendor's implementation (installation) services and the packages that bundle them.
     *
     * @throws DomainException NOT_FOUND for a vendor that is not deployed or sells no implementation services
     */
    ImplementationOffer implementationOffer(String vendorId);

    /** A vendor's implementation services and packages, as data. */
    record ImplementationOffer(String vendor, List<ImplementationServiceCatalog.Service> services,
            List<ImplementationServiceCatalog.ImplementationPackage> packages) {
    }
}
