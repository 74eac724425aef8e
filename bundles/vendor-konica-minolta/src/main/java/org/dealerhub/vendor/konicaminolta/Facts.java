package org.dealerhub.vendor.konicaminolta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.dealerhub.api.spi.ResponseDeadline;

/**
 * Reading order facts without throwing: a bad fact gives an empty value, and the rule answers "no deadline" with a
 * reason naming the fact.
 */
final class Facts {

    /** The most hours a fact may give (one year): more is taken as a typing error, not as a promise. */
    static final int MAX_HOURS = 8_760;

    private Facts() {
    }

    /** A decimal number of hours, 0 < hours <= {@value #MAX_HOURS}, as a duration (to the second). */
    static Optional<Duration> hours(String raw) {
        return number(raw).filter(h -> h.signum() > 0 && h.compareTo(BigDecimal.valueOf(MAX_HOURS)) <= 0)
                .map(h -> Duration.ofSeconds(h.multiply(BigDecimal.valueOf(3_600))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact()))
                .filter(d -> !d.isZero());
    }

    /** A decimal number, e.g. {@code 12} or {@code 12.5}. */
    static Optional<BigDecimal> number(String raw) {
        try {
            return Optional.of(new BigDecimal(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code true} or {@code false}, any case. */
    static Optional<Boolean> bool(String raw) {
        String v = key(raw);
        return v.equals("true") ? Optional.of(true) : v.equals("false") ? Optional.of(false) : Optional.empty();
    }

    /** An ISO-8601 instant, e.g. {@code 2026-11-20T09:30:00Z} or {@code 2026-11-20T11:30:00+02:00}. */
    static Optional<Instant> instant(String raw) {
        try {
            return Optional.of(Instant.parse(raw.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A fact value as a lookup key: trimmed, lower case. */
    static String key(String raw) {
        return raw.trim().toLowerCase(Locale.ROOT);
    }

    /** A fact value quoted for a reason, shortened when long. */
    static String quote(String raw) {
        return "'" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'";
    }

    /** Hours for a reason, e.g. {@code hoursText(d, "business")}: "8 business hours", "1 business hour". */
    static String hoursText(Duration d, String kind) {
        BigDecimal h = BigDecimal.valueOf(d.getSeconds()).divide(BigDecimal.valueOf(3_600), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return h.toPlainString() + " " + kind + (h.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
    }

    static ResponseDeadline none(Instant clockStart, String reason, String rule) {
        return new ResponseDeadline(Optional.empty(), clockStart, reason, rule);
    }

    static ResponseDeadline at(Instant deadline, Instant clockStart, String reason, String rule) {
        return new ResponseDeadline(Optional.of(deadline), clockStart, reason, rule);
    }
}
