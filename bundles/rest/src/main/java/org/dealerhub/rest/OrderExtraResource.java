package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.ServiceOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Paid extras bought for one order (KMUA-EXTRA-1); the order's deadline follows. */
@Path("orders/{id}/extras")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderExtraResource {

    private final OrderService orders;
    private final OrderExtras extras;

    OrderExtraResource(OrderService orders, OrderExtras extras) {
        this.orders = orders;
        this.extras = extras;
    }

    @GET
    @Operation(operationId = "listOrderExtras", summary = "The extras bought for the order (KMUA-EXTRA-1)")
    public List<OrderExtras.Extra> list(@Context SecurityContext security, @PathParam("id") long id) {
        return extras.ofOrder(Authenticated.caller(security), id);
    }

    @POST
    @Operation(operationId = "buyOrderExtra", summary = "Buys an extra for an open order not yet responded to:"
            + " SHORTER_RESPONSE (reactionHours), OUT_OF_HOURS (serviceHours HH:MM-HH:MM, every day) or"
            + " ROUND_THE_CLOCK (Kyiv only); the deadline follows (KMUA-EXTRA-1)", responses = {
            @ApiResponse(responseCode = "200", description = "bought: the order with its new deadline", headers =
                    @Header(name = "ETag", description = "the order's new version"), content = @Content(schema =
                            @Schema(implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-EXTRA-1, e.g. 24/7 outside Kyiv"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response buy(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = SoftwareIncidentResource.IF_MATCH_DOC, required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, OrderExtras.OrderDraft draft) {
        long version = Preconditions.version(ifMatch, () -> orders.get(Authenticated.caller(security), id));
        ServiceOrder order = extras.buy(Authenticated.caller(security), id, version, draft);
        return Preconditions.tagged(order, order.version());
    }
}
