package org.dealerhub.rest;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Caller;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.PortalUserService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * An organisation's portal users (PORTAL-ROLE-1..5, PORTAL-USER-1), managed by its Administrators and dealer users.
 */
@Path("organisations/{organisationId}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalUserResource {

    private final PortalUserService users;

    PortalUserResource(PortalUserService users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "listPortalUsers", summary = "The organisation's current portal users", responses = {
            @ApiResponse(responseCode = "200", description = "the users"),
            @ApiResponse(responseCode = "403", description = "not an Administrator of the organisation (PORTAL-ROLE-1)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible organisation")})
    public List<PortalUser> list(@Context SecurityContext security, @PathParam("organisationId") long organisationId) {
        return users.list(Authenticated.caller(security), organisationId);
    }

    @GET
    @Path("{userId}")
    @Operation(operationId = "getPortalUser", summary = "One portal user, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version, e.g. \"3\""),
                    content = @Content(schema = @Schema(implementation = PortalUser.class))),
            @ApiResponse(responseCode = "403", description = "not an Administrator of the organisation (PORTAL-ROLE-1)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response get(@Context SecurityContext security, @PathParam("organisationId") long organisationId,
            @PathParam("userId") long userId) {
        PortalUser user = users.get(Authenticated.caller(security), organisationId, userId);
        return Preconditions.tagged(user, user.version());
    }

    @POST
    @Operation(operationId = "invitePortalUser", summary = "Invites a user: a one-time link to set its password is"
            + " e-mailed to it (PORTAL-USER-1: the e-mail is required)", responses = {
            @ApiResponse(responseCode = "201", description = "invited", content = @Content(schema = @Schema(implementation = PortalUser.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named"),
            @ApiResponse(responseCode = "403", description = "may not grant this role (PORTAL-ROLE-1, -2)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible organisation"),
            @ApiResponse(responseCode = "409", description = "the user name is taken"),
            @ApiResponse(responseCode = "422", description = "no e-mail address (PORTAL-USER-1)")})
    public Response invite(@Context SecurityContext security, @PathParam("organisationId") long organisationId,
            PortalUser.Draft draft) {
        PortalUser user = users.invite(Authenticated.caller(security), organisationId, draft);
        return Response.created(URI.create("users/" + user.id())).entity(user)
                .tag(Preconditions.tag(user.version())).build();
    }

    @PUT
    @Path("{userId}")
    @Operation(operationId = "changePortalUser", summary = "Changes role and assigned devices (and, by dealer users,"
            + " the e-mail) if still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = PortalUser.class))),
            @ApiResponse(responseCode = "403", description = "may not grant this role, or change the e-mail (PORTAL-USER-1)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "would leave the organisation without an Administrator (PORTAL-ROLE-5)"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response change(@Context SecurityContext security, @PathParam("organisationId") long organisationId,
            @PathParam("userId") long userId,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, PortalUser.Change change) {
        Caller caller = Authenticated.caller(security);
        long version = expected(caller, organisationId, userId, ifMatch);
        PortalUser user = users.change(caller, organisationId, userId, version, change);
        return Preconditions.tagged(user, user.version());
    }

    @DELETE
    @Path("{userId}")
    @Operation(operationId = "removePortalUser", summary = "Removes the user if still at the version named by"
            + " If-Match: it can no longer log in", responses = {
            @ApiResponse(responseCode = "204", description = "removed"),
            @ApiResponse(responseCode = "403", description = "may not remove this user (PORTAL-ROLE-1, -2)"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "422", description = "the organisation's last Administrator (PORTAL-ROLE-5)"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response remove(@Context SecurityContext security, @PathParam("organisationId") long organisationId,
            @PathParam("userId") long userId,
            @Parameter(description = "the ETag of the version the removal is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        Caller caller = Authenticated.caller(security);
        users.remove(caller, organisationId, userId, expected(caller, organisationId, userId, ifMatch));
        return Response.noContent().build();
    }

    /** As {@link CrudResource}: without If-Match, what the caller may not see still answers 404, not 428. */
    private long expected(Caller caller, long organisationId, long userId, String ifMatch) {
        return Preconditions.version(ifMatch, () -> users.get(caller, organisationId, userId));
    }
}
