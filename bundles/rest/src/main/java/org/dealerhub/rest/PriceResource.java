package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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
    @Operation(operationId = "getPrices", summary = "One package's prices, their version as the ETag", responses = @ApiResponse(
            responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the prices' version"),
            content = @Content(schema = @Schema(implementation = PriceList.class))))
    public Response get(@Context SecurityContext security, @PathParam("vendor") String vendor,
            @PathParam("market") String market, @PathParam("package") String packageCode) {
        return tagged(prices.price(Authenticated.caller(security), vendor, market, packageCode));
    }

    /**
     * Sets the named prices given ({"prices": {"monthlyFee": 1290, "clickColourA4": 0.45}}), keeps the others: 200
     * with the prices in effect once applied, or 202 with {@code applied: false}, the prices still in effect and
     * where to look when the platform has not applied the stored change within its wait.
     */
    @PUT
    @Path("{market}/{package}")
    @Operation(operationId = "changePrices", summary = "Sets the named prices, keeps the others, if the prices are still at the version named"
            + " by If-Match (dealer admins)", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = PriceList.class))),
            @ApiResponse(responseCode = "202", description = "stored but not applied within the wait: the prices"
                    + " still in effect and where to look", content = @Content(schema = @Schema(
                    implementation = PriceBook.Changed.class))),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET them again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response change(@Context SecurityContext security, @Context UriInfo uri, @PathParam("vendor") String vendor,
            @PathParam("market") String market, @PathParam("package") String packageCode,
            @Parameter(description = "the ETag of the prices the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, PriceList.Change change) {
        String expected = Preconditions.tag(ifMatch);
        PriceBook.Changed changed = prices.change(Authenticated.caller(security), vendor, market, packageCode,
                expected, change);
        return changed.applied() ? tagged(changed.prices())
                : Response.accepted(changed).location(uri.getRequestUri()).build();
    }

    private static Response tagged(PriceList list) {
        return Response.ok(list).tag(new EntityTag(list.tag())).build();
    }
}
