package org.dealerhub.api;

import java.util.List;

import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.ServicePackage;

/**
 * The vendors whose bundles are deployed right now, and their packages. A vendor whose code fails is answered with
 * {@link DomainException.Kind#VENDOR_FAILED} (or {@link DomainException.Kind#VENDOR_UNAVAILABLE} while it cannot be
 * loaded); every other vendor keeps working.
 */
public interface VendorCatalog {

    /** The deployed vendors that can describe themselves; one whose profile fails is left out (see {@link #health}). */
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

    /** Each deployed vendor's health figures, by vendor id. */
    List<VendorHealth> health();

    /** A vendor's implementation services and packages, as data. */
    record ImplementationOffer(String vendor, List<ImplementationServiceCatalog.Service> services,
            List<ImplementationServiceCatalog.ImplementationPackage> packages) {
    }
}
