package org.dealerhub.rest;

import java.net.URI;
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

import org.dealerhub.api.SoftwareSupport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** A contract's named contacts, the only people software support is given to (KMUA-SW-1). */
@Path("contracts/{id}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContractContactResource {

    private final SoftwareSupport software;

    ContractContactResource(SoftwareSupport software) {
        this.software = software;
    }

    @GET
    @Operation(operationId = "listNamedContacts", summary = "The contract's named contacts (KMUA-SW-1)")
    public List<SoftwareSupport.Contact> list(@Context SecurityContext security, @PathParam("id") long id) {
        return software.contacts(Authenticated.caller(security), id);
    }

    @POST
    @Operation(operationId = "addNamedContact", summary = "Names a contact of the contract (KMUA-SW-1); with"
            + " registrationEmails false the registration e-mail is not sent to it (KMUA-SW-4); dealer users",
            responses = {
                    @ApiResponse(responseCode = "201", description = "named", content = @Content(schema = @Schema(
                            implementation = SoftwareSupport.Contact.class))),
                    @ApiResponse(responseCode = "403", description = "not a dealer user"),
                    @ApiResponse(responseCode = "404", description = "contract unknown or not visible"),
                    @ApiResponse(responseCode = "409", description = "the contract already names this e-mail")})
    public Response add(@Context SecurityContext security, @PathParam("id") long id,
            SoftwareSupport.ContactDraft draft) {
        SoftwareSupport.Contact contact = software.addContact(Authenticated.caller(security), id, draft);
        return Response.created(URI.create("contracts/" + id + "/contacts")).entity(contact).build();
    }
}
