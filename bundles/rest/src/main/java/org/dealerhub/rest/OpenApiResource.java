package org.dealerhub.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** Placeholder replaced by the generated OpenAPI document. */
@Path("openapi.json")
public class OpenApiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() {
        return "{}";
    }
}
