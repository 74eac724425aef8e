package org.dealerhub.rest;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Instants in the ISO-8601 forms integrators send: {@code 2026-04-01T14:00:00Z}, {@code 2026-04-01T14:00Z},
 * {@code 2026-04-01T14:00+02:00}, with or without seconds and fractions, {@code Z} or an offset. Only a string
 * with an offset is an instant: a number, or a local date-time without offset, is refused.
 */
final class Instants extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Instants() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getText().trim();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text.length() > 40 ? text.substring(0, 40)
                    : text, "expected an ISO-8601 date-time with offset, e.g. 2026-04-01T14:00+02:00");
        }
    }
}
