package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Caller;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.StockLocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The local stock data of a device on automatic toner replenishment (PORTAL-ROLE-3): set up and taken off by
 * dealer users, maintained by the organisation's stock managers and Administrators; every change audited.
 */
@Path("devices/{id}/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    private final LocalStockService stock;

    StockResource(LocalStockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(operationId = "getStockLocation", summary = "The device's stock data, its version as the ETag",
            responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version, e.g. \"3\""),
                    content = @Content(schema = @Schema(implementation = StockLocation.class))),
            @ApiResponse(responseCode = "403", description = "a device manager or self-service user (PORTAL-ROLE-3)"),
            @ApiResponse(responseCode = "404", description = "not on automatic replenishment, or not visible")})
    public Response get(@Context SecurityContext security, @PathParam("id") long deviceId) {
        StockLocation s = stock.get(Authenticated.caller(security), deviceId);
        return Preconditions.tagged(s, s.version());
    }

    @POST
    @Operation(operationId = "enableStockLocation", summary = "Dealer users: sets the device up for automatic toner"
            + " replenishment with its first stock data", responses = {
            @ApiResponse(responseCode = "201", description = "set up", headers = @Header(name = "ETag", description = "the version"),
                    content = @Content(schema = @Schema(implementation = StockLocation.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named (counts are >= 0)"),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown device"),
            @ApiResponse(responseCode = "409", description = "already on automatic replenishment")})
    public Response enable(@Context SecurityContext security, @PathParam("id") long deviceId,
            StockLocation.Draft draft) {
        StockLocation s = stock.enable(Authenticated.caller(security), deviceId, draft);
        return Response.status(Response.Status.CREATED).entity(s).tag(Preconditions.tag(s.version())).build();
    }

    @PUT
    @Operation(operationId = "updateStockLocation", summary = "Replaces the stock data if still at the version"
            + " named by If-Match", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = StockLocation.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named (counts are >= 0)"),
            @ApiResponse(responseCode = "403", description = "a device manager or self-service user (PORTAL-ROLE-3)"),
            @ApiResponse(responseCode = "404", description = "not on automatic replenishment, or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response update(@Context SecurityContext security, @PathParam("id") long deviceId,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, StockLocation.Draft draft) {
        Caller caller = Authenticated.caller(security);
        long version = Preconditions.version(ifMatch, () -> stock.get(caller, deviceId));
        StockLocation s = stock.update(caller, deviceId, version, draft);
        return Preconditions.tagged(s, s.version());
    }

    @DELETE
    @Operation(operationId = "disableStockLocation", summary = "Dealer users: takes the device off automatic"
            + " replenishment if still at the version named by If-Match (the audit stays)", responses = {
            @ApiResponse(responseCode = "204", description = "taken off"),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "not on automatic replenishment"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response disable(@Context SecurityContext security, @PathParam("id") long deviceId,
            @Parameter(description = "the ETag of the version the removal is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        Caller caller = Authenticated.caller(security);
        stock.disable(caller, deviceId, Preconditions.version(ifMatch, () -> stock.get(caller, deviceId)));
        return Response.noContent().build();
    }

    @GET
    @Path("changes")
    @Operation(operationId = "listStockChanges", summary = "The audited changes of the device's stock data, oldest"
            + " first: who, when, what each left", responses = {
            @ApiResponse(responseCode = "200", description = "the changes"),
            @ApiResponse(responseCode = "403", description = "a device manager or self-service user (PORTAL-ROLE-3)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible device")})
    public List<StockLocation.Change> changes(@Context SecurityContext security, @PathParam("id") long deviceId) {
        return stock.changes(Authenticated.caller(security), deviceId);
    }
}
