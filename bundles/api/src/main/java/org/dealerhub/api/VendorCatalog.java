package org.dealerhub.api;

import java.util.List;

import org.dealerhub.api.spi.ServicePackage;

/** The vendors whose bundles are deployed right now, and their packages. */
public interface VendorCatalog {

    List<Vendor> vendors();

    /** @throws DomainException NOT_FOUND for a vendor that is not deployed */
    Vendor vendor(String vendorId);

    /** The vendor's packages in a market; empty when it does not serve the market. */
    List<ServicePackage> packages(String vendorId, String market);
}
