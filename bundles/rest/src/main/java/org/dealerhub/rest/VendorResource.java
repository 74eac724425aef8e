package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.spi.ServicePackage;

import io.swagger.v3.oas.annotations.Operation;

/** The vendors deployed right now and their packages per market. */
@Path("vendors")
@Produces(MediaType.APPLICATION_JSON)
public class VendorResource {

    private final VendorCatalog vendors;
    private final MarketService markets;

    VendorResource(VendorCatalog vendors, MarketService markets) {
        this.vendors = vendors;
        this.markets = markets;
    }

    @GET
    @Operation(operationId = "listVendors")
    public List<Vendor> list() {
        return vendors.vendors();
    }

    @GET
    @Path("{vendor}")
    @Operation(operationId = "getVendor")
    public Vendor get(@PathParam("vendor") String vendor) {
        return vendors.vendor(vendor);
    }

    @GET
    @Path("{vendor}/packages")
    @Operation(operationId = "vendorPackages")
    public List<ServicePackage> packages(@PathParam("vendor") String vendor, @QueryParam("market") String market) {
        if (market == null || market.isBlank()) {
            throw DomainException.invalid("market", "market is required, e.g. ?market=NO");
        }
        if (markets.market(market).isEmpty()) {
            throw DomainException.invalid("market", "unknown market");
        }
        return vendors.packages(vendor, market);
    }

    /** Installation services and the matrix of what each implementation package includes. */
    @GET
    @Path("{vendor}/implementation-packages")
    @Operation(operationId = "implementationPackages")
    public VendorCatalog.ImplementationOffer implementationPackages(@PathParam("vendor") String vendor) {
        return vendors.implementationOffer(vendor);
    }
}
