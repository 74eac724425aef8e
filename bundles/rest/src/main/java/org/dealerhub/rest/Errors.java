package org.dealerhub.rest;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.dealerhub.api.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every failure leaves the API in the one error shape; no stack trace ever reaches a client. */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static Response response(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case RULE -> 422;
            case VENDOR_FAILED -> 502;
            case VENDOR_UNAVAILABLE -> 503;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
        };
    }

    /** Longest message an answer carries: a refusal never echoes large input (e.g. a 3,000-character id). */
    static final int MAX_MESSAGE = 200;

    static Response of(DomainException e) {
        String message = e.getMessage();
        return response(status(e.kind()), new ApiError(message.length() > MAX_MESSAGE
                ? message.substring(0, MAX_MESSAGE) + "..." : message, e.field(), e.rule()));
    }

    /** The path to the offending value, e.g. {@code readings[3].counters.monoA4}; null at the root. */
    static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A refusal with its own answer (a body over its cap) inside the cause chain of a parsing failure. */
    static Response refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebApplicationException w && w.getResponse().getEntity() instanceof ApiError) {
                return w.getResponse();
            }
            if (t instanceof DomainException d) {
                return of(d);
            }
        }
        return null;
    }

    /** Refusals of the domain. */
    static final class DomainMapper implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return of(e);
        }
    }

    /** Malformed JSON or a value of the wrong type: 400 naming the field. */
    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            Response refusal = refusal(e.getCause());
            if (refusal != null) {
                return refusal;
            }
            String field = e instanceof JsonMappingException m ? path(m) : null;
            String message = field == null ? "malformed JSON"
                    : e instanceof UnrecognizedPropertyException ? "unknown field " + field
                    : "invalid value for " + field;
            return response(400, new ApiError(message, field, null));
        }
    }

    /** JAX-RS's own refusals (unknown path 404, wrong method 405, unsupported type 415, ...). */
    static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Response refusal = refusal(e);
            if (refusal != null) {
                return refusal;
            }
            if (e.getCause() instanceof JsonProcessingException json) {
                return new JsonMapper().toResponse(json);
            }
            String message = status == 404 ? "not found" : e.getResponse().getStatusInfo().getReasonPhrase();
            return response(status, new ApiError(message == null ? "request refused" : message.toLowerCase(), null,
                    null));
        }
    }

    /**
     * Anything else is our fault: logged here, a plain 500 for the client. (JAX-RS picks the mapper nearest to the
     * exception's class, so refusals and JAX-RS's own errors never reach this one.)
     */
    static final class ServerErrorMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("Unexpected failure in the REST API", e);
            return response(500, new ApiError("internal error", null, null));
        }
    }
}
