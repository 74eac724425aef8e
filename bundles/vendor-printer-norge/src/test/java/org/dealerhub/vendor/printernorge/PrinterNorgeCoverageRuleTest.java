package org.dealerhub.vendor.printernorge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.WorkFacts;
import org.junit.jupiter.api.Test;

class PrinterNorgeCoverageRuleTest {

    private final PrinterNorgeCoverageRule rule = new PrinterNorgeCoverageRule();

    private Coverage labour(String cause) {
        return rule.classify(new WorkFacts("NO", "OPERATING", "REPAIR", WorkFacts.LABOUR, 45, cause, Map.of()));
    }

    @Test
    void PN_FAULT_1_aFaultCausedByThePrinterIsCovered() {
        assertEquals(new Coverage(true, "PN-FAULT-1", labour("DEVICE").reason()), labour("DEVICE"));
    }

    @Test
    void PN_FAULT_2_thirdPartiesAndCausesOutsideThePrinterSolutionAreNotCovered() {
        for (String cause : new String[] {"THIRD_PARTY", "EXTERNAL"}) {
            assertEquals(false, labour(cause).covered(), cause);
            assertEquals("PN-FAULT-2", labour(cause).rule(), cause);
        }
    }

    @Test
    void PN_FAULT_3_userErrorsAndOwnRepairsAreNotCoveredAlsoWhenWaitingForThem() {
        assertEquals("PN-FAULT-3", labour("USER_ERROR").rule());
        assertEquals(false, labour("USER_DAMAGE").covered());
        Coverage waiting = rule.classify(new WorkFacts("NO", "OPERATING", "REPAIR", WorkFacts.WAITING, 10,
                "USER_ERROR", Map.of()));
        assertEquals(new Coverage(false, "PN-FAULT-3", waiting.reason()), waiting);
    }
}
