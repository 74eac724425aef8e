package org.dealerhub.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The holidays Jollyday 1.5.0 gives for our markets, checked against the expected calendars written out here. */
class JollydayHolidaysTest {

    static Map<LocalDate, String> holidaysOf(HolidaySource source, int year) {
        Map<LocalDate, String> found = new LinkedHashMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LocalDate date = d;
            source.holiday(d).ifPresent(name -> found.put(date, name));
        }
        return found;
    }

    static Map<LocalDate, String> expected(Object... dateAndName) {
        Map<LocalDate, String> m = new LinkedHashMap<>();
        for (int i = 0; i < dateAndName.length; i += 2) {
            m.put(LocalDate.parse((String) dateAndName[i]), (String) dateAndName[i + 1]);
        }
        return m;
    }

    @Test
    void KMNO_HOURS_1_norway2026() {
        // Easter Sunday 2026 = 5 April; Ascension = Easter + 39, Whit Monday = Easter + 50.
        // Holy Saturday (4 April), Christmas Eve and New Year's Eve are not public holidays in Norway.
        assertEquals(expected(
                        "2026-01-01", "New Year's Day",
                        "2026-04-02", "Maundy Thursday",
                        "2026-04-03", "Good Friday",
                        "2026-04-05", "Easter",
                        "2026-04-06", "Easter Monday",
                        "2026-05-01", "Labour day",
                        "2026-05-14", "Ascension Day",
                        "2026-05-17", "Constitution Day",
                        "2026-05-24", "Pentecost",
                        "2026-05-25", "Whit Monday",
                        "2026-12-25", "Christmas",
                        "2026-12-26", "St.Stephen's Day"),
                holidaysOf(new JollydayHolidays("NO"), 2026));
    }

    @Test
    void CANON_HOURS_1_denmarkChristmasAndGreatPrayerDayUntil2023() {
        JollydayHolidays dk = new JollydayHolidays("dk");
        assertEquals("DK", dk.country());
        assertEquals(Optional.empty(), dk.holiday(LocalDate.of(2026, 12, 24)));
        assertEquals(Optional.of("Christmas"), dk.holiday(LocalDate.of(2026, 12, 25)));
        assertEquals(Optional.of("St.Stephen's Day"), dk.holiday(LocalDate.of(2026, 12, 26)));
        // Store Bededag: 4th Friday after Easter; abolished from 2024 (Easter 2023 = 9 April, 2024 = 31 March)
        assertEquals(Optional.of("General prayer day"), dk.holiday(LocalDate.of(2023, 5, 5)));
        assertEquals(Optional.empty(), dk.holiday(LocalDate.of(2024, 4, 26)));
    }

    @Test
    void KMUA_SW_1_ukraine2026AsJollydayKnowsIt() {
        // Jollyday 1.5.0's Ukrainian calendar: fixed days moved from a weekend to Monday; Orthodox (Julian) Easter
        // (12 April 2026) and Pentecost (31 May 2026), both Sundays, observed on Monday.
        assertEquals(expected(
                        "2026-01-01", "New Year's Day",
                        "2026-01-07", "Christmas",
                        "2026-03-09", "International Woman's Day", // 8 March is a Sunday
                        "2026-04-13", "Easter",
                        "2026-05-01", "Labour day",
                        "2026-05-11", "Victory Day", // 9 May is a Saturday
                        "2026-06-01", "Pentecost",
                        "2026-06-29", "Constitution Day", // 28 June is a Sunday
                        "2026-08-24", "Independence Day",
                        "2026-10-14", "Defender of Ukraine Day",
                        "2026-12-25", "Christmas"),
                holidaysOf(new JollydayHolidays("UA"), 2026));
    }

    @Test
    void unknownCountryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new JollydayHolidays("XX"));
    }

    @Test
    void restoresTheThreadContextClassLoader() throws Exception {
        try (URLClassLoader mine = new URLClassLoader(new URL[0], null)) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(mine);
            try {
                new JollydayHolidays("NO");
                assertSame(mine, thread.getContextClassLoader());
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    @Test
    void concurrentFirstUseGivesTheSameAnswers() throws Exception {
        JollydayHolidays no = new JollydayHolidays("NO");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> tasks = IntStream.range(0, 64)
                    .mapToObj(i -> (Callable<Optional<String>>) () -> no.holiday(LocalDate.of(2030 + i % 8, 12, 25)))
                    .toList();
            for (Future<Optional<String>> f : pool.invokeAll(tasks)) {
                assertEquals(Optional.of("Christmas"), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
