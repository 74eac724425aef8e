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

import org.dealerhub.api.Loan;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderOperations;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.ServiceOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
        return Preconditions.version(ifMatch, () -> orders.get(Authenticated.caller(security), id));
    }

    private final OrderService orders;
    private final OrderOperations operations;

    OrderResource(OrderService orders, OrderOperations operations) {
        this.orders = orders;
        this.operations = operations;
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

    @POST
    @Path("{id}/loans")
    @Operation(operationId = "lendLoanDevice", summary = "Lends a device in place of the order's device"
            + " (KMUA-ORDER-4) with the swap's handover act (KMUA-ORDER-8)", description = "Refused (422,"
            + " KMUA-ORDER-4) when the fault's `cause` is on the customer's side (USER_ERROR, USER_DAMAGE, THIRD_PARTY,"
            + " EXTERNAL). Both devices' counters become meter readings of the swap's day: counters below a device's"
            + " history refuse the act (422, PORTAL-METER-1); a reading of that day already there stays and is"
            + " reported in `readings` (PORTAL-METER-2). Dealer users; the ETag is the order's new version.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "lent", headers = @Header(name = "ETag",
                            description = "the order's new version"),
                            content = @Content(schema = @Schema(implementation = Loan.class))),
                    @ApiResponse(responseCode = "403", description = "a customer's user"),
                    @ApiResponse(responseCode = "404", description = "order or loan device unknown or not visible"),
                    @ApiResponse(responseCode = "409", description = "the order has an open loan, or the device is"
                            + " lent elsewhere"),
                    @ApiResponse(responseCode = "412", description = "the order changed since that version"),
                    @ApiResponse(responseCode = "422", description = "refused by KMUA-ORDER-4, KMUA-ORDER-2 or"
                            + " PORTAL-METER-1"),
                    @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response lend(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, Loan.Draft draft) {
        Loan loan = operations.lend(Authenticated.caller(security), id, expected(security, id, ifMatch), draft);
        return Response.created(URI.create("orders/" + id + "/loans")).entity(loan)
                .tag(Preconditions.tag(loan.orderVersion())).build();
    }

    @POST
    @Path("{id}/loans/{loanId}/return")
    @Operation(operationId = "returnLoanDevice", summary = "Takes the loan device back after the repair with the"
            + " return's handover act (KMUA-ORDER-8)", description = "Both devices' counters become meter readings"
            + " of the return's day, as at the swap. Dealer users; the ETag is the order's new version.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "returned", headers = @Header(name = "ETag",
                            description = "the order's new version"),
                            content = @Content(schema = @Schema(implementation = Loan.class))),
                    @ApiResponse(responseCode = "404", description = "order or open loan unknown or not visible"),
                    @ApiResponse(responseCode = "412", description = "the order changed since that version"),
                    @ApiResponse(responseCode = "422", description = "refused by KMUA-ORDER-8 or PORTAL-METER-1"),
                    @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response giveBack(@Context SecurityContext security, @PathParam("id") long id,
            @PathParam("loanId") long loanId, @Parameter(description = IF_MATCH_DOC, required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, Loan.Handover handover) {
        Loan loan = operations.giveBack(Authenticated.caller(security), id, expected(security, id, ifMatch), loanId,
                handover);
        return Preconditions.tagged(loan, loan.orderVersion());
    }

    @GET
    @Path("{id}/loans")
    @Operation(operationId = "listOrderLoans", summary = "The order's loan devices with their handover acts,"
            + " oldest first (KMUA-ORDER-4, -8)", responses = {
            @ApiResponse(responseCode = "200", description = "the loans", content = @Content(array =
                    @ArraySchema(schema = @Schema(implementation = Loan.class)))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public List<Loan> loans(@Context SecurityContext security, @PathParam("id") long id) {
        return operations.loans(Authenticated.caller(security), id);
    }

    @POST
    @Path("{id}/resolution")
    @Operation(operationId = "resolveOrder", summary = "Resolves the order by REPAIR, LOAN_DEVICE or OUT_OF_SERVICE"
            + " (KMUA-ORDER-5)", description = "LOAN_DEVICE needs a loan device lent now; OUT_OF_SERVICE only for a"
            + " customer-owned device of another manufacturer than the contract's vendor (KMUA-EXIT-2). The move to"
            + " RESOLVED follows KMUA-ORDER-2. Dealer users.", responses = {
            @ApiResponse(responseCode = "200", description = "resolved", headers = @Header(name = "ETag",
                    description = "the new version"),
                    content = @Content(schema = @Schema(implementation = ServiceOrder.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-ORDER-5, KMUA-EXIT-2 or KMUA-ORDER-2"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response resolve(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, Resolution resolution) {
        return tagged(operations.resolve(Authenticated.caller(security), id, expected(security, id, ifMatch),
                resolution));
    }

    @POST
    @Path("{id}/labour")
    @Operation(operationId = "addOrderWork", summary = "Attaches labour or waiting to the order, classified covered"
            + " or not by the contract's vendor", description = "The vendor's rule decides with its id: PN-FAULT-1..3"
            + " (Printer Norge), CANON-PKG-2 / CANON-DMS-2 (Canon), KMNO-SUPPLY-1 / KMNO-SUPPORT-2 / KMNO-WAIT-1"
            + " (waiting over 15 minutes; Konica Minolta Norway), KMUA-ORDER-6 (Konica Minolta Ukraine). `minutes`"
            + " 1..1440; `date` today in the market's zone when absent. Dealer users; the ETag is the order's new"
            + " version.", responses = {
            @ApiResponse(responseCode = "201", description = "attached", headers = @Header(name = "ETag",
                    description = "the order's new version"),
                    content = @Content(schema = @Schema(implementation = OrderWork.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "the order changed since that version"),
            @ApiResponse(responseCode = "422", description = "the vendor has no coverage rule, or the order is"
                    + " cancelled"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing"),
            @ApiResponse(responseCode = "502", description = "the vendor's coverage rule failed"),
            @ApiResponse(responseCode = "503", description = "the vendor's code is unavailable")})
    public Response addWork(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, OrderWork.Draft draft) {
        OrderWork work = operations.addWork(Authenticated.caller(security), id, expected(security, id, ifMatch),
                draft);
        return Response.created(URI.create("orders/" + id + "/labour")).entity(work)
                .tag(Preconditions.tag(work.orderVersion())).build();
    }

    @GET
    @Path("{id}/labour")
    @Operation(operationId = "listOrderWork", summary = "The work on the order, oldest first, each covered or not"
            + " with its rule", responses = {
            @ApiResponse(responseCode = "200", description = "the work", content = @Content(array =
                    @ArraySchema(schema = @Schema(implementation = OrderWork.class)))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public List<OrderWork> work(@Context SecurityContext security, @PathParam("id") long id) {
        return operations.work(Authenticated.caller(security), id);
    }

    private static Response tagged(ServiceOrder order) {
        return Preconditions.tagged(order, order.version());
    }
}
