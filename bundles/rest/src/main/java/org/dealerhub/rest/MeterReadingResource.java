package org.dealerhub.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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

import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    public Response submit(@Context SecurityContext security, @PathParam("id") long deviceId,
            @RequestBody(description = "one reading {date, counters}, or a batch {readings: [...]} or [...]",
                    content = @Content(schema = @Schema(implementation = Submission.class))) InputStream body)
            throws IOException {
        Submission submission = parse(body);
        boolean batch = submission.readings() != null;
        List<MeterReading.Draft> drafts = batch ? submission.readings()
                : List.of(new MeterReading.Draft(submission.date(), submission.counters()));
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

    /** One reading ({@code date}, {@code counters}) or a batch ({@code readings}), never both. */
    public record Submission(List<MeterReading.Draft> readings, LocalDate date, Counters counters) {
    }

    /** Parses in one pass; a JSON array is a batch too. Errors name the field, e.g. readings[3].date. */
    private Submission parse(InputStream body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw DomainException.invalid("body", "a reading or a batch of readings is required");
            }
            if (first == JsonToken.START_ARRAY) {
                return new Submission(json.readerForListOf(MeterReading.Draft.class).readValue(parser), null, null);
            }
            Submission s = json.readValue(parser, Submission.class);
            if (s.readings() != null && (s.date() != null || s.counters() != null)) {
                throw DomainException.invalid("readings", "send either one reading or a batch of readings");
            }
            if (s.readings() != null && s.readings().stream().anyMatch(java.util.Objects::isNull)) {
                throw DomainException.invalid("readings", "a batch may not contain null readings");
            }
            return s;
        } catch (JsonMappingException e) {
            String path = Errors.path(e);
            String field = path == null ? "body" : path.startsWith("[") ? "readings" + path : path;
            throw DomainException.invalid(field, "invalid value for " + field);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", "malformed JSON");
        }
    }
}
