package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.AccountHistory;
import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.ServiceOrder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * What the service centre sees beyond the customer (PORTAL-SYNC-1): an organisation's service history, payment
 * history and credit status. Dealer users only.
 */
@Path("organisations/{organisationId}/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountHistory accounts;

    AccountResource(AccountHistory accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("service-history")
    @Operation(operationId = "accountServiceHistory", summary = "The organisation's service orders, by id",
            responses = {
            @ApiResponse(responseCode = "200", description = "the orders"),
            @ApiResponse(responseCode = "403", description = "not a dealer user (PORTAL-SYNC-1)"),
            @ApiResponse(responseCode = "404", description = "unknown organisation")})
    public List<ServiceOrder> serviceHistory(@Context SecurityContext security,
            @PathParam("organisationId") long organisationId, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return accounts.serviceHistory(Authenticated.caller(security), organisationId, offset, limit);
    }

    @GET
    @Path("payments")
    @Operation(operationId = "accountPaymentHistory", summary = "The invoices issued to the organisation with their"
            + " totals, newest first", responses = {
            @ApiResponse(responseCode = "200", description = "the invoices"),
            @ApiResponse(responseCode = "403", description = "not a dealer user (PORTAL-SYNC-1)"),
            @ApiResponse(responseCode = "404", description = "unknown organisation")})
    public List<CreditStatus.Payment> payments(@Context SecurityContext security,
            @PathParam("organisationId") long organisationId, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return accounts.paymentHistory(Authenticated.caller(security), organisationId, offset, limit);
    }

    @GET
    @Path("credit-status")
    @Operation(operationId = "accountCreditStatus", summary = "Invoiced totals per currency and debt holds"
            + " (KMUA-DEBT-1)", responses = {
            @ApiResponse(responseCode = "200", description = "the status",
                    content = @Content(schema = @Schema(implementation = CreditStatus.class))),
            @ApiResponse(responseCode = "403", description = "not a dealer user (PORTAL-SYNC-1)"),
            @ApiResponse(responseCode = "404", description = "unknown organisation")})
    public CreditStatus creditStatus(@Context SecurityContext security,
            @PathParam("organisationId") long organisationId) {
        return accounts.creditStatus(Authenticated.caller(security), organisationId);
    }
}
