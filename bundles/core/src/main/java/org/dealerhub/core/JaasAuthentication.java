package org.dealerhub.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.PortalRole;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates against a Karaf JAAS realm and maps the user's roles to a {@link Caller}:
 * {@code dealer-admin}, {@code dealer-staff}, or {@code customer} together with exactly one
 * {@code organisation-<id>} binding the user to one organisation by its id, which never changes and is never reused
 * (PORTAL-ACCT-1), and at most one portal role {@code portal-<role>} (PORTAL-ROLE-1..5; none: Administrator). Portal
 * users come from the database (the realm's JDBCLoginModule), the others from the realm's users file.
 * <p>
 * A successful login is remembered while it is used (keyed by a hash of the credentials, never the password; after
 * {@code cacheSeconds} without a request it lapses), because the realm's passwords are hashed slowly on purpose;
 * what is remembered is forgotten as soon as the realm's users file changes (a user removed, a password or role
 * changed), so a change applies to the very next request; a portal user's as soon as its row's version moves (any
 * change of it, or its removal). A realm without a users file is asked on every request.
 * <p>
 * Failed logins are throttled per user name and per address ({@link LoginThrottle}): a locked user or address is
 * refused with {@link Authentication.Throttled} before the realm is asked.
 */
@Component(configurationPid = "org.dealerhub.security")
@Designate(ocd = JaasAuthentication.Config.class)
public class JaasAuthentication implements Authentication {

    @ObjectClassDefinition(name = "Dealerhub security")
    public @interface Config {
        @AttributeDefinition(description = "JAAS realm that REST and SOAP callers log in to")
        String realm() default "karaf";

        @AttributeDefinition(description = "Seconds without a request after which a remembered login lapses (it "
                + "is forgotten at once when the realm's users file changes); 0 logs in on every request")
        int cacheSeconds() default 30;

        @AttributeDefinition(description = "Failed logins of one user name in a row (each within the window of "
                + "the one before) that lock it")
        int maxFailuresPerUser() default 5;

        @AttributeDefinition(description = "Failed logins from one address that lock it (any user names)")
        int maxFailuresPerAddress() default 20;

        @AttributeDefinition(description = "Seconds after which failures are forgotten")
        int failureWindowSeconds() default 60;

        @AttributeDefinition(description = "Seconds of the first lock; each further failure doubles it")
        int lockSeconds() default 5;

        @AttributeDefinition(description = "Longest lock in seconds")
        int maxLockSeconds() default 900;
    }

    static final String ADMIN = "dealer-admin";
    static final String STAFF = "dealer-staff";
    static final String CUSTOMER = "customer";
    static final String ORGANISATION_PREFIX = "organisation-";
    /** The binding by customer account number, which an account renumbering could move to another organisation. */
    static final String OLD_ORG_PREFIX = "org-";
    static final String PORTAL_PREFIX = "portal-";
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthentication.class);
    /** The login module option naming a properties realm's users file. */
    static final String USERS_FILE = "users";

    /** {@code portalVersion}: for a portal user, the version of its row the login was checked against. */
    private record Remembered(Caller caller, Instant until, List<Object> realmVersion, Optional<Long> portalVersion) {
    }

    /** The users files named by the realm's configuration, as read at {@code readAt}; null when one is no path. */
    private record UsersFiles(List<Path> files, Instant readAt) {
    }

    /** How long the realm's configuration is taken as read (its users files are looked at on every request). */
    private static final Duration REALM_READ = Duration.ofSeconds(1);

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private volatile UsersFiles usersFiles;
    private final Supplier<Configuration> jaas;
    private final Clock clock;
    private volatile Config config;
    private volatile LoginThrottle users;
    private volatile LoginThrottle addresses;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Store store;

    public JaasAuthentication() {
        this(Configuration::getConfiguration, Clock.systemUTC());
    }

    JaasAuthentication(Supplier<Configuration> jaas, Clock clock) {
        this.jaas = jaas;
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(Config config) {
        Duration window = Duration.ofSeconds(config.failureWindowSeconds());
        Duration lock = Duration.ofSeconds(config.lockSeconds());
        Duration maxLock = Duration.ofSeconds(config.maxLockSeconds());
        this.users = new LoginThrottle(config.maxFailuresPerUser(), window, lock, maxLock);
        this.addresses = new LoginThrottle(config.maxFailuresPerAddress(), window, lock, maxLock);
        this.config = config;
        this.usersFiles = null;
        remembered.clear();
    }

    @Override
    public Optional<Caller> authenticate(String user, String password, String address) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LoginThrottle users = this.users;
        LoginThrottle addresses = this.addresses;
        Duration locked = users.locked(user, now);
        if (address != null) {
            Duration addressLocked = addresses.locked(address, now);
            locked = addressLocked.compareTo(locked) > 0 ? addressLocked : locked;
        }
        if (!locked.isZero()) {
            throw new Throttled(locked);
        }
        Configuration realm = jaas.get();
        // read before the login: a change of the file during the login makes what it remembers stale at once
        List<Object> version = realmVersion(realm, now);
        String key = key(user, password);
        Remembered r = remembered.get(key);
        if (r != null && r.until().isAfter(now) && r.realmVersion().equals(version)
                && (r.portalVersion().isEmpty() || r.portalVersion().equals(portalVersion(user)))) {
            users.succeeded(user);
            // a client that keeps calling stays remembered (a lapse made every busy client hash its password
            // again at once, every cacheSeconds); what changes a login still forgets it at once
            Instant renewed = now.plusSeconds(config.cacheSeconds());
            if (r.until().isBefore(renewed.minusSeconds(config.cacheSeconds() / 2))) {
                remembered.replace(key, r, new Remembered(r.caller(), renewed, r.realmVersion(), r.portalVersion()));
            }
            return Optional.of(r.caller());
        }
        // read before the login, as the realm's version
        Optional<Long> portalVersion = portalVersion(user);
        Optional<Set<String>> roles = login(realm, user, password);
        if (roles.isEmpty()) {
            users.failed(user, now);
            if (address != null) {
                addresses.failed(address, now);
            }
            return Optional.empty();
        }
        users.succeeded(user);
        Optional<Caller> caller = toCaller(user, roles.get());
        boolean portal = roles.get().stream().anyMatch(role -> role.startsWith(PORTAL_PREFIX));
        if (caller.isPresent() && config.cacheSeconds() > 0 && !version.isEmpty()
                && (!portal || portalVersion.isPresent())) {
            if (remembered.size() > 10_000) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(caller.get(), now.plusSeconds(config.cacheSeconds()), version,
                    portal ? portalVersion : Optional.empty()));
        }
        return caller;
    }

    @Override
    public String stamp(String user) {
        return realmVersion(jaas.get(), clock.instant()) + "/" + portalVersion(user).map(String::valueOf).orElse("-");
    }

    /** The version of the portal user of that name, if there is one and the database is there. */
    private Optional<Long> portalVersion(String user) {
        Store store = this.store;
        return store == null ? Optional.empty() : store.read(r -> r.portalUsers().loginVersion(user));
    }

    /**
     * The version of the realm's users files: path, size and modification time of each; empty when the realm has
     * none or one cannot be read (then nothing is remembered). Which files those are is read from the realm's
     * configuration at most every {@link #REALM_READ} (asking the realm costs more than the rest of a remembered
     * login).
     */
    private List<Object> realmVersion(Configuration realm, Instant now) {
        UsersFiles known = usersFiles;
        if (known == null || !now.isBefore(known.readAt().plus(REALM_READ)) || now.isBefore(known.readAt())) {
            known = new UsersFiles(usersFiles(realm), now);
            usersFiles = known;
        }
        if (known.files() == null) {
            return List.of();
        }
        List<Object> version = new ArrayList<>();
        for (Path path : known.files()) {
            try {
                BasicFileAttributes file = Files.readAttributes(path, BasicFileAttributes.class);
                version.add(List.of(path, file.size(), file.lastModifiedTime()));
            } catch (NoSuchFileException e) {
                version.add(List.of(path));
            } catch (IOException e) {
                return List.of();
            }
        }
        return version;
    }

    /** The users files the realm's entries name; null when one is no path. */
    private List<Path> usersFiles(Configuration realm) {
        AppConfigurationEntry[] entries = realm.getAppConfigurationEntry(config.realm());
        List<Path> files = new ArrayList<>();
        for (AppConfigurationEntry entry : entries == null ? new AppConfigurationEntry[0] : entries) {
            if (entry.getOptions().get(USERS_FILE) instanceof String file) {
                try {
                    files.add(Path.of(file));
                } catch (InvalidPathException e) {
                    return null;
                }
            }
        }
        return files;
    }

    private Optional<Set<String>> login(Configuration realm, String user, String password) {
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
            }, realm);
            login.login();
        } catch (LoginException e) {
            return Optional.empty();
        }
        return Optional.of(roles(subject));
    }

    @Override
    public Optional<Caller> caller(Subject subject) {
        return subject.getPrincipals(UserPrincipal.class).stream().findFirst()
                .flatMap(user -> toCaller(user.getName(), roles(subject)));
    }

    /** The realm roles of a logged-in subject (Karaf's role principals). */
    private static Set<String> roles(Subject subject) {
        Set<String> roles = new HashSet<>();
        for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
            roles.add(p.getName());
        }
        return roles;
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
            return Optional.of(Caller.portal(user, organisation(user, roles), portalRole(user, roles)));
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

    /** PORTAL-ROLE-1..5: at most one portal role; a customer user without one is its organisation's Administrator. */
    private static PortalRole portalRole(String user, Set<String> roles) {
        List<PortalRole> portal = Arrays.stream(PortalRole.values()).filter(p -> roles.contains(p.realmRole()))
                .toList();
        if (portal.size() > 1) {
            throw refused(user, "has more than one portal role: " + portal);
        }
        return portal.isEmpty() ? PortalRole.ADMINISTRATOR : portal.get(0);
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
