package org.dealerhub.rest;

import java.net.URI;
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

import org.dealerhub.api.SoftwareSupport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Known errors (KMUA-SW-4): the dealer's own records; customers see none. */
@Path("known-errors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnownErrorResource {

    private final SoftwareSupport software;

    KnownErrorResource(SoftwareSupport software) {
        this.software = software;
    }

    @GET
    @Operation(operationId = "listKnownErrors", summary = "The known errors with their linked orders (empty for"
            + " customers)")
    public List<SoftwareSupport.KnownError> list(@Context SecurityContext security) {
        return software.knownErrors(Authenticated.caller(security));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getKnownError", summary = "One known error, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag",
                    description = "the version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.KnownError.class))),
            @ApiResponse(responseCode = "404", description = "unknown, or the caller is a customer")})
    public Response get(@Context SecurityContext security, @PathParam("id") long id) {
        SoftwareSupport.KnownError known = software.knownError(Authenticated.caller(security), id);
        return Preconditions.tagged(known, known.version());
    }

    @POST
    @Operation(operationId = "createKnownError", summary = "Records a known error (dealer users)", responses = {
            @ApiResponse(responseCode = "201", description = "created", headers = @Header(name = "ETag",
                    description = "the version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.KnownError.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user")})
    public Response create(@Context SecurityContext security, SoftwareSupport.KnownErrorDraft draft) {
        SoftwareSupport.KnownError known = software.createKnownError(Authenticated.caller(security), draft);
        return Response.created(URI.create("known-errors/" + known.id())).entity(known)
                .tag(Preconditions.tag(known.version())).build();
    }

    @POST
    @Path("{id}/fix")
    @Operation(operationId = "releaseKnownErrorFix", summary = "Records the release of the fix: the linked"
            + " incidents' resolution time runs from then (KMUA-SW-4)", responses = {
            @ApiResponse(responseCode = "200", description = "released", headers = @Header(name = "ETag",
                    description = "the new version"), content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.KnownError.class))),
            @ApiResponse(responseCode = "404", description = "unknown, or the caller is a customer"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "refused by KMUA-SW-4: already released"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response fix(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, SoftwareSupport.FixRelease release) {
        long version = Preconditions.version(ifMatch, () -> software.knownError(Authenticated.caller(security), id));
        SoftwareSupport.KnownError known = software.releaseFix(Authenticated.caller(security), id, version, release);
        return Preconditions.tagged(known, known.version());
    }
}
