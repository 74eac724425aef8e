package org.dealerhub.rest;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.OrderOperations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Remote monitoring (KMUA-CHAN-1, KMUA-ORDER-3): what devices report by themselves, sent by an integration. */
@Path("monitoring/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MonitoringResource {

    private final OrderOperations operations;

    MonitoringResource(OrderOperations operations) {
        this.operations = operations;
    }

    @POST
    @Operation(operationId = "recordMonitoringEvent", summary = "Records a device's event: a diagnosable fault opens"
            + " a repair order by itself (KMUA-ORDER-3), counters become a meter reading (PORTAL-METER-1..3)",
            description = "`decision`: OPENED (a REPAIR order, channel MONITORING), ALREADY_OPEN (an open repair"
                    + " order for the device and error code exists: retries and concurrent callers open one order),"
                    + " NOT_DIAGNOSABLE (noise, smell, image shift, streaks: never an order), NO_FAULT (no error"
                    + " code), NO_CONTRACT (no contract covers the device today). A refused reading is reported in"
                    + " `reading`; the event is recorded all the same. Dealer users (e.g. the monitoring"
                    + " integration's user); customers 403.", responses = {
            @ApiResponse(responseCode = "201", description = "recorded",
                    content = @Content(schema = @Schema(implementation = MonitoringEvent.Outcome.class))),
            @ApiResponse(responseCode = "400", description = "malformed event, the field named"),
            @ApiResponse(responseCode = "403", description = "a customer's user"),
            @ApiResponse(responseCode = "404", description = "device unknown")})
    public Response record(@Context SecurityContext security, MonitoringEvent event) {
        MonitoringEvent.Outcome outcome = operations.record(Authenticated.caller(security), event);
        return Response.created(URI.create("monitoring/events/" + outcome.id())).entity(outcome).build();
    }
}
