package org.dealerhub.vendor.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.WorkFacts;
import org.junit.jupiter.api.Test;

class CanonCoverageRuleTest {

    private final CanonCoverageRule rule = new CanonCoverageRule();

    private Coverage work(String kind, String cause) {
        return rule.classify(new WorkFacts("NO", "PLUS", "REPAIR", kind, 30, cause, Map.of()));
    }

    @Test
    void CANON_PKG_2_serviceAndPartsOnTheDeviceAreIncluded() {
        Coverage c = work(WorkFacts.LABOUR, "DEVICE");
        assertTrue(c.covered());
        assertEquals("CANON-PKG-2", c.rule());
    }

    @Test
    void CANON_DMS_2_aRequestCausedOutsideCanonsResponsibilityIsBilledHourly() {
        for (String cause : new String[] {"THIRD_PARTY", "USER_ERROR", "USER_DAMAGE", "EXTERNAL"}) {
            for (String kind : new String[] {WorkFacts.LABOUR, WorkFacts.WAITING}) {
                Coverage c = work(kind, cause);
                assertFalse(c.covered(), cause + " " + kind);
                assertEquals("CANON-DMS-2", c.rule());
            }
        }
    }
}
