package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@Path("contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractResource {

    private final CrudResource<Contract, Contract.Draft> crud;

    ContractResource(ContractService service) {
        this.crud = new CrudResource<>(service, Contract::id);
    }

    @GET
    @Operation(operationId = "listContracts")
    public List<Contract> list(@Context SecurityContext security) {
        return crud.list(security);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContract")
    public Contract get(@Context SecurityContext security, @PathParam("id") long id) {
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
    @Operation(operationId = "replaceContract")
    public Contract update(@Context SecurityContext security, @PathParam("id") long id, Contract.Draft draft) {
        return crud.update(security, id, draft);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContract", responses = {
            @ApiResponse(responseCode = "204", description = "deleted")})
    public Response delete(@Context SecurityContext security, @PathParam("id") long id) {
        return crud.delete(security, id);
    }
}
