package org.dealerhub.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The API's description: the OpenAPI document generated from these resources at build time, and Swagger UI on
 * it at /api/v1/docs/. Neither needs authentication; neither carries data.
 */
@Path("")
@Hidden
public class OpenApiResource {

    private static final String BASE = "META-INF/dealerhub/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.17.14/";
    /** The files of the docs page: name to its media type and where it is in the bundle. */
    private static final Map<String, String[]> DOCS = Map.of(
            "index.html", new String[] {MediaType.TEXT_HTML, BASE + "docs/index.html"},
            "swagger-initializer.js", new String[] {"application/javascript", BASE + "docs/swagger-initializer.js"},
            "swagger-ui-bundle.js", new String[] {"application/javascript", WEBJAR + "swagger-ui-bundle.js"},
            "swagger-ui-standalone-preset.js",
            new String[] {"application/javascript", WEBJAR + "swagger-ui-standalone-preset.js"},
            "swagger-ui.css", new String[] {"text/css", WEBJAR + "swagger-ui.css"});

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        return file(BASE + "openapi.json", MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("docs")
    public Response docs() {
        return Response.seeOther(URI.create("docs/")).build();
    }

    @GET
    @Path("docs/{file:.*}")
    public Response docs(@PathParam("file") String file) {
        String name = file.isEmpty() ? "index.html" : file;
        String[] doc = DOCS.get(name);
        if (doc == null) {
            throw new javax.ws.rs.NotFoundException();
        }
        return file(doc[1], doc[0]);
    }

    private Response file(String resource, String type) {
        InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new javax.ws.rs.NotFoundException();
        }
        return Response.ok(in, type).build();
    }
}
