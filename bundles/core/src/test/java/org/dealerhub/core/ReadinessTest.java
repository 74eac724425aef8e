package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dealerhub.api.Readiness;
import org.dealerhub.api.ReadinessCheck;
import org.junit.jupiter.api.Test;

/** Readiness means something: the database answers a query at the newest schema, and demo mode waits for its data. */
class ReadinessTest {

    private static Map<String, Object> part(String name) {
        return Map.of(ReadinessCheck.PART, name);
    }

    @Test
    void theStoreIsUpOnlyWhileTheDatabaseAnswersAtTheNewestSchema() throws Exception {
        TestPlatform platform = new TestPlatform();
        ReadinessCheck store = (ReadinessCheck) platform.store;
        assertTrue(store.up());
        assertTrue(store.describe().matches("database answers, schema version \\d+"), store.describe());
        platform.close();
        assertFalse(store.up());
        assertTrue(store.describe().startsWith("down: "), store.describe());
    }

    @Test
    void inDemoModeTheDemoDataIsAPartAndOnceInPlaceItStays() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            ReadinessService readiness = new ReadinessService(platform.vendors,
                    Map.of("service.pid", DemoData.PID, "enabled", "true"));
            try {
                readiness.bindCheck((ReadinessCheck) platform.store, part("persistence"));
                readiness.bindCheck(() -> true, part("rest"));
                readiness.bindCheck(() -> true, part("soap"));
                assertFalse(readiness.ready(), "demo data not registered yet");
                assertEquals("down: not registered yet", readiness.details().parts().get("demo"));
                AtomicBoolean seeded = new AtomicBoolean();
                ReadinessCheck demo = seeded::get;
                readiness.bindCheck(demo, part("demo"));
                assertFalse(readiness.ready(), "demo data still being seeded");
                seeded.set(true);
                assertTrue(readiness.ready());
                // DemoData restarting (a bundled vendor reinstalled) does not take the node out of service
                readiness.unbindCheck(demo, part("demo"));
                assertTrue(readiness.ready());
                Readiness.Details details = readiness.details();
                assertEquals("in place", details.parts().get("demo"));
                assertTrue(details.parts().get("persistence").startsWith("database answers"));
            } finally {
                readiness.stop();
            }
        }
    }

    @Test
    void withoutDemoModeTheDemoDataIsNoPartAndAVendorIsNeverOne() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            ReadinessService readiness = new ReadinessService(platform.vendors, Map.of("component.name", "x"));
            try {
                assertFalse(readiness.ready());
                readiness.bindCheck((ReadinessCheck) platform.store, part("persistence"));
                readiness.bindCheck(() -> true, part("rest"));
                readiness.bindCheck(() -> false, part("soap"));
                assertEquals(Map.of("persistence", true, "rest", true, "soap", false), readiness.parts());
                readiness.bindCheck(() -> true, part("soap"));
                assertTrue(readiness.ready());
            } finally {
                readiness.stop();
            }
        }
    }
}
