package org.dealerhub.rest;

import java.util.ArrayList;
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

import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Meter readings of a device. POST takes one reading ({@code {"date": ..., "counters": {...}}}, answered 201 or
 * with the refusal) or a batch (a JSON array, or {@code {"readings": [...]}}, answered 200 with each item's
 * outcome).
 */
@Path("devices/{id}/meter-readings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeterReadingResource {

    /** A batch's answer: counts and each item's outcome in request order. */
    public record BatchResult(int accepted, int refused, List<MeterReading.Outcome> outcomes) {
    }

    private final MeterReadingService readings;
    private final ObjectMapper json;

    MeterReadingResource(MeterReadingService readings, ObjectMapper json) {
        this.readings = readings;
        this.json = json;
    }

    @GET
    public List<MeterReading> history(@Context SecurityContext security, @PathParam("id") long deviceId) {
        return readings.history(Authenticated.caller(security), deviceId);
    }

    @POST
    public Response submit(@Context SecurityContext security, @PathParam("id") long deviceId, JsonNode body)
            throws java.io.IOException {
        if (body == null || body.isNull()) {
            throw DomainException.invalid("body", "a reading or a batch of readings is required");
        }
        boolean batch = body.isArray() || body.has("readings");
        JsonNode items = body.isArray() ? body : body.has("readings") ? body.get("readings") : null;
        if (batch && (items == null || !items.isArray())) {
            throw DomainException.invalid("readings", "readings must be an array");
        }
        List<MeterReading.Draft> drafts = new ArrayList<>();
        if (batch) {
            for (int i = 0; i < items.size(); i++) {
                drafts.add(parse(items.get(i), "readings[" + i + "]"));
            }
        } else {
            drafts.add(parse(body, null));
        }
        List<MeterReading.Outcome> outcomes = readings.submit(Authenticated.caller(security), deviceId, drafts);
        if (!batch) {
            MeterReading.Outcome only = outcomes.get(0);
            if (!only.accepted()) {
                throw DomainException.rule(only.rule(), only.field(), only.error());
            }
            return Response.status(201).entity(only).build();
        }
        int accepted = (int) outcomes.stream().filter(MeterReading.Outcome::accepted).count();
        return Response.ok(new BatchResult(accepted, outcomes.size() - accepted, outcomes)).build();
    }

    private MeterReading.Draft parse(JsonNode node, String at) throws java.io.IOException {
        if (node == null || !node.isObject()) {
            throw DomainException.invalid(at == null ? "body" : at, "a reading must be a JSON object");
        }
        try {
            return json.treeToValue(node, MeterReading.Draft.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).reduce((a, b) -> a + "." + b).orElse(null);
            String full = at == null ? field : field == null ? at : at + "." + field;
            throw DomainException.invalid(full, "invalid value for " + (full == null ? "the reading" : full));
        }
    }
}
