package org.dealerhub.vendor.printernorge;

import static org.dealerhub.core.calendar.BusinessCalendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.core.calendar.BusinessCalendars;
import org.dealerhub.core.calendar.MarketCalendar;
import org.junit.jupiter.api.Test;

class PrinterNorgeResponseTimeRuleTest {

    private final PrinterNorgeResponseTimeRule rule = new PrinterNorgeResponseTimeRule();
    private final MarketCalendar oslo = BusinessCalendars.norway();

    private ResponseDeadline deadline(Instant at, Map<String, String> facts) {
        return rule.deadline(new OrderFacts("NO", "OPERATING", at, facts), oslo);
    }

    @Test
    void PN_FAULT_1_responseTimePerContractInBusinessHours() {
        // Friday 14:00-16:00 is 2 hours, Monday 08:00-10:00 the other 2
        ResponseDeadline d = deadline(at(oslo, 2026, 11, 20, 14, 0), Map.of("reactionHours", "4"));
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)), d.deadline());
        assertEquals(at(oslo, 2026, 11, 20, 14, 0), d.clockStart());
        assertEquals("PN-FAULT-1", d.rule());
        // after hours the clock starts at the next opening; a closed Monday is skipped
        MarketCalendar mondayClosed = BusinessCalendars.norway(LocalDate.of(2026, 11, 23));
        ResponseDeadline late = rule.deadline(new OrderFacts("NO", "OPERATING", at(mondayClosed, 2026, 11, 20, 17, 0),
                Map.of("reactionHours", "0.5")), mondayClosed);
        assertEquals(at(mondayClosed, 2026, 11, 24, 8, 0), late.clockStart());
        assertEquals(Optional.of(at(mondayClosed, 2026, 11, 24, 8, 30)), late.deadline());
    }

    @Test
    void PN_FAULT_1_noFigureWithoutTheContractsReactionHours() {
        ResponseDeadline d = deadline(at(oslo, 2026, 11, 20, 14, 0), Map.of());
        assertEquals(Optional.empty(), d.deadline());
        assertTrue(d.reason().contains("per contract, not given"), d.reason());
        assertEquals("PN-FAULT-1", d.rule());
    }

    @Test
    void PN_FAULT_1_malformedReactionHoursNameTheFact() {
        for (String bad : new String[] {"soon", "0", "-1", "9000", " ", "0.00001"}) {
            ResponseDeadline d = deadline(at(oslo, 2026, 11, 20, 14, 0), Map.of("reactionHours", bad));
            assertEquals(Optional.empty(), d.deadline(), bad);
            assertTrue(d.reason().contains("reactionHours"), d.reason());
        }
    }

    @Test
    void PN_FAULT_1_onlyTheOperatingAgreement() {
        assertEquals(Set.of("OPERATING"), rule.packageCodes());
        assertEquals("printer-norge", rule.vendorId());
        assertEquals(rule.packageCodes(), Set.of(new PrinterNorgeVendor().packages("NO").get(0).code()));
        assertThrows(IllegalArgumentException.class,
                () -> rule.deadline(new OrderFacts("NO", "SERVICE", at(oslo, 2026, 11, 20, 14, 0), Map.of()), oslo));
    }
}
