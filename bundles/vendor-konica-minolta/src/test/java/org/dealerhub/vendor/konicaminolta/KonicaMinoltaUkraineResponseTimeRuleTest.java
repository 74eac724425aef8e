package org.dealerhub.vendor.konicaminolta;

import static org.dealerhub.core.calendar.BusinessCalendars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.vendor.konicaminolta.UkraineSoftwareSupport.Priority;
import org.dealerhub.core.calendar.BusinessCalendars;
import org.dealerhub.core.calendar.MarketCalendar;
import org.junit.jupiter.api.Test;

class KonicaMinoltaUkraineResponseTimeRuleTest {

    private final KonicaMinoltaUkraineResponseTimeRule rule = new KonicaMinoltaUkraineResponseTimeRule();
    private final MarketCalendar kyiv = BusinessCalendars.ukraine();
    private final Instant friday10 = at(kyiv, 2026, 11, 20, 10, 0);

    private ResponseDeadline hw(Instant at, Map<String, String> facts) {
        return rule.deadline(new OrderFacts("UA", "HW-SERVICE", at, facts), kyiv);
    }

    private ResponseDeadline sw(Instant at, Map<String, String> facts) {
        return rule.deadline(new OrderFacts("UA", "SW-SUPPORT", at, facts), kyiv);
    }

    private static void assertNone(ResponseDeadline d, String rule, String... reasonContains) {
        assertEquals(Optional.empty(), d.deadline(), d.reason());
        assertEquals(rule, d.rule(), d.reason());
        for (String s : reasonContains) {
            assertTrue(d.reason().contains(s), d.reason());
        }
    }

    // ---- hardware service

    @Test
    void KMUA_RESP_1_reactionTimePerContractNotGiven() {
        assertNone(hw(friday10, Map.of()), "KMUA-RESP-1", "per contract, not given", "reactionHours");
    }

    @Test
    void KMUA_RESP_1_reactionHoursAreBusinessHoursFromRegistration() {
        // Friday 16:00-18:00 is 2 hours, Monday 09:00-11:00 the other 2
        ResponseDeadline d = hw(at(kyiv, 2026, 11, 20, 16, 0), Map.of("reactionHours", "4"));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 11, 0)), d.deadline());
        assertEquals("KMUA-RESP-1", d.rule());
        // registered after hours: the clock starts Monday 09:00
        ResponseDeadline late = hw(at(kyiv, 2026, 11, 20, 20, 0), Map.of("reactionHours", "4"));
        assertEquals(at(kyiv, 2026, 11, 23, 9, 0), late.clockStart());
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 13, 0)), late.deadline());
        // fractions of an hour
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 11, 30)),
                hw(friday10, Map.of("reactionHours", "1.5")).deadline());
    }

    @Test
    void KMUA_RESP_1_malformedReactionHoursNameTheFact() {
        for (String bad : new String[] {"four", "0", "-2", "100000", "", "NaN"}) {
            assertNone(hw(friday10, Map.of("reactionHours", bad)), "KMUA-RESP-1", "reactionHours");
        }
    }

    @Test
    void KMUA_EXTRA_1_shorterResponseOption() {
        ResponseDeadline d = hw(at(kyiv, 2026, 11, 20, 17, 0),
                Map.of("option", "shorter-response", "reactionHours", "2"));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 10, 0)), d.deadline());
        assertEquals("KMUA-EXTRA-1", d.rule());
        assertNone(hw(friday10, Map.of("option", "shorter-response")), "KMUA-EXTRA-1", "reactionHours");
    }

    @Test
    void KMUA_EXTRA_1_roundTheClockInKyivCountsWallClockHours() {
        Instant fridayEvening = at(kyiv, 2026, 11, 20, 20, 0);
        ResponseDeadline d = hw(fridayEvening, Map.of("option", "24x7", "city", "Kyiv", "reactionHours", "4"));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 21, 0, 0)), d.deadline());
        assertEquals(fridayEvening, d.clockStart());
        assertEquals("KMUA-EXTRA-1", d.rule());
        // other spellings of Kyiv, and both options together
        assertEquals(Optional.of(fridayEvening.plus(Duration.ofHours(1))), hw(fridayEvening,
                Map.of("option", "shorter-response, 24/7", "city", "Київ", "reactionHours", "1")).deadline());
        // without reactionHours still no figure
        assertNone(hw(fridayEvening, Map.of("option", "24x7", "city", "kyiv")), "KMUA-RESP-1", "reactionHours");
    }

    @Test
    void KMUA_EXTRA_1_roundTheClockOutsideKyivIsRefused() {
        assertNone(hw(friday10, Map.of("option", "24x7", "city", "Lviv", "reactionHours", "4")),
                "KMUA-EXTRA-1", "refused", "Kyiv", "'Lviv'");
        assertNone(hw(friday10, Map.of("option", "24x7", "reactionHours", "4")), "KMUA-EXTRA-1", "city missing");
    }

    @Test
    void KMUA_EXTRA_1_outOfHoursServiceCountsTheBoughtHoursEveryDayInAnyCity() {
        // Friday 17:00 in Lviv, 4 hours with service 08:00-22:00 every day: Friday 17:00-21:00
        Instant friday17 = at(kyiv, 2026, 11, 20, 17, 0);
        ResponseDeadline d = hw(friday17, Map.of("option", "out-of-hours", "serviceHours", "08:00-22:00",
                "city", "Lviv", "reactionHours", "4"));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 21, 0)), d.deadline(), d.reason());
        assertEquals("KMUA-EXTRA-1", d.rule());
        // without the extra the same order waits for Monday
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 12, 0)),
                hw(friday17, Map.of("city", "Lviv", "reactionHours", "4")).deadline());
        // Friday 21:00: one hour on Friday, three on Saturday from 08:00 (weekends included)
        assertEquals(Optional.of(at(kyiv, 2026, 11, 21, 11, 0)), hw(at(kyiv, 2026, 11, 20, 21, 0),
                Map.of("option", "out-of-hours", "serviceHours", "08:00-22:00", "reactionHours", "4")).deadline());
        // registered Saturday 23:30 with a window to midnight: half an hour on Saturday, 1.5 on Sunday from 08:00
        assertEquals(Optional.of(at(kyiv, 2026, 11, 22, 9, 30)), hw(at(kyiv, 2026, 11, 21, 23, 30),
                Map.of("option", "out-of-hours", "serviceHours", "08:00-24:00", "reactionHours", "2")).deadline());
        // shortened and out of hours together
        assertEquals(Optional.of(at(kyiv, 2026, 11, 21, 9, 0)), hw(at(kyiv, 2026, 11, 20, 23, 0),
                Map.of("option", "shorter-response,out-of-hours", "serviceHours", "08:00-22:00",
                        "reactionHours", "1")).deadline());
    }

    @Test
    void KMUA_EXTRA_1_outOfHoursNeedsValidServiceHours() {
        for (String bad : new String[] {"", "8-22", "22:00-08:00", "08:00-24:30", "25:00-26:00", "08:60-09:00"}) {
            assertNone(hw(friday10, Map.of("option", "out-of-hours", "serviceHours", bad, "reactionHours", "4")),
                    "KMUA-EXTRA-1", "serviceHours");
        }
        assertNone(hw(friday10, Map.of("option", "out-of-hours", "reactionHours", "4")), "KMUA-EXTRA-1",
                "serviceHours", "missing");
        // 24/7 stays Kyiv's alone, also when out-of-hours is bought with it
        assertNone(hw(friday10, Map.of("option", "out-of-hours,24x7", "serviceHours", "08:00-22:00", "city",
                "Odesa", "reactionHours", "4")), "KMUA-EXTRA-1", "Kyiv");
    }

    @Test
    void KMUA_SW_4_linkedIncidentGetsAResolutionDeadlineOnceTheFixIsReleased() {
        Map<String, String> facts = new HashMap<>(Map.of("priority", "High", "kind", "resolution",
                "analysisEndedAt", friday10.toString(), "knownError", "true"));
        assertNone(sw(friday10, facts), "KMUA-SW-4", "known error");
        // released Monday 10:00: 16 business hours from then, Monday 10:00-18:00 and Tuesday 09:00-17:00
        facts.put("fixReleasedAt", at(kyiv, 2026, 11, 23, 10, 0).toString());
        ResponseDeadline d = sw(friday10, facts);
        assertEquals(Optional.of(at(kyiv, 2026, 11, 24, 17, 0)), d.deadline(), d.reason());
        assertEquals(at(kyiv, 2026, 11, 23, 10, 0), d.clockStart());
        facts.put("fixReleasedAt", "soon");
        assertNone(sw(friday10, facts), "KMUA-SW-4", "fixReleasedAt");
    }

    @Test
    void KMUA_EXTRA_1_unknownOptionNamesTheFact() {
        assertNone(hw(friday10, Map.of("option", "express", "reactionHours", "4")), "KMUA-EXTRA-1", "option",
                "'express'");
    }

    @Test
    void KMUA_DEBT_1_noResponseTimeWhileInDebt() {
        assertNone(hw(friday10, Map.of("debt", "true", "reactionHours", "4")), "KMUA-DEBT-1", "debt");
        assertNone(sw(friday10, Map.of("debt", "TRUE", "priority", "Critical")), "KMUA-DEBT-1", "debt");
        assertNone(hw(friday10, Map.of("debt", "maybe", "reactionHours", "4")), "KMUA-DEBT-1", "'maybe'");
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 14, 0)),
                hw(friday10, Map.of("debt", "false", "reactionHours", "4")).deadline());
    }

    // ---- software support

    @Test
    void KMUA_SW_4_responseIsTheRegistrationConfirmationFromReceipt() {
        // Critical, 1 business hour by default: Friday 17:30-18:00 and Monday 09:00-09:30
        ResponseDeadline d = sw(at(kyiv, 2026, 11, 20, 17, 30), Map.of("priority", "Critical"));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 9, 30)), d.deadline());
        assertEquals("KMUA-SW-4", d.rule());
        assertTrue(d.reason().contains("registration confirmation"), d.reason());
        // kind=response is the default
        assertEquals(d, sw(at(kyiv, 2026, 11, 20, 17, 30), Map.of("priority", "critical", "kind", "Response")));
    }

    @Test
    void KMUA_SW_1_workingDaysNineToSixKyivTime() {
        // Saturday: the clock starts Monday 09:00; Medium is 2 business hours by default
        ResponseDeadline d = sw(at(kyiv, 2026, 11, 21, 12, 0), Map.of("priority", "Medium"));
        assertEquals(at(kyiv, 2026, 11, 23, 9, 0), d.clockStart());
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 11, 0)), d.deadline());
        MarketCalendar mondayHoliday = BusinessCalendars.ukraine(LocalDate.of(2026, 11, 23));
        assertEquals(Optional.of(at(mondayHoliday, 2026, 11, 24, 9, 30)), rule.deadline(new OrderFacts("UA",
                "SW-SUPPORT", at(mondayHoliday, 2026, 11, 20, 17, 30), Map.of("priority", "Critical")),
                mondayHoliday).deadline());
    }

    @Test
    void KMUA_SW_2_prioritiesInEnglishOrUkrainian() {
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 11, 0)),
                sw(friday10, Map.of("priority", "Критичний")).deadline());
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 12, 0)),
                sw(friday10, Map.of("priority", "низький")).deadline());
        assertNone(sw(friday10, Map.of()), "KMUA-SW-2", "priority");
        assertNone(sw(friday10, Map.of("priority", "Urgent")), "KMUA-SW-2", "priority", "'Urgent'");
    }

    @Test
    void KMUA_SW_4_resolutionRunsFromTheEndOfAnalysis() {
        // High, 16 business hours by default: Monday 10:00-18:00 and Tuesday 09:00-17:00
        ResponseDeadline d = sw(friday10, Map.of("priority", "High", "kind", "resolution",
                "analysisEndedAt", at(kyiv, 2026, 11, 23, 10, 0).toString()));
        assertEquals(at(kyiv, 2026, 11, 23, 10, 0), d.clockStart());
        assertEquals(Optional.of(at(kyiv, 2026, 11, 24, 17, 0)), d.deadline());
        assertEquals("KMUA-SW-4", d.rule());
        // an analysis ending after hours starts the clock at the next opening; offsets are read too
        ResponseDeadline evening = sw(friday10, Map.of("priority", "Critical", "kind", "resolution",
                "analysisEndedAt", "2026-11-20T19:00:00+02:00"));
        assertEquals(at(kyiv, 2026, 11, 23, 9, 0), evening.clockStart());
        assertEquals(Optional.of(at(kyiv, 2026, 11, 23, 17, 0)), evening.deadline());
    }

    @Test
    void KMUA_SW_4_resolutionNotRunningBeforeTheAnalysisEnds() {
        assertNone(sw(friday10, Map.of("priority", "High", "kind", "resolution")), "KMUA-SW-4",
                "not running yet", "analysisEndedAt");
        assertNone(sw(friday10, Map.of("priority", "High", "kind", "resolution", "analysisEndedAt", "yesterday")),
                "KMUA-SW-4", "analysisEndedAt", "'yesterday'");
        assertNone(sw(friday10, Map.of("priority", "High", "kind", "resolution",
                "analysisEndedAt", at(kyiv, 2026, 11, 19, 10, 0).toString())), "KMUA-SW-4", "before the registration");
    }

    @Test
    void KMUA_SW_4_knownErrorHasNoResolutionDeadline() {
        Map<String, String> facts = new HashMap<>(Map.of("priority", "Critical", "kind", "resolution",
                "analysisEndedAt", friday10.toString(), "knownError", "true"));
        assertNone(sw(friday10, facts), "KMUA-SW-4", "known error");
        facts.put("knownError", "yes");
        assertNone(sw(friday10, facts), "KMUA-SW-4", "knownError");
        facts.put("knownError", "false");
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 18, 0)), sw(friday10, facts).deadline());
        // the response is still due
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 11, 0)),
                sw(friday10, Map.of("priority", "Critical", "knownError", "true")).deadline());
    }

    @Test
    void KMUA_SW_5_changeRequestHasNoResolutionDeadline() {
        assertNone(sw(friday10, Map.of("type", "change-request", "kind", "resolution", "priority", "Low",
                "analysisEndedAt", friday10.toString())), "KMUA-SW-5", "no regulated resolution time");
        assertNone(sw(friday10, Map.of("type", "Change-Request", "kind", "resolution")), "KMUA-SW-5");
        // its registration is still confirmed within the response target
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 12, 0)),
                sw(friday10, Map.of("type", "change-request", "priority", "Low")).deadline());
    }

    @Test
    void KMUA_SW_4_unknownKindOrTypeNamesTheFact() {
        assertNone(sw(friday10, Map.of("priority", "Low", "kind", "eta")), "KMUA-SW-4", "kind", "'eta'");
        assertNone(sw(friday10, Map.of("priority", "Low", "type", "bug")), "KMUA-SW-5", "type", "'bug'");
    }

    @Test
    void KMUA_SW_2_targetsComeFromTheConfiguration() {
        KonicaMinoltaUkraineResponseTimeRule configured = new KonicaMinoltaUkraineResponseTimeRule();
        configured.configure(config(Map.of("criticalResponseHours", 3, "lowResolutionHours", 0)));
        assertEquals(Optional.of(at(kyiv, 2026, 11, 20, 13, 0)), configured.deadline(
                new OrderFacts("UA", "SW-SUPPORT", friday10, Map.of("priority", "Critical")), kyiv).deadline());
        assertNone(configured.deadline(new OrderFacts("UA", "SW-SUPPORT", friday10, Map.of("priority", "Low",
                "kind", "resolution", "analysisEndedAt", friday10.toString())), kyiv), "KMUA-SW-4",
                "no resolution target");
    }

    @Test
    void KMUA_SW_2_demoDefaultsAreTheMetatypeDefaults() throws Exception {
        var defaults = KonicaMinoltaUkraineResponseTimeRule.DEFAULT_TARGETS;
        Class<?> c = KonicaMinoltaUkraineResponseTimeRule.Config.class;
        for (Priority p : Priority.values()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            assertEquals(defaults.responseHours().get(p), c.getMethod(name + "ResponseHours").getDefaultValue());
            assertEquals(defaults.resolutionHours().get(p),
                    c.getMethod(name + "ResolutionHours").getDefaultValue());
        }
        assertEquals(defaults, KonicaMinoltaUkraineResponseTimeRule.targets(config(Map.of())));
        assertEquals("org.dealerhub.sla.konicaminolta.UA", KonicaMinoltaUkraineResponseTimeRule.PID);
    }

    @Test
    void KMUA_RESP_1_onlyTheHardwareAndSoftwarePackages() {
        assertEquals(Set.of("HW-SERVICE", "SW-SUPPORT"), rule.packageCodes());
        assertEquals("konica-minolta-ua", rule.vendorId());
        assertThrows(IllegalArgumentException.class,
                () -> rule.deadline(new OrderFacts("UA", "SERVICE", friday10, Map.of()), kyiv));
        new KonicaMinoltaUkrainePackages().packages("UA")
                .forEach(p -> assertTrue(rule.packageCodes().contains(p.code()), p.code()));
    }

    /** A configuration with the given attributes, the annotation's defaults for the rest. */
    static KonicaMinoltaUkraineResponseTimeRule.Config config(Map<String, Integer> values) {
        Class<KonicaMinoltaUkraineResponseTimeRule.Config> type = KonicaMinoltaUkraineResponseTimeRule.Config.class;
        return (KonicaMinoltaUkraineResponseTimeRule.Config) Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return type;
                    }
                    Method m = type.getMethod(method.getName());
                    return values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue();
                });
    }
}
