package org.dealerhub.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.MarketService;

import io.swagger.v3.oas.annotations.Operation;

/** The configured markets. */
@Path("markets")
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    private final MarketService markets;
    private final MarketCalendars calendars;

    MarketResource(MarketService markets, MarketCalendars calendars) {
        this.markets = markets;
        this.calendars = calendars;
    }

    @GET
    @Operation(operationId = "listMarkets")
    public List<Market> list() {
        return markets.markets();
    }

    @GET
    @Path("{market}")
    @Operation(operationId = "getMarket")
    public Market get(@PathParam("market") String code) {
        return markets.market(code).orElseThrow(() -> DomainException.notFound("market", code));
    }

    /** Working days and closed days (public holidays with their names, the dealer's own closed days). */
    @GET
    @Path("{market}/calendar")
    @Operation(operationId = "marketCalendar")
    public MarketCalendars.View calendar(@PathParam("market") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate start = from == null ? LocalDate.now(clockZone(code)) : date(from, "from");
        LocalDate end = to == null ? start.plusDays(30) : date(to, "to");
        return calendars.view(code, start, end);
    }

    private java.time.ZoneId clockZone(String code) {
        return get(code).zone();
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, field + " must be an ISO date like 2026-12-24");
        }
    }
}
