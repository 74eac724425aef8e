package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;

import io.swagger.v3.oas.annotations.Operation;

/** The operator's prices per vendor, market and package: read by dealer users, changed by dealer admins. */
@Path("vendors/{vendor}/prices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PriceResource {

    private final PriceBook prices;

    PriceResource(PriceBook prices) {
        this.prices = prices;
    }

    @GET
    @Operation(operationId = "listPrices")
    public List<PriceList> list(@Context SecurityContext security, @PathParam("vendor") String vendor,
            @QueryParam("market") String market) {
        if (market == null || market.isBlank()) {
            throw DomainException.invalid("market", "market is required, e.g. ?market=NO");
        }
        return prices.prices(Authenticated.caller(security), vendor, market);
    }

    @GET
    @Path("{market}/{package}")
    @Operation(operationId = "getPrices")
    public PriceList get(@Context SecurityContext security, @PathParam("vendor") String vendor,
            @PathParam("market") String market, @PathParam("package") String packageCode) {
        return prices.price(Authenticated.caller(security), vendor, market, packageCode);
    }

    /** Sets the named prices given ({"prices": {"monthlyFee": 1290, "clickColourA4": 0.45}}), keeps the others. */
    @PUT
    @Path("{market}/{package}")
    @Operation(operationId = "changePrices")
    public PriceList change(@Context SecurityContext security, @PathParam("vendor") String vendor,
            @PathParam("market") String market, @PathParam("package") String packageCode, PriceList.Change change) {
        return prices.change(Authenticated.caller(security), vendor, market, packageCode, change);
    }
}
