package org.dealerhub.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.dealerhub.api.Market;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.core.calendar.MarketCalendar.Holiday;
import org.junit.jupiter.api.Test;

/**
 * Every expected instant below is worked out by hand and written in UTC, with the local time in the comment.
 * Offsets: Oslo and Copenhagen CET = UTC+1, CEST = UTC+2 (2026: CEST from Sun 29 March 01:00Z to Sun 25 October
 * 01:00Z); Kyiv EET = UTC+2, EEST = UTC+3 (same switch instants).
 */
class MarketCalendarTest {

    static final Market NORWAY = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
            LocalTime.of(8, 0), LocalTime.of(16, 0));
    static final Market DENMARK = new Market("DK", "Denmark", Currency.getInstance("DKK"),
            ZoneId.of("Europe/Copenhagen"), LocalTime.of(8, 0), LocalTime.of(16, 0));
    static final Market UKRAINE = new Market("UA", "Ukraine", Currency.getInstance("UAH"), ZoneId.of("Europe/Kyiv"),
            LocalTime.of(9, 0), LocalTime.of(18, 0));

    static final HolidaySource NO_HOLIDAYS = new JollydayHolidays("NO");
    static final HolidaySource DK_HOLIDAYS = new JollydayHolidays("DK");
    static final HolidaySource UA_HOLIDAYS = new JollydayHolidays("UA");

    final MarketCalendar norway = new MarketCalendar(NORWAY, NO_HOLIDAYS, Set.of());
    final MarketCalendar denmark = new MarketCalendar(DENMARK, DK_HOLIDAYS, Set.of());
    final MarketCalendar ukraine = new MarketCalendar(UKRAINE, UA_HOLIDAYS, Set.of());

    static Instant at(String utc) {
        return Instant.parse(utc);
    }

    static Duration hours(long h) {
        return Duration.ofHours(h);
    }

    // ---- Friday 15:59 / 16:00 in Norway (Friday 16 January 2026, CET)

    @Test
    void CANON_PKG_1_nextBusinessDay_requestAt1559FridayStartsFridayAndIsDueMondayAtClose() {
        Instant fri1559 = at("2026-01-16T14:59:00Z"); // Fri 15:59 CET
        assertTrue(norway.isBusinessTime(fri1559));
        assertSame(fri1559, norway.clockStart(fri1559));
        assertEquals(at("2026-01-19T15:00:00Z"), norway.closeOfNextBusinessDay(fri1559)); // Mon 16:00 CET
    }

    @Test
    void PORTAL_SLA_1_requestAt1600FridayStartsMondayOpeningAndNextBusinessDayIsTuesday() {
        Instant fri1600 = at("2026-01-16T15:00:00Z"); // Fri 16:00 CET: closed
        assertFalse(norway.isBusinessTime(fri1600));
        assertEquals(at("2026-01-19T07:00:00Z"), norway.clockStart(fri1600)); // Mon 08:00 CET
        assertEquals(at("2026-01-20T15:00:00Z"), norway.closeOfNextBusinessDay(fri1600)); // Tue 16:00 CET
    }

    @Test
    void PORTAL_SLA_1_requestOutsideHoursStartsAtNextOpening() {
        // Tue 13 January 2026
        assertEquals(at("2026-01-13T07:00:00Z"), norway.clockStart(at("2026-01-13T05:30:00Z"))); // 06:30 -> 08:00
        assertEquals(at("2026-01-13T07:00:00Z"), norway.clockStart(at("2026-01-13T06:59:59.999999999Z")));
        assertEquals(at("2026-01-14T07:00:00Z"), norway.clockStart(at("2026-01-13T21:00:00Z"))); // 22:00 -> Wed
        Instant opening = at("2026-01-13T07:00:00Z");
        assertSame(opening, norway.clockStart(opening)); // exactly at opening: itself
        // a response time runs from the next opening: 4 business hours from Tue 17:00 is Wed 12:00
        assertEquals(at("2026-01-14T11:00:00Z"), norway.plusBusinessTime(at("2026-01-13T16:00:00Z"), hours(4)));
        // Saturday and Sunday requests start on Monday
        assertEquals(at("2026-01-19T07:00:00Z"), norway.clockStart(at("2026-01-17T10:00:00Z")));
        assertEquals(at("2026-01-19T07:00:00Z"), norway.clockStart(at("2026-01-18T23:59:59Z")));
    }

    @Test
    void CANON_HOURS_1_businessHoursAreEightToFourMondayToFriday() {
        assertFalse(norway.isBusinessTime(at("2026-01-13T06:59:59.999999999Z"))); // Tue 07:59:59.999999999
        assertTrue(norway.isBusinessTime(at("2026-01-13T07:00:00Z"))); // Tue 08:00
        assertTrue(norway.isBusinessTime(at("2026-01-13T14:59:59.999999999Z"))); // Tue 15:59:59.999999999
        assertFalse(norway.isBusinessTime(at("2026-01-13T15:00:00Z"))); // Tue 16:00
        assertFalse(norway.isBusinessTime(at("2026-01-17T10:00:00Z"))); // Sat 11:00
        assertFalse(norway.isBusinessTime(at("2026-01-18T10:00:00Z"))); // Sun 11:00
        assertTrue(norway.isWorkingDay(LocalDate.of(2026, 1, 16))); // Fri
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 1, 17))); // Sat
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 1, 1))); // New Year's Day, Thu
    }

    @Test
    void CANON_PKG_1_plusAndPremiumResponseHoursCarryOverTheWeekend() {
        Instant fri1200 = at("2026-01-16T11:00:00Z"); // Fri 12:00 CET
        // PREMIUM 4 h: ends exactly at the close, Fri 16:00 (not Mon 08:00)
        assertEquals(at("2026-01-16T15:00:00Z"), norway.plusBusinessTime(fri1200, hours(4)));
        // PLUS 6 h: 4 h on Friday, 2 h on Monday -> Mon 10:00 CET
        assertEquals(at("2026-01-19T09:00:00Z"), norway.plusBusinessTime(fri1200, hours(6)));
        // from a request outside hours (Sat), the clock starts Mon 08:00 -> Mon 14:00
        assertEquals(at("2026-01-19T13:00:00Z"), norway.plusBusinessTime(at("2026-01-17T10:00:00Z"), hours(6)));
        // zero is the clock start
        assertEquals(at("2026-01-19T07:00:00Z"), norway.plusBusinessTime(at("2026-01-17T10:00:00Z"), Duration.ZERO));
        // minutes and nanoseconds: Fri 15:59:59.5 + 1 s = Mon 08:00:00.5
        assertEquals(at("2026-01-19T07:00:00.5Z"),
                norway.plusBusinessTime(at("2026-01-16T14:59:59.5Z"), Duration.ofSeconds(1)));
        assertEquals(at("2026-01-19T07:29:00Z"),
                norway.plusBusinessTime(at("2026-01-16T14:31:00Z"), Duration.ofMinutes(58))); // Fri 15:31 + 58 min
    }

    // ---- Easter 2026 in Norway: Maundy Thursday 2 April, Good Friday 3 April, (Holy Saturday 4 April),
    //      Easter Sunday 5 April, Easter Monday 6 April. CEST since 29 March.

    @Test
    void KMNO_HOURS_1_easter2026IsClosedFromMaundyThursdayToEasterMonday() {
        assertTrue(norway.isWorkingDay(LocalDate.of(2026, 4, 1))); // Wed
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 4, 2))); // Maundy Thursday
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 4, 3))); // Good Friday
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 4, 4))); // Holy Saturday: a Saturday
        assertFalse(norway.isWorkingDay(LocalDate.of(2026, 4, 6))); // Easter Monday
        assertTrue(norway.isWorkingDay(LocalDate.of(2026, 4, 7))); // Tue
        assertFalse(norway.isBusinessTime(at("2026-04-02T08:00:00Z"))); // Maundy Thursday 10:00 CEST

        // Wed 1 April 15:00 CEST + 2 h: 1 h on Wednesday, 1 h on Tuesday 7 April -> Tue 09:00 CEST
        assertEquals(at("2026-04-07T07:00:00Z"), norway.plusBusinessTime(at("2026-04-01T13:00:00Z"), hours(2)));
        // next business day after Wednesday is Tuesday 7 April, 16:00 CEST
        assertEquals(at("2026-04-07T14:00:00Z"), norway.closeOfNextBusinessDay(at("2026-04-01T08:00:00Z")));
        // the day before Easter (Holy Saturday 10:00 CEST): the clock starts Tue 7 April 08:00 CEST
        assertEquals(at("2026-04-07T06:00:00Z"), norway.clockStart(at("2026-04-04T08:00:00Z")));
        // Good Friday 11:00 CEST: next business day after the clock start (Tue 7) is Wed 8 April, 16:00 CEST
        assertEquals(at("2026-04-08T14:00:00Z"), norway.closeOfNextBusinessDay(at("2026-04-03T09:00:00Z")));
        assertEquals(hours(2),
                norway.businessTimeBetween(at("2026-04-01T13:00:00Z"), at("2026-04-07T07:00:00Z")));

        assertEquals(List.of(new Holiday(LocalDate.of(2026, 4, 2), "Maundy Thursday", false),
                        new Holiday(LocalDate.of(2026, 4, 3), "Good Friday", false),
                        new Holiday(LocalDate.of(2026, 4, 5), "Easter", false),
                        new Holiday(LocalDate.of(2026, 4, 6), "Easter Monday", false)),
                norway.holidays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 7)));
    }

    @Test
    void KMNO_HOURS_1_constitutionDay17MayIsClosed() {
        // 2026: 17 May is a Sunday; listed as a holiday, not a working day anyway
        assertEquals(List.of(new Holiday(LocalDate.of(2026, 5, 17), "Constitution Day", false)),
                norway.holidays(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 18)));
        // 2028: 17 May is a Wednesday (Ascension 25 May, Whit Monday 5 June: not near)
        assertFalse(norway.isWorkingDay(LocalDate.of(2028, 5, 17)));
        // Tue 16 May 2028 15:00 CEST + 2 h -> Thu 18 May 09:00 CEST
        assertEquals(at("2028-05-18T07:00:00Z"), norway.plusBusinessTime(at("2028-05-16T13:00:00Z"), hours(2)));
        // Tue 16 May 10:00 CEST: next business day is Thu 18 May, 16:00 CEST
        assertEquals(at("2028-05-18T14:00:00Z"), norway.closeOfNextBusinessDay(at("2028-05-16T08:00:00Z")));
        // a request on 17 May starts Thu 18 May 08:00 CEST
        assertEquals(at("2028-05-18T06:00:00Z"), norway.clockStart(at("2028-05-17T09:00:00Z")));
    }

    // ---- daylight saving in Europe/Oslo: Sun 29 March 2026 02:00 CET -> 03:00 CEST, Sun 25 Oct 03:00 -> 02:00

    @Test
    void CANON_HOURS_1_springForwardWeekendKeepsLocalHours() {
        // Fri 27 March 15:00 CET + 2 h -> Mon 30 March 09:00 CEST (wall clock 66 h later, only 65 h elapsed)
        assertEquals(at("2026-03-30T07:00:00Z"), norway.plusBusinessTime(at("2026-03-27T14:00:00Z"), hours(2)));
        assertEquals(hours(2), norway.businessTimeBetween(at("2026-03-27T14:00:00Z"), at("2026-03-30T07:00:00Z")));
        // a request in the switch night (Sun 03:30 CEST) starts Mon 08:00 CEST
        assertEquals(at("2026-03-30T06:00:00Z"), norway.clockStart(at("2026-03-29T01:30:00Z")));
        // Fri 08:00 CET to Mon 16:00 CEST: two full days
        assertEquals(hours(16), norway.businessTimeBetween(at("2026-03-27T07:00:00Z"), at("2026-03-30T14:00:00Z")));
        assertTrue(norway.isBusinessTime(at("2026-03-30T06:00:00Z"))); // Mon 08:00 CEST
        assertFalse(norway.isBusinessTime(at("2026-03-30T14:00:00Z"))); // Mon 16:00 CEST
        // Thu 26 March 08:00 CET + 40 h: Thu, Fri, Mon, Tue, Wed 1 April (Maundy Thursday follows) -> Wed 16:00 CEST
        assertEquals(at("2026-04-01T14:00:00Z"), norway.plusBusinessTime(at("2026-03-26T07:00:00Z"), hours(40)));
    }

    @Test
    void CANON_HOURS_1_fallBackWeekendKeepsLocalHours() {
        // Fri 23 October 15:00 CEST + 2 h -> Mon 26 October 09:00 CET
        assertEquals(at("2026-10-26T08:00:00Z"), norway.plusBusinessTime(at("2026-10-23T13:00:00Z"), hours(2)));
        // a request in the repeated hour (Sun 02:30 CET, the second time) starts Mon 08:00 CET
        assertEquals(at("2026-10-26T07:00:00Z"), norway.clockStart(at("2026-10-25T01:30:00Z")));
        // Fri 08:00 CEST to Mon 16:00 CET: two full days
        assertEquals(hours(16), norway.businessTimeBetween(at("2026-10-23T06:00:00Z"), at("2026-10-26T15:00:00Z")));
        assertEquals(at("2026-10-26T15:00:00Z"), norway.closeOfNextBusinessDay(at("2026-10-23T10:00:00Z")));
    }

    // ---- year end

    @Test
    void KMNO_HOURS_1_december31CarriesIntoNextYearPastNewYearsDay() {
        // Thu 31 Dec 2026 15:00 CET + 2 h; Fri 1 Jan 2027 is New Year's Day -> Mon 4 Jan 2027 09:00 CET
        assertEquals(at("2027-01-04T08:00:00Z"), norway.plusBusinessTime(at("2026-12-31T14:00:00Z"), hours(2)));
        assertEquals(at("2027-01-04T15:00:00Z"), norway.closeOfNextBusinessDay(at("2026-12-31T09:00:00Z")));
        assertEquals(at("2027-01-04T07:00:00Z"), norway.clockStart(at("2026-12-31T15:30:00Z"))); // 16:30 CET
        assertEquals(at("2027-01-04T07:00:00Z"), norway.clockStart(at("2026-12-31T23:30:00Z"))); // 00:30 1 Jan
        // Wed 30 Dec 08:00 CET to Tue 5 Jan 08:00 CET: 30, 31 Dec and 4 Jan
        assertEquals(hours(24), norway.businessTimeBetween(at("2026-12-30T07:00:00Z"), at("2027-01-05T07:00:00Z")));
    }

    @Test
    void KMNO_HOURS_1_aWholeYearOfBusinessHours() {
        // 2027 in Norway: Fri 1 Jan + 52 weeks -> 261 weekdays; holidays on weekdays: 1 Jan (Fri), 25 Mar (Thu),
        // 26 Mar (Fri), 29 Mar (Mon), 6 May (Thu), 17 May (Mon: Constitution Day and Whit Monday) = 6 -> 255 days
        Instant yearStart = at("2026-12-31T23:00:00Z"); // 1 Jan 2027 00:00 CET
        Instant yearEnd = at("2027-12-31T23:00:00Z"); // 1 Jan 2028 00:00 CET
        assertEquals(hours(255 * 8), norway.businessTimeBetween(yearStart, yearEnd));
        // and the same amount from the year's start ends exactly at the close of its last business day, Fri 31 Dec
        assertEquals(at("2027-12-31T15:00:00Z"), norway.plusBusinessTime(yearStart, hours(255 * 8)));
        // one minute more runs into Mon 3 Jan 2028 08:01 CET
        assertEquals(at("2028-01-03T07:01:00Z"),
                norway.plusBusinessTime(yearStart, hours(255 * 8).plusMinutes(1)));
        assertEquals(List.of(new Holiday(LocalDate.of(2027, 5, 17), "Constitution Day, Whit Monday", false)),
                norway.holidays(LocalDate.of(2027, 5, 17), LocalDate.of(2027, 5, 17)));
    }

    // ---- dealer closed day

    @Test
    void dealerClosedDayIsNotABusinessDay() {
        LocalDate monday = LocalDate.of(2026, 1, 19);
        MarketCalendar closedMonday = new MarketCalendar(NORWAY, NO_HOLIDAYS, Set.of(monday));
        assertFalse(closedMonday.isWorkingDay(monday));
        assertFalse(closedMonday.isBusinessTime(at("2026-01-19T09:00:00Z")));
        // Fri 16:00 CET: the clock starts Tue 20 Jan 08:00 CET, the next business day is Wed 21 Jan
        assertEquals(at("2026-01-20T07:00:00Z"), closedMonday.clockStart(at("2026-01-16T15:00:00Z")));
        assertEquals(at("2026-01-21T15:00:00Z"), closedMonday.closeOfNextBusinessDay(at("2026-01-16T15:00:00Z")));
        // Fri 12:00 CET + 6 h -> Tue 10:00 CET
        assertEquals(at("2026-01-20T09:00:00Z"), closedMonday.plusBusinessTime(at("2026-01-16T11:00:00Z"), hours(6)));
        assertEquals(hours(6),
                closedMonday.businessTimeBetween(at("2026-01-16T11:00:00Z"), at("2026-01-20T09:00:00Z")));
        assertEquals(List.of(new Holiday(monday, MarketCalendar.DEALER_CLOSED_DAY, true)),
                closedMonday.holidays(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 21)));
        // the plain calendar of the market is unaffected
        assertTrue(norway.isWorkingDay(monday));
        // a dealer closed day on a public holiday is listed once, as the public holiday
        MarketCalendar closedNewYear = new MarketCalendar(NORWAY, NO_HOLIDAYS, Set.of(LocalDate.of(2026, 1, 1)));
        assertEquals(List.of(new Holiday(LocalDate.of(2026, 1, 1), "New Year's Day", false)),
                closedNewYear.holidays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2)));
    }

    // ---- Denmark

    @Test
    void CANON_HOURS_1_christmasInDenmark() {
        // Thu 24 Dec 2026 is a working day; Fri 25 (Christmas), Sat 26 (St Stephen's), Sun 27
        assertTrue(denmark.isWorkingDay(LocalDate.of(2026, 12, 24)));
        assertFalse(denmark.isWorkingDay(LocalDate.of(2026, 12, 25)));
        // Thu 24 Dec 15:00 CET + 2 h -> Mon 28 Dec 09:00 CET
        assertEquals(at("2026-12-28T08:00:00Z"), denmark.plusBusinessTime(at("2026-12-24T14:00:00Z"), hours(2)));
        assertEquals(at("2026-12-28T15:00:00Z"), denmark.closeOfNextBusinessDay(at("2026-12-24T09:00:00Z")));
        assertEquals(at("2026-12-28T07:00:00Z"), denmark.clockStart(at("2026-12-25T10:00:00Z")));
        assertEquals(List.of(new Holiday(LocalDate.of(2026, 12, 25), "Christmas", false),
                        new Holiday(LocalDate.of(2026, 12, 26), "St.Stephen's Day", false)),
                denmark.holidays(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 27)));
    }

    // ---- Ukraine: 09:00-18:00 Kyiv time

    @Test
    void KMUA_SW_1_kyivHoursNineToSix() {
        assertFalse(ukraine.isBusinessTime(at("2026-08-21T05:59:00Z"))); // Fri 08:59 EEST
        assertTrue(ukraine.isBusinessTime(at("2026-08-21T06:00:00Z"))); // Fri 09:00 EEST
        assertTrue(ukraine.isBusinessTime(at("2026-08-21T14:59:00Z"))); // Fri 17:59 EEST
        assertFalse(ukraine.isBusinessTime(at("2026-08-21T15:00:00Z"))); // Fri 18:00 EEST
        // winter: Fri 9 Jan 2026 17:30 EET + 1 h -> Mon 12 Jan 09:30 EET
        assertEquals(at("2026-01-12T07:30:00Z"), ukraine.plusBusinessTime(at("2026-01-09T15:30:00Z"), hours(1)));
        assertEquals(hours(9), ukraine.businessTimeBetween(at("2026-01-12T00:00:00Z"), at("2026-01-13T00:00:00Z")));
    }

    @Test
    void KMUA_SW_1_independenceDayIsClosed() {
        // Mon 24 August 2026 is Independence Day
        assertFalse(ukraine.isWorkingDay(LocalDate.of(2026, 8, 24)));
        // Fri 21 Aug 17:00 EEST + 2 h: 1 h Friday, Mon closed -> Tue 25 Aug 10:00 EEST
        assertEquals(at("2026-08-25T07:00:00Z"), ukraine.plusBusinessTime(at("2026-08-21T14:00:00Z"), hours(2)));
        // Fri 18:00 EEST: the clock starts Tue 25 Aug 09:00, the next business day is Wed 26 Aug, 18:00 EEST
        assertEquals(at("2026-08-25T06:00:00Z"), ukraine.clockStart(at("2026-08-21T15:00:00Z")));
        assertEquals(at("2026-08-26T15:00:00Z"), ukraine.closeOfNextBusinessDay(at("2026-08-21T15:00:00Z")));
        // Constitution Day, Sun 28 June 2026, is observed on Mon 29 June by Jollyday's rule
        assertFalse(ukraine.isWorkingDay(LocalDate.of(2026, 6, 29)));
        assertEquals(List.of(new Holiday(LocalDate.of(2026, 6, 29), "Constitution Day", false)),
                ukraine.holidays(LocalDate.of(2026, 6, 27), LocalDate.of(2026, 6, 30)));
    }

    // ---- edges and contract

    @Test
    void businessTimeBetweenIsZeroWhenToIsNotAfterFrom() {
        Instant t = at("2026-01-13T10:00:00Z");
        assertEquals(Duration.ZERO, norway.businessTimeBetween(t, t));
        assertEquals(Duration.ZERO, norway.businessTimeBetween(t, t.minusSeconds(3600)));
        // within one day, and from outside hours into hours
        assertEquals(Duration.ofMinutes(90),
                norway.businessTimeBetween(at("2026-01-13T10:00:00Z"), at("2026-01-13T11:30:00Z")));
        assertEquals(hours(1), norway.businessTimeBetween(at("2026-01-13T02:00:00Z"), at("2026-01-13T08:00:00Z")));
        assertEquals(Duration.ZERO,
                norway.businessTimeBetween(at("2026-01-17T02:00:00Z"), at("2026-01-18T20:00:00Z"))); // weekend
    }

    @Test
    void rejectsNegativeAmountsBadHoursAndYearsOutOfRange() {
        assertThrows(IllegalArgumentException.class,
                () -> norway.plusBusinessTime(at("2026-01-13T10:00:00Z"), Duration.ofMinutes(-1)));
        // a market cannot even be made with inverted hours
        assertThrows(IllegalArgumentException.class, () -> new Market("XX", "x", Currency.getInstance("NOK"),
                ZoneId.of("Europe/Oslo"), LocalTime.of(16, 0), LocalTime.of(8, 0)));
        assertThrows(DateTimeException.class, () -> norway.clockStart(at("2300-01-01T00:00:00Z")));
        assertThrows(DateTimeException.class, () -> norway.isWorkingDay(LocalDate.of(1850, 1, 1)));
    }

    @Test
    void worksWithAnyHolidaySourceAndIsSafeAcrossThreads() {
        // a source without holidays: New Year's Day 2026 (Thu) is then a working day
        MarketCalendar plain = new MarketCalendar(NORWAY, d -> Optional.empty(), Set.of());
        assertTrue(plain.isWorkingDay(LocalDate.of(2026, 1, 1)));
        // many threads asking for fresh years at once get the same answers
        MarketCalendar fresh = new MarketCalendar(NORWAY, NO_HOLIDAYS, Set.of());
        List<Instant> results = IntStream.range(0, 2000).parallel()
                .mapToObj(i -> fresh.plusBusinessTime(at("2026-12-31T14:00:00Z"), hours(2))).distinct().toList();
        assertEquals(List.of(at("2027-01-04T08:00:00Z")), results);
    }

    @Test
    void KMUA_SW_3_pausedIntervalsDoNotCountAsBusinessTime() {
        // Ukraine 09:00-18:00 Kyiv (UTC+2 in November): Monday 2026-11-23 10:00 to 16:00 local = 6 business hours
        Instant from = at("2026-11-23T08:00:00Z");
        Instant to = at("2026-11-23T14:00:00Z");
        assertEquals(Duration.ofHours(6), ukraine.businessTimeBetween(from, to, List.of()));
        // waiting for the customer 11:00-12:30 and, overlapping, 12:00-13:00 local: 2 hours stand still
        List<BusinessCalendar.Pause> pauses = List.of(
                new BusinessCalendar.Pause(at("2026-11-23T10:00:00Z"), at("2026-11-23T11:00:00Z")),
                new BusinessCalendar.Pause(at("2026-11-23T09:00:00Z"), at("2026-11-23T10:30:00Z")));
        assertEquals(Duration.ofHours(4), ukraine.businessTimeBetween(from, to, pauses));
        // a pause reaching past the end, or over the night, only takes what lies inside business hours and the range
        List<BusinessCalendar.Pause> overnight = List.of(
                new BusinessCalendar.Pause(at("2026-11-23T13:00:00Z"), at("2026-11-24T08:00:00Z")));
        assertEquals(Duration.ofHours(5), ukraine.businessTimeBetween(from, to, overnight));
    }
}
