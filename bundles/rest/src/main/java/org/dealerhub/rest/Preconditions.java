package org.dealerhub.rest;

import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

import org.dealerhub.api.DomainException;

/**
 * Optimistic locking over HTTP: a record's version is its ETag ({@code "3"}); a PUT or DELETE of an existing
 * record names the version it was based on in {@code If-Match}. Without one: 428; not a version: 400; a version
 * that is no longer current: 412 (decided by the core and the database, so two writers of one version never both
 * succeed).
 */
final class Preconditions {

    static final String IF_MATCH = "If-Match";

    private Preconditions() {
    }

    static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** A 200 answer carrying the record and its version as the ETag. */
    static Response tagged(Object entity, long version) {
        return Response.ok(entity).tag(tag(version)).build();
    }

    /** The version an If-Match header names: {@code "3"} (also {@code W/"3"} or {@code 3}). */
    static long version(String ifMatch) {
        try {
            return Long.parseLong(tag(ifMatch));
        } catch (NumberFormatException e) {
            throw DomainException.invalid(IF_MATCH, "If-Match must be one ETag as GET answered it, like \"3\"");
        }
    }

    /**
     * The version If-Match names, for a change of a record {@code lookUp} reads as the caller. Without If-Match the
     * record is looked up first, so one the caller may not see answers 404 (never a hint that it exists) and only a
     * visible one answers 428.
     */
    static long version(String ifMatch, Runnable lookUp) {
        if (ifMatch == null) {
            lookUp.run();
        }
        return version(ifMatch);
    }

    /** The one entity tag an If-Match header names, without quotes. */
    static String tag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "a change of an existing record"
                    + " needs If-Match with the ETag of the version it is based on (GET it first)", IF_MATCH, null);
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        if (tag.isEmpty() || tag.contains("\"") || tag.contains(",")) {
            throw DomainException.invalid(IF_MATCH, "If-Match must be one ETag as GET answered it");
        }
        return tag;
    }
}
