package org.dealerhub.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.ws.rs.core.Response;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.Organisation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

class ErrorsTest {

    @Test
    void eachKindOfRefusalHasItsStatusAndTheOneErrorShape() {
        Response r = Errors.of(DomainException.rule("PORTAL-METER-1", "monoA4", "monoA4 is lower"));
        assertEquals(422, r.getStatus());
        assertEquals(new ApiError("monoA4 is lower", "monoA4", "PORTAL-METER-1"), r.getEntity());
        assertEquals(400, Errors.status(DomainException.Kind.INVALID));
        assertEquals(403, Errors.status(DomainException.Kind.FORBIDDEN));
        assertEquals(404, Errors.status(DomainException.Kind.NOT_FOUND));
        assertEquals(409, Errors.status(DomainException.Kind.CONFLICT));
        Response vendor = Errors.of(DomainException.vendor(DomainException.Kind.VENDOR_FAILED, "acme",
                "vendor acme failed to list its packages"));
        assertEquals(502, vendor.getStatus());
        assertEquals(new ApiError("vendor acme failed to list its packages", "vendor", null), vendor.getEntity());
        assertEquals(503, Errors.status(DomainException.Kind.VENDOR_UNAVAILABLE));
        assertEquals(412, Errors.status(DomainException.Kind.PRECONDITION_FAILED));
        assertEquals(428, Errors.status(DomainException.Kind.PRECONDITION_REQUIRED));
    }

    @Test
    void aRefusalNeverEchoesLargeInput() {
        Response r = Errors.of(DomainException.notFound("market", "x".repeat(3000)));
        assertTrue(((ApiError) r.getEntity()).error().length() < 250);
    }

    @Test
    void badJsonNamesTheFieldAndNeverLeaksInternals() {
        Response unknown = parse("{\"name\":\"A\",\"bogus\":1}");
        assertEquals(400, unknown.getStatus());
        assertEquals(new ApiError("unknown field bogus", "bogus", null), unknown.getEntity());
        Response broken = parse("{\"name\":");
        assertEquals(new ApiError("malformed JSON", null, null), broken.getEntity());
        Response unexpected = new Errors.ServerErrorMapper().toResponse(new IllegalStateException("secret detail"));
        assertEquals(500, unexpected.getStatus());
        assertTrue(!unexpected.getEntity().toString().contains("secret"));
    }

    private static Response parse(String json) {
        try {
            RestServer.objectMapper().readValue(json, Organisation.Draft.class);
            throw new AssertionError("parsed " + json);
        } catch (JsonProcessingException e) {
            return new Errors.JsonMapper().toResponse(e);
        }
    }

    @Test
    void basicCredentialsAreReadOrRefused() {
        String header = "Basic " + Base64.getEncoder().encodeToString("ann:pa:ss".getBytes(StandardCharsets.UTF_8));
        String[] credentials = Authenticated.credentials(header).orElseThrow();
        assertEquals("ann", credentials[0]);
        assertEquals("pa:ss", credentials[1]);
        assertTrue(Authenticated.credentials("Bearer x").isEmpty());
        assertTrue(Authenticated.credentials("Basic !!!").isEmpty());
        assertTrue(Authenticated.credentials(null).isEmpty());
    }
}
