package org.dealerhub.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates against a Karaf JAAS realm and maps the user's roles to a {@link Caller}:
 * {@code dealer-admin}, {@code dealer-staff}, or {@code customer} together with exactly one
 * {@code organisation-<id>} binding the user to one organisation by its id, which never changes and is never reused
 * (PORTAL-ACCT-1). A successful login is remembered briefly (keyed by a hash of the
 * credentials, never the password) so a busy integrator does not pay a realm login per request.
 */
@Component(configurationPid = "org.dealerhub.security")
@Designate(ocd = JaasAuthentication.Config.class)
public class JaasAuthentication implements Authentication {

    @ObjectClassDefinition(name = "Dealerhub security")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm that REST and SOAP callers log in to")
        String realm() default "karaf";

        @AttributeDefinition(description = "Seconds a successful login is remembered; 0 logs in on every request")
        int cacheSeconds() default 30;
    }

    static final String ADMIN = "dealer-admin";
    static final String STAFF = "dealer-staff";
    static final String CUSTOMER = "customer";
    static final String ORGANISATION_PREFIX = "organisation-";
    /** The binding by customer account number, which an account renumbering could move to another organisation. */
    static final String OLD_ORG_PREFIX = "org-";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthentication.class);

    private record Remembered(Caller caller, Instant until) {
    }

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile Config config;

    @Activate
    @Modified
    void configure(Config config) {
        this.config = config;
        remembered.clear();
    }

    @Override
    public Optional<Caller> authenticate(String user, String password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        String key = key(user, password);
        Instant now = clock.instant();
        Remembered r = remembered.get(key);
        if (r != null && r.until().isAfter(now)) {
            return Optional.of(r.caller());
        }
        Optional<Caller> caller = login(user, password).flatMap(roles -> toCaller(user, roles));
        if (caller.isPresent() && config.cacheSeconds() > 0) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(caller.get(), now.plusSeconds(config.cacheSeconds())));
        }
        return caller;
    }

    private Optional<Set<String>> login(String user, String password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(config.realm(), subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getSimpleName().equals("RolePrincipal")) {
                roles.add(p.getName());
            }
        }
        return Optional.of(roles);
    }

    /**
     * The Dealerhub caller a set of realm roles makes, if any.
     *
     * @throws DomainException FORBIDDEN (PORTAL-ACCT-1) for a customer user bound to no one organisation by id
     */
    static Optional<Caller> toCaller(String user, Set<String> roles) {
        if (roles.contains(ADMIN)) {
            return Optional.of(new Caller(user, Caller.Role.DEALER_ADMIN, Optional.empty()));
        }
        if (roles.contains(STAFF)) {
            return Optional.of(new Caller(user, Caller.Role.DEALER_STAFF, Optional.empty()));
        }
        if (roles.contains(CUSTOMER)) {
            return Optional.of(Caller.customer(user, organisation(user, roles)));
        }
        return Optional.empty();
    }

    /** PORTAL-ACCT-1: a customer user is bound to exactly one organisation, by its id. */
    private static long organisation(String user, Set<String> roles) {
        if (roles.stream().anyMatch(r -> r.startsWith(OLD_ORG_PREFIX))) {
            throw refused(user, "has an org-<customer account> role, which no longer binds a user: give it"
                    + " organisation-<organisation id> instead");
        }
        List<String> bindings = roles.stream().filter(r -> r.startsWith(ORGANISATION_PREFIX)).sorted().toList();
        if (bindings.size() != 1) {
            throw refused(user, "needs exactly one organisation-<organisation id> role, has " + bindings);
        }
        try {
            return Long.parseLong(bindings.get(0).substring(ORGANISATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw refused(user, "has an organisation role without a number: " + bindings.get(0));
        }
    }

    private static DomainException refused(String user, String why) {
        LOG.warn("Customer user {} refused (PORTAL-ACCT-1): {}", user, why);
        return new DomainException(DomainException.Kind.FORBIDDEN, "customer user " + user + " " + why, null,
                "PORTAL-ACCT-1");
    }

    private static String key(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
