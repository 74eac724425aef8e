package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.StockLocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The stock data of an organisation's devices on automatic toner replenishment (PORTAL-ROLE-3). */
@Path("organisations/{organisationId}/stock")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationStockResource {

    private final LocalStockService stock;

    OrganisationStockResource(LocalStockService stock) {
        this.stock = stock;
    }

    @GET
    @Operation(operationId = "listStockLocations", summary = "The stock data of the organisation's devices on"
            + " automatic toner replenishment, by device id", responses = {
            @ApiResponse(responseCode = "200", description = "the stock data"),
            @ApiResponse(responseCode = "403", description = "a device manager or self-service user (PORTAL-ROLE-3)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible organisation")})
    public List<StockLocation> list(@Context SecurityContext security,
            @PathParam("organisationId") long organisationId) {
        return stock.list(Authenticated.caller(security), organisationId);
    }
}
