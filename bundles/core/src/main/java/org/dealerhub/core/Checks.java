package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.dealerhub.api.DomainException;

/** Input validation shared by the services: each refusal names the field. */
public final class Checks {

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

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        return value;
    }

    /** The dates the platform works with: anything outside is a typing error (platform decision). */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    /** The highest value a page counter can show (platform decision: far above any printer's lifetime). */
    static final long MAX_COUNTER = 1_000_000_000_000L;

    public static LocalDate date(LocalDate value, String field) {
        if (value != null && (value.isBefore(FIRST_DAY) || value.isAfter(LAST_DAY))) {
            throw DomainException.invalid(field, field + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return value;
    }

    static Instant instant(Instant value, String field) {
        if (value != null && (value.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !value.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            throw DomainException.invalid(field, field + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
        }
        return value;
    }

    static long range(long value, String field, long min, long max) {
        if (value < min || value > max) {
            throw DomainException.invalid(field, field + " must lie between " + min + " and " + max);
        }
        return value;
    }

    /** An id a client names: positive. */
    static long id(Long value, String field) {
        return range(required(value, field), field, 1, Long.MAX_VALUE);
    }

    static BigDecimal amount(BigDecimal value, String field, BigDecimal max, int scale) {
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw DomainException.invalid(field, field + " must lie between 0 and " + max.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw DomainException.invalid(field, field + " has more than " + scale + " decimals");
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
