package org.dealerhub.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.OrderExtras;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** A contract's paid extras, per order and per period (KMUA-EXTRA-1). */
@Path("contracts/{id}/extras")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractExtraResource {

    private final OrderExtras extras;

    ContractExtraResource(OrderExtras extras) {
        this.extras = extras;
    }

    @GET
    @Operation(operationId = "listContractExtras", summary = "The contract's extras, per order and per period")
    public List<OrderExtras.Extra> list(@Context SecurityContext security, @PathParam("id") long id) {
        return extras.ofContract(Authenticated.caller(security), id);
    }

    @POST
    @Operation(operationId = "buyContractPeriodExtra", summary = "Buys an extra for the orders the contract registers"
            + " in a period, both days included (KMUA-EXTRA-1); dealer users", responses = {
            @ApiResponse(responseCode = "201", description = "bought", content = @Content(schema = @Schema(
                    implementation = OrderExtras.Extra.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "contract unknown or not visible")})
    public Response buy(@Context SecurityContext security, @PathParam("id") long id, OrderExtras.PeriodDraft draft) {
        OrderExtras.Extra extra = extras.buyForPeriod(Authenticated.caller(security), id, draft);
        return Response.created(URI.create("contracts/" + id + "/extras")).entity(extra).build();
    }
}
