package org.dealerhub.core;

import org.dealerhub.api.DomainException;

/** Input validation shared by the services: each refusal names the field. */
final class Checks {

    private Checks() {
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, field + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw DomainException.invalid(field, field + " is longer than " + max + " characters");
        }
        return trimmed;
    }

    static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    static <T> T draft(T draft) {
        if (draft == null) {
            throw DomainException.invalid("body", "a request body is required");
        }
        return draft;
    }
}
