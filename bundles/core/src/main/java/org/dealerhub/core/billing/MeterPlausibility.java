package org.dealerhub.core.billing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;

/**
 * BILL-PLAUSIBLE-1 (platform decision, issue 10): a reading far above the device's usual volume is accepted but
 * held for review before it is billed. A reading in the billed period is implausible when the clicks per day since
 * the previous reading exceed the device's average per day over the {@code months} before that previous reading
 * by more than {@code bufferPercent} percent, and the clicks since the previous reading are more than
 * {@code minimumClicks} (small volumes are never flagged). Clicks count A3 as 2 × A4 and a banner as one; scans
 * are not counted. An average needs at least 28 days of history; a device without it is not judged.
 *
 * @param bufferPercent how far above the average a reading may lie, e.g. 200 (three times the average)
 */
public record MeterPlausibility(int bufferPercent, int months, long minimumClicks) {

    public static final String RULE = "BILL-PLAUSIBLE-1";
    static final int MIN_HISTORY_DAYS = 28;

    /** Why the device's readings in [from, to] need review, or empty when they do not. */
    public Optional<String> check(long deviceId, List<MeterReading> readings, LocalDate from, LocalDate to) {
        int base = 0; // the first reading of the months before the previous one: moves forward only (dates ascend)
        for (int i = 1; i < readings.size(); i++) {
            MeterReading reading = readings.get(i);
            MeterReading previous = readings.get(i - 1);
            if (reading.date().isBefore(from) || reading.date().isAfter(to)) {
                continue;
            }
            long clicks = clicks(reading.counters()) - clicks(previous.counters());
            if (clicks <= minimumClicks) {
                continue;
            }
            LocalDate since = previous.date().minusMonths(months);
            while (readings.get(base).date().isBefore(since)) {
                base++;
            }
            long historyDays = ChronoUnit.DAYS.between(readings.get(base).date(), previous.date());
            if (historyDays < MIN_HISTORY_DAYS) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(previous.date(), reading.date());
            long usual = clicks(previous.counters()) - clicks(readings.get(base).counters());
            // clicks / days > usual / historyDays × (100 + buffer) / 100, in whole numbers
            if (clicks * historyDays * 100 > usual * days * (100L + bufferPercent)) {
                return Optional.of(String.format("device %d: the reading of %s shows %d clicks in %d days, more than"
                        + " %d %% above its average of %.1f a day over the %d days before; held for review before"
                        + " it is billed (correct the reading, or accept it by raising the buffer)", deviceId,
                        reading.date(), clicks, days, bufferPercent, (double) usual / historyDays, historyDays));
            }
        }
        return Optional.empty();
    }

    static long clicks(Counters c) {
        return c.monoA4() + c.colourA4() + 2 * (c.monoA3() + c.colourA3()) + c.banner();
    }
}
