package org.dealerhub.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.modules.EncryptionService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.PortalUserService;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Portal users, stored in the database and logging in through the platform's JAAS realm (Karaf's JDBCLoginModule,
 * added to the realm by the dealerhub-jaas bundle) with PBKDF2 password hashes like the realm's users file.
 * <p>
 * Who manages users: dealer users, and the organisation's Administrators, who may also grant Administrator
 * (PORTAL-ROLE-1); a device manager cannot create Administrators or device managers (PORTAL-ROLE-2) and, as a
 * platform decision, manages no users at all; the other roles see no user. An organisation that has a portal
 * Administrator keeps one: it is the primary contact (PORTAL-ROLE-5). Writes of one organisation's users are
 * decided one after the other (the organisation's row lock), so two Administrators demoting each other at once
 * cannot leave none. A user's e-mail address is required (PORTAL-USER-1) and changed by dealer users only
 * ("goes through customer service").
 * <p>
 * An invited user has no password until it follows the link e-mailed to it; a forgotten password is reset the same
 * way. A link carries a random token (256 bits) of which only the SHA-256 is stored; it expires and works once.
 * The e-mail goes through the outbox in the same transaction.
 */
@Component(configurationPid = "org.dealerhub.portal")
@Designate(ocd = PortalUserServiceImpl.Config.class)
public class PortalUserServiceImpl implements PortalUserService {

    @ObjectClassDefinition(name = "Dealerhub portal users")
    public @interface Config {
        @AttributeDefinition(description = "Where the links in invitation and password-reset e-mails point to")
        String baseUrl() default "http://localhost:8181";

        @AttributeDefinition(description = "Hours an invitation link is valid")
        int invitationHours() default 72;

        @AttributeDefinition(description = "Minutes a password-reset link is valid")
        int resetMinutes() default 60;
    }

    /** The realm's {@code encryption.prefix} (etc/org.apache.karaf.jaas.cfg). */
    static final String HASH_PREFIX = "{PBKDF2}";
    static final int MIN_PASSWORD = 10;
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final Store store;
    private final EncryptionService encryption;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Config config;

    @Activate
    public PortalUserServiceImpl(@Reference Store store,
            @Reference(target = "(name=pbkdf2)") EncryptionService encryption, @Reference Clock clock,
            Config config) {
        this.store = store;
        this.encryption = encryption;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public List<PortalUser> list(Caller caller, long organisationId) {
        return store.read(r -> {
            List<PortalUser> users = r.portalUsers().list(caller, organisationId);
            requireManager(caller);
            return users;
        });
    }

    @Override
    public PortalUser get(Caller caller, long organisationId, long userId) {
        return store.read(r -> {
            PortalUser user = r.portalUsers().find(caller, organisationId, userId)
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            requireManager(caller);
            return user;
        });
    }

    @Override
    public PortalUser invite(Caller caller, long organisationId, PortalUser.Draft draft) {
        Checks.draft(draft);
        String name = userName(draft.userName());
        String email = email(draft.email());
        PortalRole role = role(draft.role());
        List<Long> devices = devices(role, draft.deviceIds());
        Instant now = clock.instant();
        String token = token();
        return store.tx(r -> {
            r.portalUsers().list(caller, organisationId);
            requireGrant(caller, role);
            PortalUser user = r.portalUsers().create(caller, organisationId,
                    new PortalUser.Draft(name, email, role, devices), now);
            r.portalUsers().resetToken(user.id(), hash(token), now.plus(Duration.ofHours(config.invitationHours())));
            r.outbox().enqueue(email, "Your Dealerhub portal user " + name,
                    "You were invited to the Dealerhub customer portal as " + name + " (" + role + ") by "
                            + caller.user() + ".\n\nSet your password within " + config.invitationHours()
                            + " hours: POST {\"password\":\"...\"} to\n" + link(token) + "\n",
                    now);
            return r.portalUsers().find(caller, organisationId, user.id()).orElseThrow();
        });
    }

    @Override
    public PortalUser change(Caller caller, long organisationId, long userId, long version, PortalUser.Change change) {
        Objects.requireNonNull(change, "change");
        PortalRole role = role(change.role());
        List<Long> devices = devices(role, change.deviceIds());
        String email = change.email() == null ? null : email(change.email());
        return store.tx(r -> {
            PortalUser user = r.portalUsers().find(caller, organisationId, userId)
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            requireGrant(caller, role);
            requireGrant(caller, user.role());
            if (email != null && !email.equalsIgnoreCase(user.email()) && !caller.isDealer()) {
                throw new DomainException(DomainException.Kind.FORBIDDEN, "a user's e-mail address is corrected by"
                        + " customer service", "email", "PORTAL-USER-1");
            }
            PortalUser changed = r.portalUsers().update(caller, organisationId, userId, version,
                    new PortalUser.Change(role, devices, email == null ? user.email() : email));
            keepPrimaryContact(r, caller, organisationId, user);
            return changed;
        });
    }

    @Override
    public void remove(Caller caller, long organisationId, long userId, long version) {
        Instant now = clock.instant();
        store.tx(r -> {
            PortalUser user = r.portalUsers().find(caller, organisationId, userId)
                    .orElseThrow(() -> DomainException.notFound("user", userId));
            requireGrant(caller, user.role());
            r.portalUsers().remove(caller, organisationId, userId, version, now);
            keepPrimaryContact(r, caller, organisationId, user);
            return null;
        });
    }

    @Override
    public void requestPasswordReset(String email) {
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            throw DomainException.invalid("email", "an e-mail address");
        }
        Instant now = clock.instant();
        store.tx(r -> {
            for (PortalUser user : r.portalUsers().withEmail(email)) {
                String token = token();
                r.portalUsers().resetToken(user.id(), hash(token), now.plus(Duration.ofMinutes(config.resetMinutes())));
                r.outbox().enqueue(user.email(), "Reset your Dealerhub portal password",
                        "Someone asked to reset the password of the Dealerhub portal user " + user.userName()
                                + ".\n\nSet a new one within " + config.resetMinutes() + " minutes: POST"
                                + " {\"password\":\"...\"} to\n" + link(token)
                                + "\n\nIf it was not you, ignore this message: your password stays as it is.\n",
                        now);
            }
            return null;
        });
    }

    @Override
    public void resetPassword(String token, String password) {
        if (token == null || token.length() > 100) {
            throw DomainException.notFound("link", "");
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw DomainException.invalid("password", "a password of " + MIN_PASSWORD + " to 200 characters");
        }
        String stored = HASH_PREFIX + encryption.createEncryption(Map.of()).encryptPassword(password);
        Instant now = clock.instant();
        store.tx(r -> r.portalUsers().usePasswordToken(hash(token), stored, now))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND,
                        "this link is unknown, used or expired: ask for a new one", "token", null));
    }

    /** Who may see and manage an organisation's users at all (it reaches the organisation). */
    private static void requireManager(Caller caller) {
        if (!caller.isDealer() && caller.portalRole() != PortalRole.ADMINISTRATOR) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "only the organisation's Administrators"
                    + " manage its users", null, "PORTAL-ROLE-1");
        }
    }

    /** PORTAL-ROLE-1, -2: who may grant (or take away) a role. */
    private static void requireGrant(Caller caller, PortalRole role) {
        if (!caller.isDealer() && caller.portalRole().managesDevices()
                && (role == PortalRole.ADMINISTRATOR || role.managesDevices())) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "a device manager cannot create"
                    + " Administrators or device managers", "role", "PORTAL-ROLE-2");
        }
        requireManager(caller);
    }

    /** PORTAL-ROLE-5: an organisation with a portal Administrator keeps one, its primary contact. */
    private static void keepPrimaryContact(Repositories r, Caller caller, long organisationId, PortalUser before) {
        if (before.role() == PortalRole.ADMINISTRATOR && r.portalUsers().list(caller, organisationId).stream()
                .noneMatch(u -> u.role() == PortalRole.ADMINISTRATOR)) {
            throw DomainException.rule("PORTAL-ROLE-5", "role", "the organisation's last Administrator is its"
                    + " primary contact: make another user Administrator first");
        }
    }

    private static String userName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw DomainException.invalid("userName", "3 to 100 letters, digits and . _ @ -, starting with a letter"
                    + " or digit");
        }
        return name;
    }

    /** PORTAL-USER-1: no portal user without an e-mail address. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw DomainException.rule("PORTAL-USER-1", "email", "an e-mail address is required to register a"
                    + " portal user; without one, orders go by phone");
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw DomainException.invalid("email", "not an e-mail address");
        }
        return email;
    }

    private static PortalRole role(PortalRole role) {
        if (role == null) {
            throw DomainException.invalid("role", "a role is required");
        }
        return role;
    }

    /** PORTAL-ROLE-2: devices are assigned to device managers only. */
    private static List<Long> devices(PortalRole role, List<Long> deviceIds) {
        List<Long> devices = deviceIds == null ? List.of() : deviceIds.stream().distinct().toList();
        if (devices.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("deviceIds", "a device id is required");
        }
        if (!devices.isEmpty() && !role.managesDevices()) {
            throw DomainException.invalid("deviceIds", "devices are assigned to device managers only");
        }
        return devices;
    }

    /** The page a person opens from the e-mail (the portal's; it posts to the same reset flow). */
    private String link(String token) {
        return config.baseUrl().replaceAll("/+$", "") + "/portal/password-reset/" + token;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
