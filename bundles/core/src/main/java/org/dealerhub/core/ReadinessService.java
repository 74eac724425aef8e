package org.dealerhub.core;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dealerhub.api.Readiness;
import org.dealerhub.api.ReadinessCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ready when persistence, REST, SOAP and the vendor registry have each registered a {@link ReadinessCheck} that
 * says up. Logs the boot time, from JVM start, the first time it becomes ready.
 */
@Component
public class ReadinessService implements Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessService.class);
    static final Set<String> REQUIRED = Set.of("persistence", "vendors", "rest", "soap");

    private final Map<String, ReadinessCheck> checks = new ConcurrentHashMap<>();
    private final AtomicBoolean announced = new AtomicBoolean();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCheck(ReadinessCheck check, Map<String, Object> properties) {
        checks.put(String.valueOf(properties.get(ReadinessCheck.PART)), check);
        if (ready() && announced.compareAndSet(false, true)) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            LOG.info("Dealerhub ready {} ms after JVM start", uptime);
        }
    }

    void unbindCheck(ReadinessCheck check, Map<String, Object> properties) {
        checks.remove(String.valueOf(properties.get(ReadinessCheck.PART)), check);
    }

    @Override
    public boolean ready() {
        return parts().values().stream().allMatch(Boolean::booleanValue);
    }

    @Override
    public Map<String, Boolean> parts() {
        Map<String, Boolean> parts = new TreeMap<>();
        for (String part : REQUIRED) {
            ReadinessCheck check = checks.get(part);
            parts.put(part, check != null && check.up());
        }
        return parts;
    }
}
