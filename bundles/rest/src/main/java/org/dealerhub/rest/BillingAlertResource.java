package org.dealerhub.rest;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.BillingService;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.RunningBill;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The contracts whose allowances are nearly used or overrun (BILL-ALLOW-1), for dealer users. */
@Path("billing/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class BillingAlertResource {

    private final BillingService billing;

    BillingAlertResource(BillingService billing) {
        this.billing = billing;
    }

    @GET
    @Operation(operationId = "listBillingAlerts", summary = "Contracts with allowance alerts today, by contract id",
            description = "Pages by cursor: pass the answer's next as after for the next page; next is null after"
                    + " the last. At most 2,000 contracts are looked at per page, so a page may hold fewer than"
                    + " limit and still have a next.", responses = {
            @ApiResponse(responseCode = "200", description = "a page",
                    content = @Content(schema = @Schema(implementation = RunningBill.AlertPage.class))),
            @ApiResponse(responseCode = "400", description = "after is negative"),
            @ApiResponse(responseCode = "403", description = "not a dealer user")})
    public RunningBill.AlertPage list(@Context SecurityContext security,
            @Parameter(description = "the contract id the page starts after") @QueryParam("after")
            @DefaultValue("0") long after,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        if (after < 0) {
            throw DomainException.invalid("after", "after is negative");
        }
        return billing.alerts(Authenticated.caller(security), after, limit);
    }
}
