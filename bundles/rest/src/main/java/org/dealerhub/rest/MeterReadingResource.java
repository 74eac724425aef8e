package org.dealerhub.rest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
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
    @Operation(operationId = "meterReadingHistory")
    public List<MeterReading> history(@Context SecurityContext security, @PathParam("id") long deviceId) {
        return readings.history(Authenticated.caller(security), deviceId);
    }

    @POST
    @Operation(operationId = "submitMeterReadings", responses = {
            @ApiResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = MeterReading.Outcome.class))),
            @ApiResponse(responseCode = "200", description = "ok", content = @Content(schema = @Schema(implementation = BatchResult.class)))})
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
    public record Submission(Readings readings, LocalDate date, Counters counters) {
    }

    /** A batch, read one reading at a time and refused at the first reading over the cap. */
    @JsonDeserialize(using = Readings.Reader.class)
    @io.swagger.v3.oas.annotations.media.ArraySchema(maxItems = MeterReadingService.MAX_BATCH,
            schema = @Schema(implementation = MeterReading.Draft.class))
    public static final class Readings extends ArrayList<MeterReading.Draft> {
        private static final long serialVersionUID = 1L;

        static final class Reader extends StdDeserializer<Readings> {
            private static final long serialVersionUID = 1L;

            Reader() {
                super(Readings.class);
            }

            @Override
            public Readings deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.isExpectedStartArrayToken()) {
                    return (Readings) ctxt.handleUnexpectedToken(Readings.class, p);
                }
                Readings readings = new Readings();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (readings.size() == MeterReadingService.MAX_BATCH) {
                        throw DomainException.invalid("readings", "at most " + MeterReadingService.MAX_BATCH
                                + " readings per request");
                    }
                    if (p.hasToken(JsonToken.VALUE_NULL)) {
                        throw DomainException.invalid("readings[" + readings.size() + "]", "a reading is required");
                    }
                    try {
                        readings.add(ctxt.readValue(p, MeterReading.Draft.class));
                    } catch (JsonMappingException e) {
                        throw JsonMappingException.wrapWithPath(e, readings, readings.size());
                    }
                }
                return readings;
            }
        }
    }

    /** Parses in one pass; a JSON array is a batch too. Errors name the field, e.g. readings[3].date. */
    Submission parse(InputStream body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw DomainException.invalid("body", "a reading or a batch of readings is required");
            }
            if (first == JsonToken.START_ARRAY) {
                return new Submission(json.readValue(parser, Readings.class), null, null);
            }
            Submission s = json.readValue(parser, Submission.class);
            if (s.readings() != null && (s.date() != null || s.counters() != null)) {
                throw DomainException.invalid("readings", "send either one reading or a batch of readings");
            }
            return s;
        } catch (JsonMappingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException || cause instanceof WebApplicationException) {
                    throw (RuntimeException) cause;
                }
            }
            String path = Errors.path(e);
            String field = path == null ? "body" : path.startsWith("[") ? "readings" + path : path;
            throw DomainException.invalid(field, "invalid value for " + field);
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", "malformed JSON");
        }
    }
}
