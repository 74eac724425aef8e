package org.dealerhub.vendor.konicaminolta;

import static org.dealerhub.core.calendar.BusinessCalendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
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

class KonicaMinoltaNorwayResponseTimeRuleTest {

    private final MarketCalendar oslo = BusinessCalendars.norway();
    private final Instant friday10 = at(oslo, 2026, 11, 20, 10, 0);

    private static ResponseDeadline deadline(KonicaMinoltaNorwayResponseTimeRule rule, String packageCode,
            Instant at, MarketCalendar calendar, Map<String, String> facts) {
        return rule.deadline(new OrderFacts("NO", packageCode, at, facts), calendar);
    }

    private ResponseDeadline service(Map<String, String> facts) {
        return deadline(new KonicaMinoltaNorwayResponseTimeRule(), "SERVICE", friday10, oslo, facts);
    }

    private static void assertNone(ResponseDeadline d, String... reasonContains) {
        assertEquals(Optional.empty(), d.deadline(), d.reason());
        for (String s : reasonContains) {
            assertTrue(d.reason().contains(s), d.reason());
        }
        assertEquals("KMNO-SLA-1", d.rule());
    }

    static KonicaMinoltaNorwayResponseTimeRule.Config config(int driftsstans, int annet, int maxKm) {
        return new KonicaMinoltaNorwayResponseTimeRule.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KonicaMinoltaNorwayResponseTimeRule.Config.class;
            }

            @Override
            public int driftsstansHours() {
                return driftsstans;
            }

            @Override
            public int annetHours() {
                return annet;
            }

            @Override
            public int maxDistanceKm() {
                return maxKm;
            }
        };
    }

    @Test
    void KMNO_SLA_1_driftsstansWithinThirtyKilometres() {
        // default 8 business hours: Friday 10:00-16:00 is 6, Monday 08:00-10:00 the other 2
        ResponseDeadline d = service(Map.of("category", "Driftsstans", "distanceKm", "12"));
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)), d.deadline());
        assertEquals(friday10, d.clockStart());
        assertEquals("KMNO-SLA-1", d.rule());
    }

    @Test
    void KMNO_SLA_1_annetHasItsOwnTarget() {
        // default 16 business hours: Friday 6, Monday 8, Tuesday 2
        ResponseDeadline d = service(Map.of("category", "annet", "distanceKm", "0"));
        assertEquals(Optional.of(at(oslo, 2026, 11, 24, 10, 0)), d.deadline());
        // the category is read in any case and trimmed
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)),
                service(Map.of("category", " DRIFTSSTANS ", "distanceKm", "3.5")).deadline());
    }

    @Test
    void KMNO_SLA_1_beyondThirtyKilometresNoDeadline() {
        assertNone(service(Map.of("category", "Driftsstans", "distanceKm", "45")), "45 km", "beyond 30 km");
        assertNone(service(Map.of("category", "Annet", "distanceKm", "30.1")), "beyond 30 km");
        // "innenfor 30 km": exactly 30 km is within
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)),
                service(Map.of("category", "Driftsstans", "distanceKm", "30")).deadline());
    }

    @Test
    void KMNO_SLA_1_missingOrMalformedFactsNameTheFact() {
        assertNone(service(Map.of("distanceKm", "5")), "category");
        assertNone(service(Map.of("category", "Urgent", "distanceKm", "5")), "category", "'Urgent'");
        assertNone(service(Map.of("category", "Annet")), "distanceKm");
        assertNone(service(Map.of("category", "Annet", "distanceKm", "far")), "distanceKm", "'far'");
        assertNone(service(Map.of("category", "Annet", "distanceKm", "-3")), "distanceKm");
        assertNone(service(Map.of("category", "Annet", "distanceKm", "")), "distanceKm");
    }

    @Test
    void KMNO_HOURS_1_clockStartsAtTheNextOpening() {
        ResponseDeadline d = deadline(new KonicaMinoltaNorwayResponseTimeRule(), "SUPPORT",
                at(oslo, 2026, 11, 21, 11, 0), oslo, Map.of("category", "Driftsstans", "distanceKm", "1"));
        assertEquals(at(oslo, 2026, 11, 23, 8, 0), d.clockStart());
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 16, 0)), d.deadline());
        // a closed Monday is skipped
        MarketCalendar mondayClosed = BusinessCalendars.norway(LocalDate.of(2026, 11, 23));
        assertEquals(Optional.of(at(mondayClosed, 2026, 11, 24, 10, 0)),
                deadline(new KonicaMinoltaNorwayResponseTimeRule(), "SERVICE", at(mondayClosed, 2026, 11, 20, 10, 0),
                        mondayClosed, Map.of("category", "Driftsstans", "distanceKm", "1")).deadline());
    }

    @Test
    void KMNO_SLA_1_targetsComeFromTheConfiguration() {
        KonicaMinoltaNorwayResponseTimeRule rule = new KonicaMinoltaNorwayResponseTimeRule();
        rule.configure(config(4, 0, 50));
        assertEquals(Optional.of(at(oslo, 2026, 11, 20, 14, 0)), deadline(rule, "SERVICE", friday10, oslo,
                Map.of("category", "Driftsstans", "distanceKm", "45")).deadline());
        assertNone(deadline(rule, "SERVICE", friday10, oslo, Map.of("category", "Annet", "distanceKm", "45")),
                "no response-time target");
        // 0 km: no distance limit, the distance is not needed
        rule.configure(config(8, 16, 0));
        assertEquals(Optional.of(at(oslo, 2026, 11, 23, 10, 0)),
                deadline(rule, "SERVICE", friday10, oslo, Map.of("category", "Driftsstans")).deadline());
    }

    @Test
    void KMNO_SLA_1_demoDefaultsAreTheMetatypeDefaults() throws Exception {
        var defaults = KonicaMinoltaNorwayResponseTimeRule.Targets.DEFAULTS;
        assertEquals(new KonicaMinoltaNorwayResponseTimeRule().targets(), defaults);
        Class<?> c = KonicaMinoltaNorwayResponseTimeRule.Config.class;
        assertEquals(defaults.driftsstansHours(), c.getMethod("driftsstansHours").getDefaultValue());
        assertEquals(defaults.annetHours(), c.getMethod("annetHours").getDefaultValue());
        assertEquals(30, c.getMethod("maxDistanceKm").getDefaultValue());
        assertEquals("org.dealerhub.sla.konicaminolta.NO", KonicaMinoltaNorwayResponseTimeRule.PID);
    }

    @Test
    void KMNO_SLA_1_onlyTheServiceAndSupportPackages() {
        KonicaMinoltaNorwayResponseTimeRule rule = new KonicaMinoltaNorwayResponseTimeRule();
        assertEquals(Set.of("SERVICE", "SUPPORT"), rule.packageCodes());
        assertEquals("konica-minolta-no", rule.vendorId());
        assertThrows(IllegalArgumentException.class,
                () -> deadline(rule, "HW-SERVICE", friday10, oslo, Map.of("category", "Annet")));
        new KonicaMinoltaNorwayPackages().packages("NO")
                .forEach(p -> assertTrue(rule.packageCodes().contains(p.code()), p.code()));
    }
}
