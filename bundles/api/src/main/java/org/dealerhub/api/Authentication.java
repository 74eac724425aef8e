package org.dealerhub.api;

import java.time.Duration;
import java.util.Optional;

import javax.security.auth.Subject;

/**
 * Checks a user's credentials against the platform's JAAS realm and says who the user is to Dealerhub. Every
 * front end (REST, SOAP) authenticates through it, so roles and the throttling of failed logins mean the same
 * everywhere.
 */
public interface Authentication {

    /**
     * The caller, or empty when the credentials are wrong or the user has no Dealerhub role.
     *
     * @param address the network address the credentials came from (failed logins are throttled per user and per
     *        address), or null when there is none
     * @throws Throttled when too many logins failed lately for this user or from this address
     */
    Optional<Caller> authenticate(String user, String password, String address);

    /**
     * Who a subject that already logged in to the realm (a console session's) is to Dealerhub: its user name and
     * realm roles mapped as for {@link #authenticate}; empty when it has no Dealerhub role.
     */
    Optional<Caller> caller(Subject subject);

    /**
     * What a login of this user is checked against now: the realm's users files and, for a portal user, its row's
     * version. A front end that keeps a login in a session (the portal) takes the stamp before the login and checks
     * it on every request: a different stamp means the user was removed or its password or role changed since, and
     * the session ends, so a change applies at the very next request as it does for REST and SOAP.
     */
    String stamp(String user);

    /** Too many failed logins: the attempt was refused without checking the password. */
    final class Throttled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final Duration retryAfter;

        public Throttled(Duration retryAfter) {
            this(Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds()));
        }

        private Throttled(long seconds) {
            super("too many failed logins; try again in " + seconds + " s");
            this.retryAfter = Duration.ofSeconds(seconds);
        }

        /** How long until the next attempt is checked, rounded up to whole seconds. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
