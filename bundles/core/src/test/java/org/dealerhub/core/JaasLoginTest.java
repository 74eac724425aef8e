package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JaasAuthentication} against Karaf's real properties login module on a users file: what it remembers is
 * forgotten when the file changes, and failed logins are throttled per user and per address.
 */
class JaasLoginTest {

    @TempDir
    Path dir;
    private Path users;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T10:00:00Z"));
    private JaasAuthentication authentication;
    /** How often the realm was asked for its modules: once per request, more when the request logs in. */
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void realm() throws Exception {
        users = dir.resolve("users.properties");
        Files.writeString(users, "anna = anna-pw,dealer-admin\nbob = bob-pw,dealer-staff\n");
        Configuration realm = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                lookups.incrementAndGet();
                return new AppConfigurationEntry[] {new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of(JaasAuthentication.USERS_FILE, users.toString()))};
            }
        };
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        authentication = new JaasAuthentication(() -> realm, clock);
        authentication.configure(config(30));
    }

    @Test
    void aRemovedUserIsRefusedOnTheNextRequestThoughItsLoginWasRemembered() throws Exception {
        assertEquals(Caller.Role.DEALER_STAFF, authentication.authenticate("bob", "bob-pw", "10.0.0.1")
                .orElseThrow().role());
        assertTrue(authentication.authenticate("bob", "bob-pw", "10.0.0.1").isPresent(), "remembered");
        Files.writeString(users, "anna = anna-pw,dealer-admin\n");
        assertTrue(authentication.authenticate("bob", "bob-pw", "10.0.0.1").isEmpty());
        assertTrue(authentication.authenticate("anna", "anna-pw", "10.0.0.1").isPresent());
    }

    @Test
    void aLoginInUseStaysRememberedAndLapsesAfterCacheSecondsIdle() {
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
        for (int i = 1; i <= 4; i++) {
            now.set(now.get().plusSeconds(20));
            int before = lookups.get();
            assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
            assertEquals(before + 1, lookups.get(), "remembered " + 20 * i + " s after the login, no new login");
        }
        now.set(now.get().plusSeconds(31));
        int before = lookups.get();
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
        assertTrue(lookups.get() > before + 1, "idle for 31 s: logged in again");
    }

    @Test
    void aChangedPasswordOrRoleAppliesToTheNextRequest() throws Exception {
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
        Files.writeString(users, "anna = anna-pw,dealer-admin\nbob = bob-new,dealer-admin\n");
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isEmpty());
        assertEquals(Caller.Role.DEALER_ADMIN, authentication.authenticate("bob", "bob-new", null)
                .orElseThrow().role());
    }

    /** The portal keeps a login in its session while this stamp stays the same (the row version part: PortalIT). */
    @Test
    void theStampOfALoginMovesWhenTheUsersFileChanges() throws Exception {
        String before = authentication.stamp("bob");
        assertEquals(before, authentication.stamp("bob"), "nothing changed");
        Files.writeString(users, "anna = anna-pw,dealer-admin\nbob = bob-pw,dealer-admin\n");
        Files.setLastModifiedTime(users, FileTime.from(now.get().plusSeconds(60)));
        assertNotEquals(before, authentication.stamp("bob"), "bob's role changed");
    }

    @Test
    void fiveFailuresLockTheUserForAGrowingDelayAndASuccessForgetsThem() {
        for (int i = 0; i < 4; i++) {
            assertTrue(authentication.authenticate("bob", "wrong", "10.0.0.1").isEmpty());
        }
        // a success before the limit forgets the failures
        assertTrue(authentication.authenticate("bob", "bob-pw", "10.0.0.1").isPresent());
        for (int i = 0; i < 5; i++) {
            assertTrue(authentication.authenticate("bob", "wrong", "10.0.0.2").isEmpty());
        }
        Authentication.Throttled locked = assertThrows(Authentication.Throttled.class,
                () -> authentication.authenticate("bob", "bob-pw", "10.0.0.3"));
        assertEquals(Duration.ofSeconds(5), locked.retryAfter());
        // other users are not affected, from any address
        assertTrue(authentication.authenticate("anna", "anna-pw", "10.0.0.2").isPresent());

        now.set(now.get().plusSeconds(5));
        assertTrue(authentication.authenticate("bob", "wrong", "10.0.0.2").isEmpty());
        assertEquals(Duration.ofSeconds(10), assertThrows(Authentication.Throttled.class,
                () -> authentication.authenticate("bob", "bob-pw", null)).retryAfter());
        now.set(now.get().plusSeconds(10));
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
        assertTrue(authentication.authenticate("bob", "wrong", null).isEmpty());
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent(), "forgotten after a success");
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 4; i++) {
            assertTrue(authentication.authenticate("bob", "wrong", null).isEmpty());
        }
        now.set(now.get().plusSeconds(61));
        assertTrue(authentication.authenticate("bob", "wrong", null).isEmpty());
        assertTrue(authentication.authenticate("bob", "bob-pw", null).isPresent());
    }

    @Test
    void manyUserNamesTriedFromOneAddressLockTheAddressOnly() {
        for (int i = 0; i < 20; i++) {
            assertTrue(authentication.authenticate("guess" + i, "wrong", "10.6.6.6").isEmpty());
        }
        assertThrows(Authentication.Throttled.class, () -> authentication.authenticate("anna", "anna-pw", "10.6.6.6"));
        assertTrue(authentication.authenticate("anna", "anna-pw", "10.0.0.1").isPresent());
    }

    @Test
    void concurrentWrongPasswordsAreThrottledAndNeverLockOutAnotherUser() throws Exception {
        int threads = 8;
        int attempts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        try {
            List<Future<?>> attackers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                attackers.add(pool.submit(() -> {
                    for (int i = 0; i < attempts; i++) {
                        try {
                            assertTrue(authentication.authenticate("anna", "guess" + i, "10.6.6.6").isEmpty());
                            wrong.incrementAndGet();
                        } catch (Authentication.Throttled e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            Future<Integer> other = pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < attempts; i++) {
                    ok += authentication.authenticate("bob", "bob-pw", "10.0.0.7").isPresent() ? 1 : 0;
                }
                return ok;
            });
            for (Future<?> f : attackers) {
                f.get();
            }
            assertEquals(attempts, other.get(), "the other user always got in");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * attempts, refused.get() + wrong.get());
        // at most the limit plus what was already in flight when the lock fell reached the realm
        assertTrue(wrong.get() <= 5 + threads - 1, wrong.get() + " wrong passwords checked");
        assertTrue(authentication.authenticate("bob", "bob-pw", "10.0.0.7").isPresent());
    }

    static JaasAuthentication.Config config(int cacheSeconds) {
        return new JaasAuthentication.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JaasAuthentication.Config.class;
            }

            @Override
            public String realm() {
                return "karaf";
            }

            @Override
            public int cacheSeconds() {
                return cacheSeconds;
            }

            @Override
            public int maxFailuresPerUser() {
                return 5;
            }

            @Override
            public int maxFailuresPerAddress() {
                return 20;
            }

            @Override
            public int failureWindowSeconds() {
                return 60;
            }

            @Override
            public int lockSeconds() {
                return 5;
            }

            @Override
            public int maxLockSeconds() {
                return 900;
            }
        };
    }
}
