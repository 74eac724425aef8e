package org.dealerhub.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.VendorHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call into a vendor bundle's code goes through here. A vendor that throws never takes the core down: what
 * it throws (a {@link RuntimeException}, a {@link LinkageError} such as {@link NoClassDefFoundError} from a bundle
 * being removed, any other {@link Error} but a {@link VirtualMachineError}) becomes a
 * {@link DomainException.Kind#VENDOR_FAILED} (502) or, when its code cannot be loaded or it was removed meanwhile,
 * {@link DomainException.Kind#VENDOR_UNAVAILABLE} (503), with field {@code vendor}. Each failure is counted in the
 * vendor's health figures and logged once per vendor and kind (operation and exception class) with its stack
 * trace, later ones at debug level, so a failing vendor cannot flood the log. The figures live exactly as long as
 * the vendor is registered.
 */
final class VendorCalls {

    private static final Logger LOG = LoggerFactory.getLogger(VendorCalls.class);
    private static final int MAX_ERROR_LENGTH = 300;

    /** One vendor's figures; counters are atomic, the last failure is swapped whole. */
    private static final class Figures {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();
        volatile boolean healthy = true;
        volatile Failure last;
    }

    private record Failure(Instant at, String error) {
    }

    private final Map<String, Figures> figures = new ConcurrentHashMap<>();
    private final Clock clock;

    VendorCalls(Clock clock) {
        this.clock = clock;
    }

    /** Starts counting for a vendor that was registered. */
    void open(String vendorId) {
        figures.putIfAbsent(vendorId, new Figures());
    }

    /** Forgets a vendor that was removed: nothing of it stays behind. */
    void close(String vendorId) {
        figures.remove(vendorId);
    }

    /**
     * Runs vendor code. A {@link DomainException} the vendor throws is its own refusal in the one error shape and
     * passes unchanged.
     *
     * @param what what was asked, as in "vendor canon failed to {what}"
     */
    <T> T call(String vendorId, String what, Supplier<T> work) {
        Figures f = figures.get(vendorId);
        if (f != null) {
            f.calls.incrementAndGet();
        }
        try {
            T result = work.get();
            if (f != null) {
                f.healthy = true;
            }
            return result;
        } catch (DomainException | VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            throw failed(vendorId, what, f, e);
        }
    }

    private DomainException failed(String vendorId, String what, Figures f, Throwable e) {
        String error = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH) + "...";
        }
        if (f != null) {
            f.failures.incrementAndGet();
            f.healthy = false;
            f.last = new Failure(clock.instant(), error);
        }
        if (f == null || f.loggedKinds.add(what + " " + e.getClass().getName())) {
            LOG.error("Vendor {} failed to {}: {} (logged once per kind; every failure counts in /health)",
                    vendorId, what, error, e);
        } else {
            LOG.debug("Vendor {} failed to {} again: {}", vendorId, what, error);
        }
        // its classes cannot be loaded (a bundle being removed or refreshed), or it was removed during the call
        boolean unavailable = e instanceof LinkageError || figures.get(vendorId) != f;
        return unavailable
                ? DomainException.vendor(DomainException.Kind.VENDOR_UNAVAILABLE, vendorId,
                        "vendor " + vendorId + " is unavailable right now and could not " + what)
                : DomainException.vendor(DomainException.Kind.VENDOR_FAILED, vendorId,
                        "vendor " + vendorId + " failed to " + what);
    }

    List<VendorHealth> health() {
        return figures.entrySet().stream()
                .map(e -> {
                    Figures f = e.getValue();
                    Failure last = f.last;
                    return new VendorHealth(e.getKey(), f.healthy, f.calls.get(), f.failures.get(),
                            last == null ? null : last.at(), last == null ? null : last.error());
                })
                .sorted(Comparator.comparing(VendorHealth::vendor))
                .toList();
    }
}
