package org.dealerhub.rest;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * HTTP Basic authentication for every REST call against the platform's JAAS realm, except the readiness check
 * and the API description, which carry no data. The caller travels to the resources as the request's principal.
 * Too many failed logins answer 429 with {@code Retry-After}.
 */
final class Authenticated implements ContainerRequestFilter {

    /** Public: no data; and a portal user's one-time links, which it uses without a password. */
    static final Set<String> PUBLIC = Set.of("health", "openapi.json", "docs", "password-reset");

    private final Authentication authentication;

    Authenticated(Authentication authentication) {
        this.authentication = authentication;
    }

    /** The principal a resource receives: the authenticated caller. */
    record CallerPrincipal(Caller caller) implements Principal {
        @Override
        public String getName() {
            return caller.user();
        }
    }

    static Caller caller(SecurityContext security) {
        return ((CallerPrincipal) security.getUserPrincipal()).caller();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String first = path.startsWith("/") ? path.substring(1) : path;
        int slash = first.indexOf('/');
        if (PUBLIC.contains(slash < 0 ? first : first.substring(0, slash))) {
            return;
        }
        Optional<Caller> caller;
        try {
            caller = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                    .flatMap(c -> authentication.authenticate(c[0], c[1], address()));
        } catch (Authentication.Throttled e) {
            request.abortWith(Response.fromResponse(Errors.response(429, new ApiError(e.getMessage(), null, null)))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build());
            return;
        } catch (DomainException refused) {
            // a user the realm knows but Dealerhub refuses, e.g. a customer bound ambiguously (PORTAL-ACCT-1)
            request.abortWith(Errors.of(refused));
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(Response.fromResponse(Errors.response(401,
                    new ApiError("authentication required", null, null)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"dealerhub\"").build());
            return;
        }
        CallerPrincipal principal = new CallerPrincipal(caller.get());
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal.caller().role().name().equalsIgnoreCase(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        });
    }

    /** The client's address as the connection shows it (a forwarded-for header could be forged). */
    static String address() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest r ? r.getRemoteAddr() : null;
    }

    /** User and password from a Basic Authorization header. */
    static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
