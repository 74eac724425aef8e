package org.dealerhub.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.OrderService;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.SoftwareSupport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The customer's dispute of an order's registered data (KMUA-SW-3), recorded in its audit trail. */
@Path("orders/{id}/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderDisputeResource {

    private final OrderService orders;
    private final SoftwareSupport software;

    OrderDisputeResource(OrderService orders, SoftwareSupport software) {
        this.orders = orders;
        this.software = software;
    }

    @POST
    @Operation(operationId = "disputeOrder", summary = "Disputes the registered data within 3 working hours of the"
            + " registration (KMUA-SW-3); later it stands as confirmed", responses = {
            @ApiResponse(responseCode = "200", description = "recorded in the order's history", headers = @Header(
                    name = "ETag", description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-3: the 3 working hours are over"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response dispute(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = SoftwareIncidentResource.IF_MATCH_DOC, required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, SoftwareSupport.Dispute dispute) {
        long version = Preconditions.version(ifMatch, () -> orders.get(Authenticated.caller(security), id));
        ServiceOrder order = software.dispute(Authenticated.caller(security), id, version, dispute);
        return Preconditions.tagged(order, order.version());
    }
}
