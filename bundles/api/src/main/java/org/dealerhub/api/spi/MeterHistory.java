package org.dealerhub.api.spi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MeterReading;

/**
 * A device's meter history read as a function of the day, for billing policies (issue 10). The counters at the end
 * of a day are interpolated linearly between the accepted readings around it, so the use of consecutive periods
 * always adds up to the use of the whole (what one period gains the next one loses), and a late reading changes
 * only the periods it lies between.
 */
public final class MeterHistory {

    private MeterHistory() {
    }

    /**
     * The counters at the end of {@code day}: the reading of that day; between two readings, interpolated per
     * counter (rounded down); before the first reading, the first one (nothing was used before it); after the last
     * reading, the last one (see {@link #extrapolated} for an estimate). Zero without readings.
     *
     * @param readings accepted readings, oldest first
     */
    public static Counters at(List<MeterReading> readings, LocalDate day) {
        if (readings.isEmpty()) {
            return new Counters(0, 0, 0, 0, 0, 0);
        }
        MeterReading before = null;
        for (MeterReading r : readings) {
            if (r.date().isAfter(day)) {
                return before == null ? r.counters() : interpolate(before, r, day);
            }
            before = r;
        }
        return before.counters();
    }

    /** The use from the start of {@code from} to the end of {@code to}; zero for an empty span. */
    public static Counters used(List<MeterReading> readings, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return new Counters(0, 0, 0, 0, 0, 0);
        }
        return minus(at(readings, to), at(readings, from.minusDays(1)));
    }

    /**
     * An estimate of the counters at the end of {@code day} when the last reading is older: the last reading plus
     * its daily average (from the first reading at most a year before it) times the days since. Empty when
     * {@code day} is not after the last reading or fewer than two readings make an average.
     */
    public static Optional<Counters> extrapolated(List<MeterReading> readings, LocalDate day) {
        if (readings.size() < 2 || !readings.get(readings.size() - 1).date().isBefore(day)) {
            return Optional.empty();
        }
        MeterReading last = readings.get(readings.size() - 1);
        MeterReading first = readings.stream().filter(r -> !r.date().isBefore(last.date().minusYears(1)))
                .findFirst().orElseThrow();
        long span = ChronoUnit.DAYS.between(first.date(), last.date());
        if (span == 0) {
            first = readings.get(readings.size() - 2);
            span = ChronoUnit.DAYS.between(first.date(), last.date());
        }
        long days = ChronoUnit.DAYS.between(last.date(), day);
        long[] a = first.counters().values();
        long[] b = last.counters().values();
        long[] v = new long[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = b[i] + Math.multiplyExact(b[i] - a[i], days) / span;
        }
        return Optional.of(counters(v));
    }

    public static Counters minus(Counters a, Counters b) {
        long[] x = a.values();
        long[] y = b.values();
        long[] v = new long[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i] - y[i];
        }
        return counters(v);
    }

    public static Counters plus(Counters a, Counters b) {
        long[] x = a.values();
        long[] y = b.values();
        long[] v = new long[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.addExact(x[i], y[i]);
        }
        return counters(v);
    }

    private static Counters interpolate(MeterReading before, MeterReading after, LocalDate day) {
        long span = ChronoUnit.DAYS.between(before.date(), after.date());
        long elapsed = ChronoUnit.DAYS.between(before.date(), day);
        long[] a = before.counters().values();
        long[] b = after.counters().values();
        long[] v = new long[a.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = a[i] + Math.multiplyExact(b[i] - a[i], elapsed) / span;
        }
        return counters(v);
    }

    private static Counters counters(long[] v) {
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
