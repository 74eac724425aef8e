package org.dealerhub.vendor.canon;

import static org.dealerhub.core.calendar.BusinessCalendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.core.calendar.BusinessCalendars;
import org.dealerhub.core.calendar.MarketCalendar;
import org.junit.jupiter.api.Test;

class CanonResponseTimeRuleTest {

    private final CanonResponseTimeRule rule = new CanonResponseTimeRule();
    private final MarketCalendar oslo = BusinessCalendars.norway();

    private ResponseDeadline deadline(String packageCode, Instant registeredAt, MarketCalendar calendar) {
        return rule.deadline(new OrderFacts("NO", packageCode, registeredAt, Map.of()), calendar);
    }

    @Test
    void CANON_PKG_1_nextBusinessDayDeadline() {
        // Friday 15:59 is still in opening hours: the clock starts Friday, the deadline is Monday's close
        ResponseDeadline d = deadline("STANDARD", at(oslo, 2026, 11, 20, 15, 59), oslo);
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 16, 0)), d.deadline());
        assertEquals(at(oslo, 2026, 11, 20, 15, 59), d.clockStart());
        assertEquals("CANON-PKG-1", d.rule());
    }

    @Test
    void CANON_PKG_1_atClosingTheClockStartsNextBusinessDay() {
        // PORTAL-SLA-1: Friday 16:00 is after hours, the clock starts Monday 08:00, the deadline is Tuesday's close
        ResponseDeadline d = deadline("STANDARD", at(oslo, 2026, 11, 20, 16, 0), oslo);
        assertEquals(at(oslo, 2026, 11, 23, 8, 0), d.clockStart());
        assertEquals(Optional.of(at(oslo, 2026, 11, 24, 16, 0)), d.deadline());
    }

    @Test
    void CANON_PKG_1_weekendAndHolidaysAreSkipped() {
        ResponseDeadline saturday = deadline("STANDARD", at(oslo, 2026, 11, 21, 10, 0), oslo);
        assertEquals(at(oslo, 2026, 11, 23, 8, 0), saturday.clockStart());
        assertEquals(Optional.of(at(oslo, 2026, 11, 24, 16, 0)), saturday.deadline());

        MarketCalendar mondayClosed = BusinessCalendars.norway(LocalDate.of(2026, 11, 23));
        assertEquals(Optional.of(at(mondayClosed, 2026, 11, 24, 16, 0)),
                deadline("STANDARD", at(mondayClosed, 2026, 11, 20, 15, 59), mondayClosed).deadline());
    }

    @Test
    void CANON_PKG_3_plusSixBusinessHoursOverTheWeekend() {
        // Friday 14:00-16:00 is 2 hours, Monday 08:00-12:00 the other 4
        ResponseDeadline d = deadline("PLUS", at(oslo, 2026, 11, 20, 14, 0), oslo);
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 12, 0)), d.deadline());
        assertEquals("CANON-PKG-3", d.rule());
    }

    @Test
    void CANON_PKG_3_premiumFourBusinessHours() {
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)),
                deadline("PREMIUM", at(oslo, 2026, 11, 20, 14, 0), oslo).deadline());
        // ending exactly at the closing ends there, not at the next opening
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 16, 0)),
                deadline("PREMIUM", at(oslo, 2026, 11, 23, 12, 0), oslo).deadline());
        // before opening the clock starts at the opening the same day
        ResponseDeadline early = deadline("PREMIUM", at(oslo, 2026, 11, 23, 7, 30), oslo);
        assertEquals(at(oslo, 2026, 11, 23, 8, 0), early.clockStart());
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 12, 0)), early.deadline());
    }

    @Test
    void CANON_PKG_3_plusAcrossTheDaylightSavingChange() {
        // summer time starts Sunday 29 March 2026: Friday 14:00 CET to Monday 12:00 CEST is 69 wall-clock hours
        Instant friday = at(oslo, 2026, 3, 27, 14, 0);
        ResponseDeadline d = deadline("PLUS", friday, oslo);
        assertEquals(Optional.of(at(oslo, 2026, 3, 30, 12, 0)), d.deadline());
        assertEquals(Duration.ofHours(69), Duration.between(friday, d.deadline().orElseThrow()));
    }

    @Test
    void CANON_HOURS_1_sameRulesInDenmark() {
        MarketCalendar copenhagen = BusinessCalendars.denmark();
        ResponseDeadline d = rule.deadline(
                new OrderFacts("DK", "PLUS", at(copenhagen, 2026, 11, 20, 14, 0), Map.of()), copenhagen);
        assertEquals(Optional.of(at(copenhagen, 2026, 11, 23, 12, 0)), d.deadline());
    }

    @Test
    void CANON_PKG_1_rulePackagesMatchThePackageDefinitions() {
        assertEquals(Set.of("STANDARD", "PLUS", "PREMIUM"), rule.packageCodes());
        assertEquals("canon", rule.vendorId());
        for (ServicePackage p : new CanonPackages().packages("NO")) {
            assertEquals(CanonPackages.RESPONSE.get(p.code()), p.response(), p.code());
        }
    }

    @Test
    void CANON_PKG_1_unknownPackageCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> deadline("GOLD", at(oslo, 2026, 11, 20, 10, 0), oslo));
    }

    @Test
    void CANON_PKG_1_factsAreIgnored() {
        ResponseDeadline d = rule.deadline(new OrderFacts("NO", "STANDARD", at(oslo, 2026, 11, 20, 10, 0),
                Map.of("category", "whatever", "distanceKm", "not a number")), oslo);
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 16, 0)), d.deadline());
    }
}
