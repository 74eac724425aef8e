package org.dealerhub.rest;

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

import org.dealerhub.api.SoftwareSupport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The software side of an order (KMUA-SW-2, -4, -5, -9): its priorities, analysis, known error and closing reason.
 * Changes are the dealer's, name the order's version in If-Match (428 without, 412 when stale) and answer the
 * incident with the order's new version as the ETag.
 */
@Path("orders/{id}/software")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SoftwareIncidentResource {

    static final String IF_MATCH_DOC = "the ETag of the order's version the change is based on";

    private final SoftwareSupport software;

    SoftwareIncidentResource(SoftwareSupport software) {
        this.software = software;
    }

    /** Without If-Match the incident is looked up first: one the caller may not see answers 404, never 428. */
    private long expected(SecurityContext security, long id, String ifMatch) {
        return Preconditions.version(ifMatch, () -> software.incident(Authenticated.caller(security), id));
    }

    @GET
    @Operation(operationId = "getSoftwareIncident", summary = "The software side of an order: priorities, known"
            + " error, resolution deadline (KMUA-SW-4), closing reason, dispute window (KMUA-SW-3)", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag",
                    description = "the order's version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "404", description = "unknown, not visible, or not a software order")})
    public Response get(@Context SecurityContext security, @PathParam("id") long id) {
        return tagged(software.incident(Authenticated.caller(security), id));
    }

    @POST
    @Path("priority")
    @Operation(operationId = "changeIncidentPriority", summary = "Accepts the customer's priority (the same one) or"
            + " renegotiates it (another one, with the reason); the deadline follows it (KMUA-SW-2)", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag",
                    description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown, not visible, or not a software order"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-2 or KMUA-ORDER-2"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response priority(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, SoftwareSupport.PriorityChange change) {
        return tagged(software.changePriority(Authenticated.caller(security), id, expected(security, id, ifMatch),
                change));
    }

    @POST
    @Path("analysis")
    @Operation(operationId = "endIncidentAnalysis", summary = "Records the end of the analysis, from which the"
            + " resolution time runs (KMUA-SW-4)", responses = {
            @ApiResponse(responseCode = "200", description = "recorded", headers = @Header(name = "ETag",
                    description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown, not visible, or not a software order"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-4 (already ended) or KMUA-ORDER-2"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response analysis(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, SoftwareSupport.Analysis analysis) {
        return tagged(software.endAnalysis(Authenticated.caller(security), id, expected(security, id, ifMatch),
                analysis));
    }

    @POST
    @Path("known-error")
    @Operation(operationId = "linkIncidentToKnownError", summary = "Links the incident to a known error being"
            + " fixed: no resolution deadline until its fix is released (KMUA-SW-4)", responses = {
            @ApiResponse(responseCode = "200", description = "linked", headers = @Header(name = "ETag",
                    description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "order or known error unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-4 (fix already released)"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response link(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, SoftwareSupport.Link link) {
        return tagged(software.link(Authenticated.caller(security), id, expected(security, id, ifMatch), link));
    }

    @POST
    @Path("closure")
    @Operation(operationId = "closeIncident", summary = "Closes the incident (the order becomes RESOLVED) as"
            + " SYMPTOM_GONE, WORKAROUND (re-openable) or OUTSIDE_SYSTEM (KMUA-SW-5)", responses = {
            @ApiResponse(responseCode = "200", description = "closed", headers = @Header(name = "ETag",
                    description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown, not visible, or not a software order"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-5 or KMUA-ORDER-2"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response close(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, SoftwareSupport.Closure closure) {
        return tagged(software.close(Authenticated.caller(security), id, expected(security, id, ifMatch), closure));
    }

    @POST
    @Path("reopening")
    @Operation(operationId = "reopenIncident", summary = "Reopens an incident closed by a workaround, e.g. when the"
            + " vendor's fix arrives (KMUA-SW-5)", responses = {
            @ApiResponse(responseCode = "200", description = "reopened", headers = @Header(name = "ETag",
                    description = "the order's new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Incident.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown, not visible, or not a software order"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-5: not closed by a workaround"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response reopen(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = IF_MATCH_DOC, required = true) @HeaderParam(Preconditions.IF_MATCH)
            String ifMatch, SoftwareSupport.Reopening reopening) {
        return tagged(software.reopen(Authenticated.caller(security), id, expected(security, id, ifMatch),
                reopening));
    }

    private static Response tagged(SoftwareSupport.Incident incident) {
        return Preconditions.tagged(incident, incident.version());
    }
}
