package org.dealerhub.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;
import org.junit.jupiter.api.Test;

class MeterHistoryTest {

    private static final List<MeterReading> READINGS = List.of(
            reading(LocalDate.of(2026, 1, 1), 1_000),
            reading(LocalDate.of(2026, 1, 11), 2_000),
            reading(LocalDate.of(2026, 1, 31), 2_500));

    @Test
    void countersInterpolatedBetweenReadingsAndHeldOutsideThem() {
        assertEquals(1_000, MeterHistory.at(READINGS, LocalDate.of(2025, 12, 1)).monoA4()); // before the first
        assertEquals(1_500, MeterHistory.at(READINGS, LocalDate.of(2026, 1, 6)).monoA4()); // 5 of 10 days
        assertEquals(2_000, MeterHistory.at(READINGS, LocalDate.of(2026, 1, 11)).monoA4());
        assertEquals(2_175, MeterHistory.at(READINGS, LocalDate.of(2026, 1, 18)).monoA4()); // 2,000 + 500 x 7 / 20
        assertEquals(2_500, MeterHistory.at(READINGS, LocalDate.of(2026, 3, 1)).monoA4()); // after the last
        assertEquals(0, MeterHistory.at(List.of(), LocalDate.of(2026, 3, 1)).monoA4());
    }

    @Test
    void useOfConsecutivePeriodsAddsUpToTheWhole() {
        long first = MeterHistory.used(READINGS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 14)).monoA4();
        long second = MeterHistory.used(READINGS, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31)).monoA4();
        assertEquals(1_500, first + second);
        assertEquals(1_500, MeterHistory.used(READINGS, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).monoA4());
        assertEquals(0, MeterHistory.used(READINGS, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)).monoA4());
    }

    @Test
    void extrapolatedFromTheDailyAverage() {
        // 1,500 over 30 days = 50 a day; 10 days after the last reading: 2,500 + 500 = 3,000
        assertEquals(Optional.of(3_000L), MeterHistory.extrapolated(READINGS, LocalDate.of(2026, 2, 10))
                .map(Counters::monoA4));
        assertEquals(Optional.empty(), MeterHistory.extrapolated(READINGS, LocalDate.of(2026, 1, 31)));
        assertEquals(Optional.empty(), MeterHistory.extrapolated(READINGS.subList(0, 1), LocalDate.of(2026, 2, 1)));
    }

    private static MeterReading reading(LocalDate day, long mono) {
        return new MeterReading(1, day, new Counters(mono, 0, 0, 0, 0, 0), Instant.EPOCH, "test");
    }
}
