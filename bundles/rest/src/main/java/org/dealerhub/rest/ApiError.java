package org.dealerhub.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape of the REST API: {@code {"error": "...", "field": "...", "rule": "PORTAL-METER-1"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String rule) {
}
