package org.dealerhub.core.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.dealerhub.api.Market;
import org.dealerhub.api.spi.BusinessCalendar;

/**
 * A market's business time (CANON-HOURS-1, KMNO-HOURS-1, KMUA-SW-1): the market's hours [opens, closes) in its time
 * zone on its working days (Monday to Friday unless configured otherwise), without the public holidays of its
 * {@link HolidaySource} and without the dealer's own closed days. Hours may close at midnight and a week may have
 * seven working days, so round the clock (KMUA-EXTRA-1's 24/7) is the market 00:00-24:00 on every day: its
 * intervals then touch, and not a minute is lost at midnight. Immutable and pure: a change of market, holidays or closed days makes a new calendar.
 *
 * <p>Each year is computed once, on first use, into a table of its business intervals as absolute instants (epoch
 * nanoseconds), so daylight-saving changes need no special case: an interval is always the local opening to the
 * local closing of that day, and arithmetic runs on the absolute time line. A lookup is a binary search in one
 * year's table; nothing is allocated but the returned {@link Instant} or {@link Duration}. Supported are the years
 * {@value #MIN_YEAR} to {@value #MAX_YEAR}.
 *
 * <p>Conventions: a duration that ends exactly at a closing ends there (4 business hours from 12:00 is 16:00 the
 * same day, not 08:00 the next); {@link #clockStart} of an instant at or after the closing is the next opening.
 */
public final class MarketCalendar implements BusinessCalendar {

    /** A closed day of the market in a date range: a public holiday or a dealer's own closed day. */
    public record Holiday(LocalDate date, String name, boolean dealerClosedDay) {
    }

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    static final String DEALER_CLOSED_DAY = "Dealer closed day";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Average Gregorian year, for a first guess of an instant's year. */
    private static final long SECONDS_PER_AVERAGE_YEAR = 31_556_952L;
    private static final long MIN_EPOCH_SECOND = LocalDate.of(MIN_YEAR - 1, 12, 30).toEpochDay() * 86_400L;
    private static final long MAX_EPOCH_SECOND = LocalDate.of(MAX_YEAR + 1, 1, 2).toEpochDay() * 86_400L;

    private final Market market;
    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final boolean closesAtMidnight;
    private final Set<DayOfWeek> workingDays;
    private final HolidaySource holidays;
    private final Set<LocalDate> dealerClosedDays;
    private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(MAX_YEAR - MIN_YEAR + 1);

    public MarketCalendar(Market market, HolidaySource holidays, Set<LocalDate> dealerClosedDays) {
        this.market = Objects.requireNonNull(market, "market");
        this.zone = Objects.requireNonNull(market.zone(), "market zone");
        this.opens = Objects.requireNonNull(market.opens(), "market opens");
        this.closes = Objects.requireNonNull(market.closes(), "market closes");
        this.closesAtMidnight = market.closesAtMidnight();
        this.workingDays = market.workingDays();
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.dealerClosedDays = Set.copyOf(dealerClosedDays);
    }

    public Market market() {
        return market;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public boolean isBusinessTime(Instant instant) {
        long t = nanos(instant);
        YearTable y = yearOf(t);
        int k = y.firstClosingAfter(t);
        return k < y.count && y.open[k] <= t;
    }

    @Override
    public Instant clockStart(Instant instant) {
        long t = nanos(instant);
        YearTable y = yearOf(t);
        int k = y.firstClosingAfter(t);
        if (k < y.count) {
            return y.open[k] <= t ? instant : instant(y.open[k]);
        }
        return instant(nextWithBusinessDays(y).open[0]);
    }

    @Override
    public Instant plusBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time: " + amount);
        }
        long t = nanos(from);
        YearTable y = yearOf(t);
        int k = y.firstClosingAfter(t);
        if (k == y.count) {
            y = nextWithBusinessDays(y);
            k = 0;
        }
        // position in the year's business time line where the clock starts, plus the amount
        long target = y.cumulative[k] + Math.max(0, t - y.open[k]) + amount.toNanos();
        while (target > y.total()) {
            target -= y.total();
            y = nextWithBusinessDays(y);
            k = 0;
        }
        int j = y.intervalEndingAtOrAfter(target, k);
        return instant(y.open[j] + (target - y.cumulative[j]));
    }

    @Override
    public Instant closeOfNextBusinessDay(Instant instant) {
        long t = nanos(instant);
        YearTable y = yearOf(t);
        int k = y.firstClosingAfter(t); // the business day the clock starts on
        if (k == y.count) {
            y = nextWithBusinessDays(y);
            k = 0;
        }
        if (k + 1 < y.count) {
            return instant(y.close[k + 1]);
        }
        return instant(nextWithBusinessDays(y).close[0]);
    }

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.compareTo(from) <= 0) {
            return Duration.ZERO;
        }
        long f = nanos(from);
        long t = nanos(to);
        YearTable yf = yearOf(f);
        YearTable yt = yearOf(t);
        if (yf == yt) {
            return Duration.ofNanos(yt.position(t) - yf.position(f));
        }
        long sum = yf.total() - yf.position(f);
        for (int year = yf.year + 1; year < yt.year; year++) {
            sum += table(year).total();
        }
        return Duration.ofNanos(sum + yt.position(t));
    }

    /** Monday to Friday and neither a public holiday nor a dealer closed day. */
    public boolean isWorkingDay(LocalDate date) {
        YearTable y = table(date.getYear());
        return y.working[date.getDayOfYear() - 1];
    }

    /**
     * The public holidays and dealer closed days from {@code from} to {@code to}, both inclusive, in date order; a
     * public holiday on a weekend is listed too. A dealer closed day on a public holiday is listed once, as the
     * public holiday.
     */
    public List<Holiday> holidays(LocalDate from, LocalDate to) {
        List<Holiday> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            YearTable y = table(d.getYear());
            int i = d.getDayOfYear() - 1;
            if (y.holidayName[i] != null) {
                result.add(new Holiday(d, y.holidayName[i], false));
            } else if (y.dealerClosed[i]) {
                result.add(new Holiday(d, DEALER_CLOSED_DAY, true));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "MarketCalendar[" + market.code() + " " + zone + " " + opens + "-" + (closesAtMidnight ? "24:00" : closes)
                + " " + workingDays + ", " + holidays
                + ", " + dealerClosedDays.size() + " dealer closed days]";
    }

    // ---- year tables

    private YearTable yearOf(long t) {
        int year = (int) (1970 + Math.floorDiv(Math.floorDiv(t, NANOS_PER_SECOND), SECONDS_PER_AVERAGE_YEAR));
        year = Math.max(MIN_YEAR, Math.min(MAX_YEAR, year));
        YearTable y = table(year);
        while (t < y.start) {
            y = table(y.year - 1);
        }
        while (t >= y.end) {
            y = table(y.year + 1);
        }
        return y;
    }

    /** The first year after {@code y} with at least one business day. */
    private YearTable nextWithBusinessDays(YearTable y) {
        do {
            y = table(y.year + 1);
        } while (y.count == 0);
        return y;
    }

    private YearTable table(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeException("year " + year + " outside the calendar's range " + MIN_YEAR + "-" + MAX_YEAR);
        }
        int i = year - MIN_YEAR;
        YearTable y = years.get(i);
        if (y == null) {
            // pure: two threads may both build the same year; either result is the same
            y = build(year);
            if (!years.compareAndSet(i, null, y)) {
                y = years.get(i);
            }
        }
        return y;
    }

    private YearTable build(int year) {
        int days = Year.of(year).length();
        LocalDate first = LocalDate.of(year, 1, 1);
        boolean[] working = new boolean[days];
        boolean[] dealerClosed = new boolean[days];
        String[] holidayName = new String[days];
        long[] open = new long[days];
        long[] close = new long[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            LocalDate date = first.plusDays(i);
            holidayName[i] = holidays.holiday(date).orElse(null);
            dealerClosed[i] = dealerClosedDays.contains(date);
            working[i] = workingDays.contains(date.getDayOfWeek()) && holidayName[i] == null && !dealerClosed[i];
            if (working[i]) {
                open[count] = nanos(date.atTime(opens).atZone(zone).toInstant());
                close[count] = nanos((closesAtMidnight ? date.plusDays(1).atStartOfDay(zone)
                        : date.atTime(closes).atZone(zone)).toInstant());
                count++;
            }
        }
        long start = nanos(first.atStartOfDay(zone).toInstant());
        long end = nanos(first.plusYears(1).atStartOfDay(zone).toInstant());
        return new YearTable(year, start, end, Arrays.copyOf(open, count), Arrays.copyOf(close, count), working,
                dealerClosed, holidayName);
    }

    /**
     * One year of business intervals [open[i], close[i]) in epoch nanoseconds, ascending, and the business time
     * before each: cumulative[i] = sum of the lengths of intervals 0..i-1 (cumulative[count] = the year's total).
     */
    private static final class YearTable {
        final int year;
        final long start;
        final long end;
        final int count;
        final long[] open;
        final long[] close;
        final long[] cumulative;
        final boolean[] working;
        final boolean[] dealerClosed;
        final String[] holidayName;

        YearTable(int year, long start, long end, long[] open, long[] close, boolean[] working,
                boolean[] dealerClosed, String[] holidayName) {
            this.year = year;
            this.start = start;
            this.end = end;
            this.count = open.length;
            this.open = open;
            this.close = close;
            this.working = working;
            this.dealerClosed = dealerClosed;
            this.holidayName = holidayName;
            this.cumulative = new long[count + 1];
            for (int i = 0; i < count; i++) {
                cumulative[i + 1] = cumulative[i] + (close[i] - open[i]);
            }
        }

        long total() {
            return cumulative[count];
        }

        /** The first interval whose closing is after t, or count if none. */
        int firstClosingAfter(long t) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (close[mid] > t) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** The first interval j >= from whose end position cumulative[j + 1] is at or after p (0 < p <= total). */
        int intervalEndingAtOrAfter(long p, int from) {
            int lo = from;
            int hi = count - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid + 1] >= p) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** Business time in this year before t (t within [start, end)). */
        long position(long t) {
            int k = firstClosingAfter(t);
            return k == count ? total() : cumulative[k] + Math.max(0, t - open[k]);
        }
    }

    // ---- instants as epoch nanoseconds

    private static long nanos(Instant instant) {
        long s = instant.getEpochSecond();
        if (s < MIN_EPOCH_SECOND || s >= MAX_EPOCH_SECOND) {
            throw new DateTimeException(instant + " outside the calendar's range " + MIN_YEAR + "-" + MAX_YEAR);
        }
        return s * NANOS_PER_SECOND + instant.getNano();
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }
}
