package org.dealerhub.rest;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Caller;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.KnowledgeBase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The knowledge base (PORTAL-ROLE-4): every authenticated user reads and searches it, the self-service role
 * included; dealer users write, dealer administrators delete. Bodies are plain text.
 */
@Path("knowledge/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private final KnowledgeBase knowledge;

    KnowledgeResource(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GET
    @Operation(operationId = "searchKnowledgeArticles", summary = "Articles matching the text (title or body, any"
            + " case), tag and language, newest change first, one page", responses = {
            @ApiResponse(responseCode = "200", description = "the page and how many match in all",
                    content = @Content(schema = @Schema(implementation = KnowledgeArticle.Page.class))),
            @ApiResponse(responseCode = "400", description = "malformed filter, the field named")})
    public KnowledgeArticle.Page search(@Context SecurityContext security,
            @Parameter(description = "text to find in title or body") @QueryParam("q") String text,
            @Parameter(description = "a tag, e.g. canon or ir-adv-c3530") @QueryParam("tag") String tag,
            @Parameter(description = "nb, da, uk or en") @QueryParam("language") String language,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 100; 20 when not given") @QueryParam("limit") @DefaultValue("20") int limit) {
        return knowledge.search(Authenticated.caller(security), new KnowledgeArticle.Query(text, tag, language,
                offset, limit));
    }

    @GET
    @Path("{articleId}")
    @Operation(operationId = "getKnowledgeArticle", summary = "One article, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version"),
                    content = @Content(schema = @Schema(implementation = KnowledgeArticle.class))),
            @ApiResponse(responseCode = "404", description = "unknown article")})
    public Response get(@Context SecurityContext security, @PathParam("articleId") long id) {
        KnowledgeArticle a = knowledge.get(Authenticated.caller(security), id);
        return Preconditions.tagged(a, a.version());
    }

    @POST
    @Operation(operationId = "createKnowledgeArticle", summary = "Dealer users: writes an article", responses = {
            @ApiResponse(responseCode = "201", description = "written", headers = @Header(name = "ETag", description = "the version"),
                    content = @Content(schema = @Schema(implementation = KnowledgeArticle.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named"),
            @ApiResponse(responseCode = "403", description = "not a dealer user")})
    public Response create(@Context SecurityContext security, KnowledgeArticle.Draft draft) {
        KnowledgeArticle a = knowledge.create(Authenticated.caller(security), draft);
        return Response.created(URI.create("articles/" + a.id())).entity(a).tag(Preconditions.tag(a.version()))
                .build();
    }

    @PUT
    @Path("{articleId}")
    @Operation(operationId = "updateKnowledgeArticle", summary = "Dealer users: replaces the article if still at the"
            + " version named by If-Match", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = KnowledgeArticle.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named"),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown article"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response update(@Context SecurityContext security, @PathParam("articleId") long id,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, KnowledgeArticle.Draft draft) {
        Caller caller = Authenticated.caller(security);
        KnowledgeArticle a = knowledge.update(caller, id, Preconditions.version(ifMatch, () -> knowledge.get(caller,
                id)), draft);
        return Preconditions.tagged(a, a.version());
    }

    @DELETE
    @Path("{articleId}")
    @Operation(operationId = "deleteKnowledgeArticle", summary = "Dealer administrators: deletes the article if"
            + " still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "403", description = "not a dealer administrator"),
            @ApiResponse(responseCode = "404", description = "unknown article"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response delete(@Context SecurityContext security, @PathParam("articleId") long id,
            @Parameter(description = "the ETag of the version the deletion is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        Caller caller = Authenticated.caller(security);
        knowledge.delete(caller, id, Preconditions.version(ifMatch, () -> knowledge.get(caller, id)));
        return Response.noContent().build();
    }
}
