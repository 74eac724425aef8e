package org.dealerhub.vendor.konicaminolta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.WorkFacts;
import org.junit.jupiter.api.Test;

class KonicaMinoltaCoverageRulesTest {

    private final KonicaMinoltaNorwayCoverageRule norway = new KonicaMinoltaNorwayCoverageRule();
    private final KonicaMinoltaUkraineCoverageRule ukraine = new KonicaMinoltaUkraineCoverageRule();

    private static WorkFacts work(String market, String kind, int minutes, String cause) {
        return new WorkFacts(market, "SERVICE", "REPAIR", kind, minutes, cause, Map.of());
    }

    @Test
    void KMNO_WAIT_1_waitingMoreThan15MinutesIsBillableUpTo15IsNot() {
        Coverage fifteen = norway.classify(work("NO", WorkFacts.WAITING, 15, "DEVICE"));
        assertTrue(fifteen.covered());
        assertEquals("KMNO-WAIT-1", fifteen.rule());
        Coverage sixteen = norway.classify(work("NO", WorkFacts.WAITING, 16, "DEVICE"));
        assertFalse(sixteen.covered());
        assertEquals("KMNO-WAIT-1", sixteen.rule());
    }

    @Test
    void KMNO_SUPPORT_2_userErrorsThirdPartiesAndExternalCausesAreNotCovered() {
        assertEquals(new Coverage(true, "KMNO-SUPPLY-1", norway.classify(work("NO", WorkFacts.LABOUR, 60,
                "DEVICE")).reason()), norway.classify(work("NO", WorkFacts.LABOUR, 60, "DEVICE")));
        for (String cause : new String[] {"USER_ERROR", "USER_DAMAGE", "THIRD_PARTY", "EXTERNAL"}) {
            Coverage c = norway.classify(work("NO", WorkFacts.LABOUR, 60, cause));
            assertFalse(c.covered(), cause);
            assertEquals("KMNO-SUPPORT-2", c.rule());
        }
    }

    @Test
    void KMUA_ORDER_6_damageByTheCustomersUsersIsNotCoveredEverythingElseIs() {
        Coverage damage = ukraine.classify(work("UA", WorkFacts.LABOUR, 90, "USER_DAMAGE"));
        assertFalse(damage.covered());
        assertEquals("KMUA-ORDER-6", damage.rule());
        for (String cause : new String[] {"DEVICE", "THIRD_PARTY", "EXTERNAL"}) {
            Coverage c = ukraine.classify(work("UA", WorkFacts.LABOUR, 90, cause));
            assertTrue(c.covered(), cause);
            assertEquals("KMUA-ORDER-6", c.rule());
        }
    }
}
