package org.dealerhub.rest;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.dealerhub.api.Readiness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/** The readiness check: no authentication, no data; 200 when ready, 503 until then. */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    public record Health(String status, Map<String, Boolean> parts) {
    }

    private final Readiness readiness;

    HealthResource(Readiness readiness) {
        this.readiness = readiness;
    }

    @GET
    @Operation(operationId = "health", responses = {
            @ApiResponse(responseCode = "200", description = "ok", content = @Content(schema = @Schema(implementation = Health.class))),
            @ApiResponse(responseCode = "503", description = "starting", content = @Content(schema = @Schema(implementation = Health.class)))})
    public Response health() {
        boolean ready = readiness.ready();
        return Response.status(ready ? 200 : 503)
                .entity(new Health(ready ? "ready" : "starting", readiness.parts())).build();
    }
}
