package org.dealerhub.api;

/**
 * The one refusal every front end translates: REST to {@code {"error","field","rule"}} with a status from
 * {@link Kind}, SOAP to a fault with the same text, the console to the same message.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** Malformed or missing input: 400. */
        INVALID,
        /** Visible to the caller, but its role may not do this: 403. */
        FORBIDDEN,
        /** Unknown, or not visible to the caller: 404. */
        NOT_FOUND,
        /** Conflicts with existing data, e.g. a duplicate: 409. */
        CONFLICT,
        /** Well-formed, but a business rule refuses it: 422. */
        RULE,
        /** A vendor bundle's code failed (threw) while answering: 502, field {@code vendor}. */
        VENDOR_FAILED,
        /** A vendor bundle cannot answer right now, e.g. it is being removed or its classes are gone: 503. */
        VENDOR_UNAVAILABLE,
        /** A write based on a version that is no longer current (a lost update prevented): 412. */
        PRECONDITION_FAILED,
        /** A write to an existing record without the version it was based on: 428. */
        PRECONDITION_REQUIRED
    }

    /** The most of a client's own value a message repeats. */
    private static final int MAX_ECHO = 24;

    private final Kind kind;
    private final String field;
    private final String rule;

    public DomainException(Kind kind, String message, String field, String rule) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID, message, field, null);
    }

    /** Not found (or not visible); an id the client sent is named, but never more than its first 24 characters. */
    public static DomainException notFound(String what, Object id) {
        String named = String.valueOf(id);
        if (named.length() > MAX_ECHO) {
            named = named.substring(0, MAX_ECHO) + "…";
        }
        return new DomainException(Kind.NOT_FOUND, what + " " + named + " not found", null, null);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message, null, null);
    }

    public static DomainException conflict(String field, String message) {
        return new DomainException(Kind.CONFLICT, message, field, null);
    }

    public static DomainException rule(String rule, String field, String message) {
        return new DomainException(Kind.RULE, message, field, rule);
    }

    /** A vendor's failure, named by its id; the field is always {@code vendor}. */
    public static DomainException vendor(Kind kind, String vendorId, String message) {
        return new DomainException(kind, message, "vendor", null);
    }

    /** The record changed since the caller read {@code expected}: reread and try again. */
    public static DomainException stale(String what, Object id, long expected) {
        return new DomainException(Kind.PRECONDITION_FAILED, what + " " + id + " has changed since version "
                + expected + ": read it again", "If-Match", null);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field the refusal is about, or null. */
    public String field() {
        return field;
    }

    /** The DOMAIN.md rule id that refused, or null for plain validation. */
    public String rule() {
        return rule;
    }

    /** One line for consoles and logs: the message, then field and rule when known. */
    public String describe() {
        StringBuilder sb = new StringBuilder(getMessage());
        if (field != null) {
            sb.append(" [field: ").append(field).append(']');
        }
        if (rule != null) {
            sb.append(" [rule: ").append(rule).append(']');
        }
        return sb.toString();
    }
}
