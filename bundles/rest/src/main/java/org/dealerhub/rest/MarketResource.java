package org.dealerhub.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketService;

/** The configured markets. */
@Path("markets")
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    private final MarketService markets;

    MarketResource(MarketService markets) {
        this.markets = markets;
    }

    @GET
    public List<Market> list() {
        return markets.markets();
    }

    @GET
    @Path("{market}")
    public Market get(@PathParam("market") String code) {
        return markets.market(code).orElseThrow(() -> DomainException.notFound("market", code));
    }
}
