package org.dealerhub.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Market;
import org.dealerhub.core.calendar.JollydayHolidays;
import org.dealerhub.core.calendar.MarketCalendar;
import org.junit.jupiter.api.Test;

/**
 * The SLA clock against the real Norwegian calendar (08:00-16:00, Jollyday holidays). Instants in UTC with the
 * local time in the comment; Oslo is UTC+1 in winter, UTC+2 in summer (2026: from 29 March to 25 October).
 */
class SlaClockTest {

    static final Market NORWAY = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
            LocalTime.of(8, 0), LocalTime.of(16, 0));
    final MarketCalendar norway = new MarketCalendar(NORWAY, new JollydayHolidays("NO"), Set.of());

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    static SlaClock.Pause pause(String from, String to) {
        return new SlaClock.Pause(at(from), Optional.ofNullable(to).map(Instant::parse), "waiting for the customer");
    }

    /** Canon PLUS, 6 business hours, registered Tue 13 Jan 2026 10:00. */
    final Instant tue1000 = at("2026-01-13T09:00:00Z"); // Tue 10:00 CET
    // 6 business hours from Tue 10:00: Tue 10:00-16:00 is 6 h, so due Tue 16:00
    final Instant tue1600 = at("2026-01-13T15:00:00Z");

    @Test
    void KMUA_SW_3_noPauses_deadlineStaysAndBudgetIsTheRulesBusinessTime() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        SlaClock.Status s = clock.at(at("2026-01-13T12:00:00Z"), List.of()); // Tue 13:00
        assertEquals(Duration.ofHours(6), s.budget());
        assertEquals(tue1600, s.deadline());
        assertEquals(Duration.ofHours(3), s.used());
        assertEquals(Duration.ofHours(3), s.left());
        assertFalse(s.breached());
        assertTrue(s.running());
    }

    @Test
    void KMUA_SW_3_severalPausesAllCountInBusinessTimeNotOnlyTheLast() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        // Tue 11:00-12:00 (1 h), Tue 14:30-Wed 09:00 (1.5 h Tue + 1 h Wed = 2.5 h business time, 18.5 h wall time)
        List<SlaClock.Pause> pauses = List.of(pause("2026-01-13T10:00:00Z", "2026-01-13T11:00:00Z"),
                pause("2026-01-13T13:30:00Z", "2026-01-14T08:00:00Z"));
        SlaClock.Status s = clock.at(at("2026-01-14T09:00:00Z"), pauses); // Wed 10:00
        assertEquals(Duration.ofMinutes(210), s.paused());
        // used: Tue 10-16 (6 h) + Wed 08-10 (2 h) - 3.5 h paused = 4.5 h
        assertEquals(Duration.ofMinutes(270), s.used());
        // the deadline moves by exactly 3.5 business hours: Tue 16:00 -> Wed 11:30
        assertEquals(at("2026-01-14T10:30:00Z"), s.deadline());
        assertFalse(s.breached());
    }

    @Test
    void KMUA_ORDER_1_aHoldOnNonWorkingDaysCostsNothing() {
        // registered Fri 16 Jan 15:00, 6 h: due Mon 19 Jan 13:00
        Instant fri1500 = at("2026-01-16T14:00:00Z");
        Instant mon1300 = at("2026-01-19T12:00:00Z");
        SlaClock clock = new SlaClock(norway, fri1500, mon1300);
        assertEquals(Duration.ofHours(6), clock.budget());
        // held from Saturday 10:00 to Sunday 20:00: no business time
        SlaClock.Status s = clock.at(at("2026-01-19T08:00:00Z"),
                List.of(pause("2026-01-17T09:00:00Z", "2026-01-18T19:00:00Z")));
        assertEquals(Duration.ZERO, s.paused());
        assertEquals(mon1300, s.deadline());
        assertEquals(Duration.ofHours(2), s.used()); // Fri 15-16 and Mon 08-09
    }

    @Test
    void PORTAL_SLA_1_anOrderRegisteredOnANonWorkingDayStartsAtTheNextOpening() {
        // registered Sat 17 Jan 11:00; 6 h from Mon 08:00 is Mon 14:00
        SlaClock clock = new SlaClock(norway, at("2026-01-17T10:00:00Z"), at("2026-01-19T13:00:00Z"));
        assertEquals(Duration.ofHours(6), clock.budget());
        SlaClock.Status sunday = clock.at(at("2026-01-18T12:00:00Z"), List.of());
        assertEquals(Duration.ZERO, sunday.used());
    }

    @Test
    void KMUA_SW_3_breachedStaysBreachedWhilePaused() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        // nothing happened until Wed 09:00 (1 h late), then an open question to the customer that still lasts
        SlaClock.Status s = clock.at(at("2026-01-14T12:00:00Z"), List.of(pause("2026-01-14T08:00:00Z", null)));
        assertTrue(s.breached());
        assertFalse(s.running());
        assertEquals(Duration.ofHours(-1), s.left());
    }

    @Test
    void KMUA_ORDER_1_anOpenHoldMovesTheDeadlineAsItLasts() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        SlaClock.Status s = clock.at(at("2026-01-13T14:00:00Z"), List.of(pause("2026-01-13T11:00:00Z", null)));
        // held since Tue 12:00, now Tue 15:00: 3 h paused, 2 h used, deadline Wed 11:00
        assertEquals(Duration.ofHours(3), s.paused());
        assertEquals(Duration.ofHours(2), s.used());
        assertEquals(at("2026-01-14T10:00:00Z"), s.deadline());
        assertFalse(s.running());
        assertFalse(s.breached());
    }

    @Test
    void KMNO_SLA_1_theDeadlineMinuteItselfIsStillInTime() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        assertFalse(clock.at(tue1600, List.of()).breached());
        assertTrue(clock.at(at("2026-01-14T07:01:00Z"), List.of()).breached()); // Wed 08:01
    }

    @Test
    void KMUA_SW_3_pausesAcrossTheSpringDaylightSavingNight() {
        // registered Fri 27 Mar 2026 14:00 CET (13:00Z), 6 h: due Mon 30 Mar 12:00 CEST (10:00Z)
        SlaClock clock = new SlaClock(norway, at("2026-03-27T13:00:00Z"), at("2026-03-30T10:00:00Z"));
        assertEquals(Duration.ofHours(6), clock.budget());
        // held Fri 15:00 CET to Mon 09:00 CEST: 1 h Fri + 1 h Mon
        SlaClock.Status s = clock.at(at("2026-03-30T09:00:00Z"),
                List.of(pause("2026-03-27T14:00:00Z", "2026-03-30T07:00:00Z")));
        assertEquals(Duration.ofHours(2), s.paused());
        assertEquals(Duration.ofHours(3), s.used()); // Fri 14-15, Mon 09-11
        assertEquals(at("2026-03-30T12:00:00Z"), s.deadline()); // Mon 14:00 CEST
    }

    @Test
    void KMUA_SW_3_overlappingPausesCountOnce() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        SlaClock.Status s = clock.at(at("2026-01-13T14:00:00Z"), List.of(
                pause("2026-01-13T10:00:00Z", "2026-01-13T12:00:00Z"),
                pause("2026-01-13T11:00:00Z", "2026-01-13T13:00:00Z")));
        assertEquals(Duration.ofHours(3), s.paused());
    }

    /** KMUA-EXTRA-1's 24/7 option in Kyiv: the market round the clock on every day, public holidays ignored. */
    final MarketCalendar kyiv247 = new MarketCalendar(new Market("UA", "Ukraine", Currency.getInstance("UAH"),
            ZoneId.of("Europe/Kyiv"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class)),
            date -> Optional.empty(), Set.of());

    @Test
    void KMUA_EXTRA_1_noMinuteIsLostAtMidnightRoundTheClock() {
        // Saturday 2 May 2026 23:30 Kyiv (EEST, 20:30Z), 4 hours: Sunday 03:30 (00:30Z)
        Instant sat2330 = at("2026-05-02T20:30:00Z");
        assertEquals(at("2026-05-03T00:30:00Z"), kyiv247.plusBusinessTime(sat2330, Duration.ofHours(4)));
        assertEquals(Duration.ofHours(4), kyiv247.businessTimeBetween(sat2330, at("2026-05-03T00:30:00Z")));
        assertTrue(kyiv247.isBusinessTime(at("2026-05-02T21:00:00Z")), "midnight itself is business time");
        SlaClock clock = new SlaClock(kyiv247, sat2330, at("2026-05-03T00:30:00Z"));
        // held from 23:50 to 00:10: 20 minutes across midnight, all of them counted
        SlaClock.Status s = clock.at(at("2026-05-03T00:00:00Z"),
                List.of(pause("2026-05-02T20:50:00Z", "2026-05-02T21:10:00Z")));
        assertEquals(Duration.ofMinutes(20), s.paused());
        assertEquals(Duration.ofMinutes(190), s.used());
        assertEquals(at("2026-05-03T00:50:00Z"), s.deadline());
    }

    @Test
    void KMUA_EXTRA_1_roundTheClockAcrossTheAutumnDaylightSavingNightCountsItsRealHours() {
        // Sun 25 Oct 2026: Kyiv goes from EEST to EET at 04:00 local (01:00Z): the night has 25 real hours
        Instant sat2200 = at("2026-10-24T19:00:00Z"); // Sat 22:00 EEST
        assertEquals(Duration.ofHours(11), kyiv247.businessTimeBetween(sat2200, at("2026-10-25T06:00:00Z"))); // Sun 08:00 EET
    }

    @Test
    void KMUA_SW_3_pausesAcrossTheAutumnDaylightSavingNight() {
        // registered Fri 23 Oct 2026 14:00 CEST (12:00Z), 6 h: Fri 14-16 and Mon 26 Oct 08-12 CET (11:00Z)
        SlaClock clock = new SlaClock(norway, at("2026-10-23T12:00:00Z"), at("2026-10-26T11:00:00Z"));
        assertEquals(Duration.ofHours(6), clock.budget());
        // held Fri 15:00 CEST to Mon 09:00 CET, across the night with 25 hours: 1 h Fri + 1 h Mon
        SlaClock.Status s = clock.at(at("2026-10-26T09:00:00Z"),
                List.of(pause("2026-10-23T13:00:00Z", "2026-10-26T08:00:00Z")));
        assertEquals(Duration.ofHours(2), s.paused());
        assertEquals(Duration.ofHours(2), s.used()); // Fri 14-15, Mon 09-10
        assertEquals(at("2026-10-26T13:00:00Z"), s.deadline()); // Mon 14:00 CET
    }

    @Test
    void KMUA_SW_3_theBreachInstantCountsEveryHoldInBusinessTime() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        // held Tue 11-12 and from Tue 13:00 over the night to Wed 09:00: 2 h used Tuesday, 4 h more from Wed 09:00
        List<SlaClock.Pause> holds = List.of(pause("2026-01-13T10:00:00Z", "2026-01-13T11:00:00Z"),
                pause("2026-01-13T12:00:00Z", "2026-01-14T08:00:00Z"));
        assertEquals(Optional.of(at("2026-01-14T12:00:00Z")), clock.runsOutAt(holds)); // Wed 13:00
        assertFalse(clock.at(at("2026-01-14T12:00:00Z"), holds).breached());
        assertTrue(clock.at(at("2026-01-14T12:01:00Z"), holds).breached());
    }

    @Test
    void KMUA_SW_3_aBreachBeforeAHoldStaysAtItsInstantAndAHoldBeforeTheDeadlineStopsIt() {
        SlaClock clock = new SlaClock(norway, tue1000, tue1600);
        // breached Tue 16:00, held from Wed 09:00 on: the breach happened before the hold
        assertEquals(Optional.of(tue1600), clock.runsOutAt(List.of(pause("2026-01-14T08:00:00Z", null))));
        // held from Tue 12:00 and still held: the time has not run out
        assertEquals(Optional.empty(), clock.runsOutAt(List.of(pause("2026-01-13T11:00:00Z", null))));
    }
}
