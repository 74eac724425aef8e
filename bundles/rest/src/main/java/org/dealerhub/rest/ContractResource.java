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

import org.dealerhub.api.Contract;
import org.dealerhub.api.ContractService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@Path("contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final CrudResource<Contract, Contract.Draft> crud;

    ContractResource(ContractService service) {
        this.crud = new CrudResource<>(service, Contract::id, Contract::version);
    }

    @GET
    @Operation(operationId = "listContracts")
    public List<Contract> list(@Context SecurityContext security) {
        return crud.list(security);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContract", summary = "One contract, its version as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the version, e.g. \"3\""),
                    content = @Content(schema = @Schema(implementation = Contract.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response get(@Context SecurityContext security, @PathParam("id") long id) {
        return crud.get(security, id);
    }

    @POST
    @Operation(operationId = "createContract", responses = {
            @ApiResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = Contract.class)))})
    public Response create(@Context SecurityContext security, Contract.Draft draft) {
        return crud.create(security, draft);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "replaceContract", summary = "Replaces the contract if it is still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the new version"),
                    content = @Content(schema = @Schema(implementation = Contract.class))),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response update(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, Contract.Draft draft) {
        return crud.update(security, id, ifMatch, draft);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContract", summary = "Deletes the contract if it is still at the version named by If-Match", responses = {
            @ApiResponse(responseCode = "204", description = "deleted"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response delete(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the deletion is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch) {
        return crud.delete(security, id, ifMatch);
    }
}
