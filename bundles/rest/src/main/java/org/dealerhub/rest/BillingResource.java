package org.dealerhub.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.BillingService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Billing runs (issue 10): started and read by dealer users only. */
@Path("billing/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillingResource {

    private final BillingService billing;

    BillingResource(BillingService billing) {
        this.billing = billing;
    }

    @POST
    @Operation(operationId = "startBillingRun", summary = "Bills the selected contracts for the period",
            description = "Each contract is billed in its own transaction: its invoice holds the difference between"
                    + " what its whole history says is due and what was billed before, so the same period again"
                    + " creates nothing. A contract that cannot be billed is parked with the reason; the run goes"
                    + " on. With dryRun nothing is written and the summary says what the run would do.",
            responses = {
                    @ApiResponse(responseCode = "201", description = "the run, recorded",
                            content = @Content(schema = @Schema(implementation = BillingRun.class))),
                    @ApiResponse(responseCode = "200", description = "the dry run's summary, nothing written",
                            content = @Content(schema = @Schema(implementation = BillingRun.class))),
                    @ApiResponse(responseCode = "400", description = "period or selection invalid"),
                    @ApiResponse(responseCode = "403", description = "not a dealer user")})
    public Response start(@Context SecurityContext security, BillingRun.Request request) {
        BillingRun run = billing.run(Authenticated.caller(security), request, null);
        return run.dryRun() ? Response.ok(run).build()
                : Response.created(URI.create("billing/runs/" + run.id())).entity(run).build();
    }

    @GET
    @Operation(operationId = "listBillingRuns", summary = "The recorded runs, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "the runs"),
            @ApiResponse(responseCode = "403", description = "not a dealer user")})
    public List<BillingRun> list(@Context SecurityContext security,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return billing.runs(Authenticated.caller(security), offset, limit);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getBillingRun", summary = "One run: who, when, selection, counts, totals, parked"
            + " contracts with the reason", responses = {
            @ApiResponse(responseCode = "200", description = "found",
                    content = @Content(schema = @Schema(implementation = BillingRun.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown")})
    public BillingRun get(@Context SecurityContext security, @PathParam("id") long id) {
        return billing.runById(Authenticated.caller(security), id);
    }
}
