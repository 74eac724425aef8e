package org.dealerhub.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.RunningBill;

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
    private final ContractService contracts;
    private final BillingService billing;

    ContractResource(ContractService service, BillingService billing) {
        this.crud = new CrudResource<>(service, Contract::id, Contract::version);
        this.contracts = service;
        this.billing = billing;
    }

    /** A contract's agreed billing terms: names and values the vendor's billing policy defines. */
    public record BillingTerms(Map<String, String> billingTerms) {
    }

    @GET
    @Path("{id}/billing-terms")
    @Operation(operationId = "getContractBillingTerms", summary = "The contract's agreed billing terms, its version"
            + " as the ETag", responses = {
            @ApiResponse(responseCode = "200", description = "found", headers = @Header(name = "ETag", description = "the contract's version"),
                    content = @Content(schema = @Schema(implementation = BillingTerms.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response billingTerms(@Context SecurityContext security, @PathParam("id") long id) {
        Caller caller = Authenticated.caller(security);
        Contract contract = contracts.get(caller, id);
        return Preconditions.tagged(new BillingTerms(contracts.billingTerms(caller, id)), contract.version());
    }

    @PUT
    @Path("{id}/billing-terms")
    @Operation(operationId = "replaceContractBillingTerms", summary = "Replaces the contract's billing terms if it"
            + " is still at the version named by If-Match (dealer users)", description = "Names: a letter, then at"
            + " most 59 letters, digits, '.', '_' or '-'; values: 1 to 200 characters; at most 50 terms; an empty"
            + " object clears them. The contract's version moves on.", responses = {
            @ApiResponse(responseCode = "200", description = "changed", headers = @Header(name = "ETag", description = "the contract's new version"),
                    content = @Content(schema = @Schema(implementation = BillingTerms.class))),
            @ApiResponse(responseCode = "400", description = "a name or value is invalid"),
            @ApiResponse(responseCode = "403", description = "not a dealer user"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible"),
            @ApiResponse(responseCode = "412", description = "changed since that version: GET it again"),
            @ApiResponse(responseCode = "428", description = "If-Match is missing")})
    public Response replaceBillingTerms(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the ETag of the version the change is based on", required = true)
            @HeaderParam(Preconditions.IF_MATCH) String ifMatch, BillingTerms terms) {
        Caller caller = Authenticated.caller(security);
        long version = Preconditions.version(ifMatch, () -> contracts.get(caller, id));
        Contract changed = contracts.setBillingTerms(caller, id, version, terms == null ? null : terms.billingTerms());
        return Preconditions.tagged(new BillingTerms(contracts.billingTerms(caller, id)), changed.version());
    }

    @GET
    @Path("{id}/invoice-preview")
    @Operation(operationId = "previewContractInvoice", summary = "What the contract's next invoice would be if"
            + " billed up to the date; nothing is written", responses = {
            @ApiResponse(responseCode = "200", description = "the outcome: INVOICED with the invoice, UNCHANGED,"
                    + " DEFERRED or PARKED with the reason",
                    content = @Content(schema = @Schema(implementation = InvoiceResource.Preview.class))),
            @ApiResponse(responseCode = "400", description = "date missing or invalid"),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public InvoiceResource.Preview preview(@Context SecurityContext security, @PathParam("id") long id,
            @Parameter(description = "the last day billed, e.g. 2026-01-31", required = true)
            @QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("date", "date must be an ISO date like 2026-01-31");
        }
        return InvoiceResource.Preview.of(billing.preview(Authenticated.caller(security), id, day));
    }

    @GET
    @Path("{id}/running-bill")
    @Operation(operationId = "getContractRunningBill", summary = "What the contract's invoice would be today from"
            + " its live meters, with each allowance used, forecast to its period's end and alerted", description =
            "The forecast is what is used plus the recent average per day (the last 90 measured days) times the days"
            + " left; its excess is priced at today's price. Alerts: NEARLY_USED (the configured percent of a cap,"
            + " default 90), FORECAST_OVERRUN, OVERRUN, FORECAST_SHORTFALL (a minimum volume), each with its rule.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the running bill",
                            content = @Content(schema = @Schema(implementation = RunningBill.class))),
                    @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public RunningBill runningBill(@Context SecurityContext security, @PathParam("id") long id) {
        return billing.runningBill(Authenticated.caller(security), id);
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
