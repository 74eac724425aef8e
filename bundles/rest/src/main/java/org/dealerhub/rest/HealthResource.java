package org.dealerhub.rest;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Readiness;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The readiness check: no authentication, no data; 200 when ready, 503 until then. A dealer admin's credentials
 * add the details: each part in words, each vendor's health figures and the boot time. Other or wrong
 * credentials get the public answer.
 */
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
/** The readiness check: no authentication, no data; 200 when ready, 503 until then. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, Map<String, Boolean> parts, Readiness.Details details) {
    }

    private final Readiness readiness;
    private final Authentication authentication;

    HealthResource(Readiness readiness, Authentication authentication) {
        this.readiness = readiness;
        this.authentication = authentication;
    }

    @GET
    @Operation(operationId = "health", responses = {
            @ApiResponse(responseCode = "200", description = "ok", content = @Content(schema = @Schema(implementation = Health.class))),
            @ApiResponse(responseCode = "503", description = "starting", content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response health(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean admin = isAdmin(authorization);
        boolean ready = readiness.ready();
        return Response.status(ready ? 200 : 503).entity(new Health(ready ? "ready" : "starting",
                readiness.parts(), admin ? readiness.details() : null)).build();
    }

    /** Whether the request carries a dealer admin's credentials; anything else simply gets no details. */
    private boolean isAdmin(String authorization) {
        try {
            return Authenticated.credentials(authorization)
                    .flatMap(c -> authentication.authenticate(c[0], c[1], Authenticated.address()))
                    .map(c -> c.role() == Caller.Role.DEALER_ADMIN).orElse(false);
        } catch (Authentication.Throttled | DomainException e) {
            return false;
        }
    }
}
