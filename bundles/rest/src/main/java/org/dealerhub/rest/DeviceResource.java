package org.dealerhub.rest;

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

import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@Path("devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService devices;
    private final CrudResource<Device, Device.Draft> crud;

    DeviceResource(DeviceService service) {
        this.devices = service;
        this.crud = new CrudResource<>(service, Device::id, Device::version);
    }

    @GET
    @Operation(operationId = "listDevices")
    public List<Device> list(@Context SecurityContext security) {
        return crud.list(security);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDevice", summary = "One device, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version, e.g. \"3\""),
                    content = @Content(schema = @Schema(implementation = Device.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response get(@Context SecurityContext security, @PathParam("id") long id) {
        return crud.get(security, id);
    }

    @POST
    @Operation(operationId = "createDevice", responses = {
            @ApiResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = Device.class)))})
    public Response create(@Context SecurityContext security, Device.Draft draft) {
        return crud.create(security, draft);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceDevice", summary = "Replaces the device if it is still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = Device.class))),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response update(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, Device.Draft draft) {
        return crud.update(security, id, ifMatch, draft);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDevice", summary = "Deletes the device if it is still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response delete(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the deletion is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return crud.delete(security, id, ifMatch);
    }

    @POST
    @Path("{id}/transfers")
    @Operation(operationId = "transferDevice", summary = "Transfers the device to another organisation from a date on (dealer users)",
            description = "Everything before the date (meter readings, ...) stays with the organisation that owned"
                    + " the device then. Refused (422, PORTAL-ACCT-1) while a contract of the current owner that"
                    + " includes the device runs on or after the date.", responses = {
            @ApiResponse(responseCode = "201", description = "the new period of ownership",
                    content = @Content(schema = @Schema(implementation = Device.Ownership.class))),
            @ApiResponse(responseCode = "422", description = "refused by PORTAL-ACCT-1")})
    public Response transfer(@Context SecurityContext security, @PathParam("id") long id, Device.Transfer transfer) {
        return Response.status(Response.Status.CREATED)
                .entity(devices.transfer(Authenticated.caller(security), id, transfer)).build();
    }

    @GET
    @Path("{id}/transfers")
    @Operation(operationId = "deviceTransfers", summary = "The device's owners over time, oldest first (a customer sees its own periods)")
    public List<Device.Ownership> transfers(@Context SecurityContext security, @PathParam("id") long id) {
        return devices.ownership(Authenticated.caller(security), id);
    }
}
