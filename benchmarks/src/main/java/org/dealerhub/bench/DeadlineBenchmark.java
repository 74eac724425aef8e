package org.dealerhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.dealerhub.api.Market;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.core.calendar.JollydayHolidays;
import org.dealerhub.core.calendar.MarketCalendar;
import org.dealerhub.vendor.canon.CanonResponseTimeRule;
import org.dealerhub.vendor.konicaminolta.KonicaMinoltaNorwayResponseTimeRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the response-deadline computation on one thread: the Norway market calendar (Europe/Oslo,
 * 08:00-16:00, Jollyday public holidays of NO, no dealer closed days) and the Canon and Konica Minolta Norway
 * response-time rules on top of it. Each call takes the next of {@value #SAMPLES} registration instants drawn
 * uniformly from 2026-01-01 to 2027-12-31 (Oslo time, fixed seed), so the binary searches see varied inputs and
 * the year tables of 2026 and 2027 (and the spill into 2028) are used; all years are built in the setup, never
 * during measurement.
 *
 * <p>Not part of the test suite. Run: {@code benchmarks/run-deadline-jmh.sh} or
 * {@code java -jar benchmarks/target/dealerhub-jmh.jar [JMH options]}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class DeadlineBenchmark {

    /** A power of two, so the cycling index is a mask. */
    static final int SAMPLES = 4096;
    static final long SEED = 0x5EED_2026L;

    static final Market NORWAY = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
            LocalTime.of(8, 0), LocalTime.of(16, 0));
    static final Duration SIX_HOURS = Duration.ofHours(6);

    MarketCalendar calendar;
    ResponseTimeRule canon;
    ResponseTimeRule konicaMinolta;

    /** Registration instants. */
    Instant[] registered;
    /** {@code calendar.clockStart(registered[i])}: the input of plusBusinessTime in {@link #plusSixBusinessHours}. */
    Instant[] clockStart;
    /** Canon PLUS orders registered at {@code registered[i]}. */
    OrderFacts[] canonPlus;
    /** Konica Minolta Norway SERVICE orders, category Driftsstans, 12 km, registered at {@code registered[i]}. */
    OrderFacts[] kmDriftsstans;

    int next;

    @Setup(Level.Trial)
    public void setUp() {
        calendar = new MarketCalendar(NORWAY, new JollydayHolidays(NORWAY.code()), Set.of());
        // build the year tables (and ask Jollyday) for every year a lookup can touch: 2026-2027 and the neighbours
        for (int year = 2025; year <= 2029; year++) {
            calendar.isWorkingDay(LocalDate.of(year, 1, 1));
        }
        canon = new CanonResponseTimeRule();
        // as DS activates it without a configuration: the defaults (Driftsstans 8 h, Annet 16 h, within 30 km)
        konicaMinolta = new KonicaMinoltaNorwayResponseTimeRule();

        ZoneId zone = NORWAY.zone();
        long from = LocalDate.of(2026, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        long to = LocalDate.of(2028, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, String> kmFacts = Map.of("category", "Driftsstans", "distanceKm", "12");

        registered = new Instant[SAMPLES];
        clockStart = new Instant[SAMPLES];
        canonPlus = new OrderFacts[SAMPLES];
        kmDriftsstans = new OrderFacts[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Instant at = Instant.ofEpochMilli(random.nextLong(from, to));
            registered[i] = at;
            clockStart[i] = calendar.clockStart(at);
            canonPlus[i] = new OrderFacts("NO", "PLUS", at, Map.of());
            kmDriftsstans[i] = new OrderFacts("NO", "SERVICE", at, kmFacts);
        }
        check();
        next = 0;
    }

    /** Fails the trial if a benchmarked call does not compute what it should (e.g. a rule answering "no deadline"). */
    private void check() {
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = clockStart[i];
            Instant close = calendar.closeOfNextBusinessDay(registered[i]);
            if (!close.isAfter(start)) {
                throw new IllegalStateException("closeOfNextBusinessDay(" + registered[i] + ") = " + close);
            }
            Instant plus6 = calendar.plusBusinessTime(start, SIX_HOURS);
            if (!calendar.businessTimeBetween(start, plus6).equals(SIX_HOURS)) {
                throw new IllegalStateException("plusBusinessTime(" + start + ", 6h) = " + plus6);
            }
            ResponseDeadline c = canon.deadline(canonPlus[i], calendar);
            if (!c.deadline().equals(Optional.of(plus6))) {
                throw new IllegalStateException("Canon PLUS " + registered[i] + ": " + c);
            }
            ResponseDeadline k = konicaMinolta.deadline(kmDriftsstans[i], calendar);
            if (!k.deadline().equals(Optional.of(calendar.plusBusinessTime(start, Duration.ofHours(8))))) {
                throw new IllegalStateException("Konica Minolta Driftsstans " + registered[i] + ": " + k);
            }
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (SAMPLES - 1);
        return i;
    }

    /** (a) CANON-PKG-1's computation: close of business on the next business day. */
    @Benchmark
    public void closeOfNextBusinessDay(Blackhole bh) {
        bh.consume(calendar.closeOfNextBusinessDay(registered[nextIndex()]));
    }

    /** (b) 6 business hours from a clock start (CANON-PKG-3 PLUS without the rule around it). */
    @Benchmark
    public void plusSixBusinessHours(Blackhole bh) {
        bh.consume(calendar.plusBusinessTime(clockStart[nextIndex()], SIX_HOURS));
    }

    /** (c) the full Canon rule for PLUS: clockStart, plusBusinessTime and the ResponseDeadline. */
    @Benchmark
    public void canonPlusDeadline(Blackhole bh) {
        bh.consume(canon.deadline(canonPlus[nextIndex()], calendar));
    }

    /** (d) the full Konica Minolta Norway rule: category Driftsstans, distanceKm 12 (default targets). */
    @Benchmark
    public void konicaMinoltaNorwayDriftsstansDeadline(Blackhole bh) {
        bh.consume(konicaMinolta.deadline(kmDriftsstans[nextIndex()], calendar));
    }
}
