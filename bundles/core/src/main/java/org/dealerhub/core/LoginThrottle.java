package org.dealerhub.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted per key (a user name, an address). From the {@code limit}-th failure on, each one
 * within {@code window} of the one before, the key is locked: the first lock lasts {@code firstLock}, and each
 * further failure doubles it up to {@code maxLock}. A locked key's attempts are refused without reaching the
 * realm and do not count. A success forgets the key; failures are forgotten one window after the last failure
 * or the end of its lock. Thread-safe: every change of a key is one atomic {@code compute}.
 */
final class LoginThrottle {

    private record State(int failures, Instant last, Instant lockedUntil) {
    }

    private static final int MAX_KEYS = 100_000;

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final int limit;
    private final Duration window;
    private final Duration firstLock;
    private final Duration maxLock;

    LoginThrottle(int limit, Duration window, Duration firstLock, Duration maxLock) {
        this.limit = limit;
        this.window = window;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    /** How much longer the key stays locked at {@code now}; zero when it is not locked. */
    Duration locked(String key, Instant now) {
        State s = states.get(key);
        return s == null || !now.isBefore(s.lockedUntil()) ? Duration.ZERO : Duration.between(now, s.lockedUntil());
    }

    void failed(String key, Instant now) {
        if (states.size() > MAX_KEYS) {
            states.values().removeIf(s -> forgotten(s, now));
        }
        states.compute(key, (k, s) -> {
            int failures = s == null || forgotten(s, now) ? 1 : s.failures() + 1;
            Instant until = failures < limit ? now : now.plus(lock(failures - limit));
            return new State(failures, now, s != null && s.lockedUntil().isAfter(until) ? s.lockedUntil() : until);
        });
    }

    void succeeded(String key) {
        states.remove(key);
    }

    private boolean forgotten(State s, Instant now) {
        Instant last = s.lockedUntil().isAfter(s.last()) ? s.lockedUntil() : s.last();
        return now.isAfter(last.plus(window));
    }

    private Duration lock(int beyondLimit) {
        Duration lock = firstLock;
        for (int i = 0; i < beyondLimit && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) < 0 ? lock : maxLock;
    }
}
