package org.dealerhub.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.PortalUserService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * A portal user's one-time links, without authentication (the user has no password yet, or forgot it): asking for
 * a link answers the same whether or not the address is known, so it tells nobody who has a user.
 */
@Path("password-reset")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    /** Who asks for a link. */
    public record ResetRequest(String email) {
    }

    /** The new password. */
    public record NewPassword(String password) {
    }

    private final PortalUserService users;

    PasswordResetResource(PortalUserService users) {
        this.users = users;
    }

    @POST
    @Operation(operationId = "requestPasswordReset", summary = "E-mails a one-time link to set a new password to the"
            + " portal user with this address, if there is one", responses = {
            @ApiResponse(responseCode = "202", description = "accepted, whether or not the address is known"),
            @ApiResponse(responseCode = "400", description = "not an e-mail address")})
    public Response request(ResetRequest request) {
        if (request == null) {
            throw DomainException.invalid("email", "an e-mail address is required");
        }
        users.requestPasswordReset(request.email());
        return Response.accepted().build();
    }

    @POST
    @Path("{token}")
    @Operation(operationId = "resetPassword", summary = "Sets the password with the token of an e-mailed link"
            + " (it works once, and expires)", responses = {
            @ApiResponse(responseCode = "204", description = "set: log in with it"),
            @ApiResponse(responseCode = "400", description = "a password of 10 to 200 characters is required"),
            @ApiResponse(responseCode = "404", description = "unknown, used or expired link")})
    public Response reset(@PathParam("token") String token, NewPassword password) {
        if (password == null) {
            throw DomainException.invalid("password", "a password is required");
        }
        users.resetPassword(token, password.password());
        return Response.noContent().build();
    }
}
