package org.dealerhub.rest;

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

import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.TermsService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A vendor's published terms versions (KMNO-TERMS-1): list, preview what a publication would change for each
 * contract, publish with at least 30 days' notice.
 */
@Path("vendors/{vendor}/terms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TermsResource {

    private final TermsService terms;

    TermsResource(TermsService terms) {
        this.terms = terms;
    }

    @GET
    @Operation(operationId = "listTermsPublications")
    public List<TermsPublication> list(@Context SecurityContext security, @PathParam("vendor") String vendor) {
        return terms.publications(Authenticated.caller(security), vendor);
    }

    @POST
    @Path("preview")
    @Operation(operationId = "previewTermsPublication")
    public List<TermsPublication.Change> preview(@Context SecurityContext security,
            @PathParam("vendor") String vendor, TermsPublication.Draft draft) {
        return terms.preview(Authenticated.caller(security), vendor, draft);
    }

    @POST
    @Operation(operationId = "publishTerms", responses = {
            @ApiResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = TermsPublication.class)))})
    public Response publish(@Context SecurityContext security, @PathParam("vendor") String vendor,
            TermsPublication.Draft draft) {
        return Response.status(201).entity(terms.publish(Authenticated.caller(security), vendor, draft)).build();
    }
}
