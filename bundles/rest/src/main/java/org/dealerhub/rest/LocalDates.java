package org.dealerhub.rest;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * ISO dates as Jackson's own deserializer reads them, with a shortcut for the usual form: a string of exactly
 * {@code yyyy-MM-dd} that is a valid date becomes that date without the formatter's general parsing (about a third
 * of a meter-reading batch's parsing). Anything else, an invalid day included, takes Jackson's way, so every
 * refusal stays as it is.
 */
final class LocalDates extends LocalDateDeserializer {
    private static final long serialVersionUID = 1L;

    LocalDates() {
        super(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private LocalDates(LocalDates base, Boolean leniency) {
        super(base, leniency);
    }

    @Override
    protected LocalDateDeserializer withLeniency(Boolean leniency) {
        return new LocalDates(this, leniency);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (_formatter == DateTimeFormatter.ISO_LOCAL_DATE && p.hasToken(JsonToken.VALUE_STRING)
                && p.getTextLength() == 10) {
            char[] text = p.getTextCharacters();
            int at = p.getTextOffset();
            int year = digits(text, at, 4);
            int month = digits(text, at + 5, 2);
            int day = digits(text, at + 8, 2);
            if (year >= 0 && month >= 0 && day >= 0 && text[at + 4] == '-' && text[at + 7] == '-') {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException invalid) {
                    // e.g. 2026-02-30: refused the usual way below
                }
            }
        }
        return super.deserialize(p, ctxt);
    }

    /** The value of {@code n} decimal digits at {@code at}, or -1 when one is no digit. */
    private static int digits(char[] text, int at, int n) {
        int value = 0;
        for (int i = at; i < at + n; i++) {
            char c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }
}
