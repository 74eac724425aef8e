package org.dealerhub.core;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dealerhub.api.Readiness;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.VendorCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready when every required part has registered a {@link ReadinessCheck} that says up: {@code persistence} (the
 * database answers a query and its schema is at the newest migration), {@code rest} and {@code soap} (endpoints
 * published) and, in demo mode ({@code etc/org.dealerhub.demo.cfg} present), {@code demo} (the demo data is in
 * place). The checks are asked on every question, so readiness also goes back to false when the database stops
 * answering. Vendors are not a part: one failing vendor must not take the node out of service; their health is in
 * the details. Logs the boot time, from JVM start, the first time it is ready.
 */
@Component(configurationPid = DemoData.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class ReadinessService implements Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessService.class);
    static final Set<String> REQUIRED = Set.of("persistence", "rest", "soap");
    static final String DEMO = "demo";

    private final Map<String, ReadinessCheck> checks = new ConcurrentHashMap<>();
    private final VendorCatalog vendors;
    private final ScheduledExecutorService watcher =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dealerhub-readiness"));
    private volatile Set<String> required;
    private volatile Long readyAfterMs;
    /** Demo data, once in place, stays: the part stays up while DemoData restarts (e.g. a vendor reinstalled). */
    private volatile boolean demoInPlace;

    @Activate
    public ReadinessService(@Reference VendorCatalog vendors, Map<String, Object> demo) {
        this.vendors = vendors;
        configure(demo);
        // watches until the first time everything is up, to log the boot time even when nobody asks
        watcher.scheduleWithFixedDelay(this::announceOnce, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** Demo mode is on while the demo configuration exists (and does not say {@code enabled = false}). */
    @Modified
    void configure(Map<String, Object> demo) {
        Set<String> parts = new TreeSet<>(REQUIRED);
        if (demo.containsKey("service.pid") && !"false".equals(String.valueOf(demo.get("enabled")).trim())) {
            parts.add(DEMO);
        }
        required = Set.copyOf(parts);
    }

    @Deactivate
    void stop() {
        watcher.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCheck(ReadinessCheck check, Map<String, Object> properties) {
        checks.put(String.valueOf(properties.get(ReadinessCheck.PART)), check);
    }

    void unbindCheck(ReadinessCheck check, Map<String, Object> properties) {
        checks.remove(String.valueOf(properties.get(ReadinessCheck.PART)), check);
    }

    private void announceOnce() {
        if (ready()) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            readyAfterMs = uptime;
            LOG.info("Dealerhub ready {} ms after JVM start (parts: {})", uptime, required);
            watcher.shutdown();
        }
    }

    @Override
    public boolean ready() {
        return parts().values().stream().allMatch(Boolean::booleanValue);
    }

    @Override
    public Map<String, Boolean> parts() {
        Map<String, Boolean> parts = new TreeMap<>();
        for (String part : required) {
            ReadinessCheck check = checks.get(part);
            boolean up = DEMO.equals(part) && demoInPlace || check != null && up(check);
            if (up && DEMO.equals(part)) {
                demoInPlace = true;
            }
            parts.put(part, up);
        }
        return parts;
    }

    @Override
    public Details details() {
        Map<String, String> parts = new TreeMap<>();
        for (String part : required) {
            ReadinessCheck check = checks.get(part);
            parts.put(part, check != null ? describe(check)
                    : DEMO.equals(part) && demoInPlace ? "in place" : "down: not registered yet");
        }
        return new Details(parts, vendors.health(), readyAfterMs);
    }

    private static boolean up(ReadinessCheck check) {
        try {
            return check.up();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(ReadinessCheck check) {
        try {
            return check.describe();
        } catch (RuntimeException e) {
            return "down: " + e.getMessage();
        }
    }
}
