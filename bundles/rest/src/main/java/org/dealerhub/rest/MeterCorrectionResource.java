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

import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterCorrections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The service centre's corrections of a device's meter history (PORTAL-METER-4), each audited: who, when, the old
 * and new values and the reason. Whoever reads the device's history reads its corrections.
 */
@Path("devices/{id}/meter-corrections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeterCorrectionResource {

    private final MeterCorrections corrections;

    MeterCorrectionResource(MeterCorrections corrections) {
        this.corrections = corrections;
    }

    @GET
    @Operation(operationId = "listMeterCorrections", summary = "The device's corrections, oldest first", responses = {
            @ApiResponse(responseCode = "200", description = "the corrections"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible device")})
    public List<MeterCorrection> list(@Context SecurityContext security, @PathParam("id") long deviceId) {
        return corrections.list(Authenticated.caller(security), deviceId);
    }

    @POST
    @Operation(operationId = "correctMeterReading", summary = "Dealer users: changes the counters or date of the"
            + " reading of {date}, or voids it, with a reason", responses = {
            @ApiResponse(responseCode = "201", description = "corrected and audited",
                    content = @Content(schema = @Schema(implementation = MeterCorrection.class))),
            @ApiResponse(responseCode = "400", description = "malformed input, the field named"),
            @ApiResponse(responseCode = "403", description = "not a dealer user (PORTAL-METER-4)"),
            @ApiResponse(responseCode = "404", description = "unknown device, or no reading on that date"),
            @ApiResponse(responseCode = "422", description = "the history would break PORTAL-METER-1 or -2")})
    public Response correct(@Context SecurityContext security, @PathParam("id") long deviceId,
            MeterCorrection.Draft draft) {
        return Response.status(Response.Status.CREATED)
                .entity(corrections.correct(Authenticated.caller(security), deviceId, draft)).build();
    }
}
