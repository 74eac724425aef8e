package org.dealerhub.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Service orders (issue 9). Every change of an order names the version it is based on in If-Match (428 without,
 * 412 when stale) and answers the changed order with its new version as the ETag.
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String IF_MATCH_DOC = "the ETag of the version the change is based on";

    /**
     * The version If-Match names. Without one the order is looked up first, so an order the caller may not see
     * still answers 404 (never a hint that it exists), and only a visible one answers 428.
     */
    private long expected(SecurityContext security, long id, String ifMatch) {
        if (ifMatch == null) {
            orders.get(Authenticated.caller(security), id);
        }
        return Preconditions.version(ifMatch);
    }

    private final OrderService orders;

    OrderResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    @Operation(summary = "Registers an order (KMUA-CHAN-1/2): its number, the vendor's deadline, a confirmation"
            + " to the contact", description = "An incomplete order (KMUA-ORDER-1) is accepted and held: `missing`"
            + " says what it lacks. The channel is WEB unless given.", responses = {
            @ApiResponse(responseCode = "201", description = "registered", headers = @Header(name = "ETag", description = "the version"),
                    content = @Content(schema = @Schema(implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "404", description = "device or contract unknown or not visible")})
    public Response register(@Context SecurityContext security, ServiceOrder.Draft draft) {
        ServiceOrder.Draft d = draft == null || draft.channel() != null ? draft : new ServiceOrder.Draft(
                draft.deviceId(), draft.contractId(), draft.kind(), OrderChannel.WEB, draft.serviceNumber(),
                draft.symptom(), draft.errorCode(), draft.meterReading(), draft.contactName(), draft.contactEmail(),
                draft.facts());
        ServiceOrder created = orders.register(Authenticated.caller(security), d);
        return Response.created(URI.create("orders/" + created.id())).entity(created)
                .tag(Preconditions.tag(created.version())).build();
    }

    @GET
    @Operation(summary = "The visible orders by id, filtered; `breached` by the SLA clock as it stands now")
    public List<ServiceOrder> list(@Context SecurityContext security, @QueryParam("state") OrderState state,
            @QueryParam("device") Long device, @QueryParam("organisation") Long organisation,
            @QueryParam("breached") Boolean breached, @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return orders.list(Authenticated.caller(security), new ServiceOrder.Query(state, device, organisation,
                breached, offset, limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order with its pauses and SLA clock, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version"),
                    content = @Content(schema = @Schema(implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response get(@Context SecurityContext security, @PathParam("id") long id) {
        ServiceOrder order = orders.get(Authenticated.caller(security), id);
        return Preconditions.tagged(order, order.version());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The order's audit trail, oldest first: who did what when, and why (KMUA-ORDER-2)")
    public List<ServiceOrder.Event> history(@Context SecurityContext security, @PathParam("id") long id) {
        return orders.history(Authenticated.caller(security), id);
    }

    @POST
    @Path("{id}/details")
    @Operation(summary = "Adds what an incomplete order lacks (KMUA-ORDER-1); once complete its hold ends")
    public Response complete(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, ServiceOrder.Details details) {
        return tagged(orders.complete(Authenticated.caller(security), id, expected(security, id, ifMatch), details));
    }

    @POST
    @Path("{id}/transitions")
    @Operation(summary = "Moves the order to another state (KMUA-ORDER-2)", description = "EXTENDED needs a reason"
            + " and nextVisit, CANCELLED a reason; a customer may only cancel a REGISTERED order.", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-ORDER-2, KMUA-ORDER-1 or KMUA-DEBT-1"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response transition(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, ServiceOrder.Transition transition) {
        return tagged(orders.transition(Authenticated.caller(security), id, expected(security, id, ifMatch),
                transition));
    }

    @POST
    @Path("{id}/holds")
    @Operation(summary = "Pauses the clock: DEBT (KMUA-DEBT-1), CUSTOMER_QUESTION (KMUA-SW-3) or WAITING")
    public Response hold(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, ServiceOrder.Hold hold) {
        return tagged(orders.hold(Authenticated.caller(security), id, expected(security, id, ifMatch), hold));
    }

    @POST
    @Path("{id}/holds/{pauseId}/release")
    @Operation(summary = "Ends a pause; an INCOMPLETE one ends only by completing the order (KMUA-ORDER-1)")
    public Response release(@Context SecurityContext security, @PathParam("id") long id,
            @PathParam("pauseId") long pauseId, @Parameter(description = IF_MATCH_DOC, required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return tagged(orders.release(Authenticated.caller(security), id, expected(security, id, ifMatch), pauseId));
    }

    @POST
    @Path("{id}/response")
    @Operation(summary = "Records the response, which stops the clock (KMUA-RESP-1: diagnostics start; KMNO-SLA-1:"
            + " troubleshooting starts; KMNO-REMOTE-2: support contacts the customer)")
    public Response respond(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, ServiceOrder.Response response) {
        return tagged(orders.respond(Authenticated.caller(security), id, expected(security, id, ifMatch), response));
    }

    private static Response tagged(ServiceOrder order) {
        return Preconditions.tagged(order, order.version());
    }
}
