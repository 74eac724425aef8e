package org.dealerhub.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor the meter-reading ingest is measured against: plain JDBC into an embedded Derby database on disk (the
 * Derby version the distribution ships, default durability: every commit is forced to disk), into a table of the
 * same shape as {@code METER_READING} (same columns, primary key, unique (device, day) and foreign key to a device).
 *
 * <p>Single: {@code threads} threads, each with its own connection and device, insert one row and commit, as fast
 * as they can, for a warm-up and then {@code seconds}. Batch: one connection inserts {@code batches} batches of
 * {@code batchSize} rows (one prepared statement, {@code addBatch}, one commit per batch).
 *
 * <p>Usage: {@code java -cp dealerhub-benchmarks.jar org.dealerhub.bench.JdbcFloor DIR [--threads=4] [--seconds=20]
 * [--warmup=20] [--batches=20] [--batch-size=1000] [--kv]}. DIR must not exist yet (a fresh database is created
 * there and left behind for the caller to delete).
 */
public final class JdbcFloor {

    private static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    private static final String INSERT = "INSERT INTO METER_READING (ID, DEVICE_ID, READING_DATE, MONO_A4, COLOUR_A4,"
            + " MONO_A3, COLOUR_A3, BANNER, SCANS, ACCEPTED_AT, ACCEPTED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final String url;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong devices = new AtomicLong();

    private JdbcFloor(Path dir) {
        this.url = "jdbc:derby:" + dir.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JdbcFloor DIR [--threads=4] [--seconds=20] [--warmup=20] [--batches=20]"
                    + " [--batch-size=1000] [--kv]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) {
            System.err.println("error: " + dir + " exists already");
            System.exit(2);
        }
        int threads = 4;
        int seconds = 20;
        int warmup = 20;
        int batches = 20;
        int batchSize = 1000;
        boolean kv = false;
        for (String a : Arrays.asList(args).subList(1, args.length)) {
            String v = a.substring(a.indexOf('=') + 1);
            if (a.startsWith("--threads=")) {
                threads = bounded(v, 1, 64);
            } else if (a.startsWith("--seconds=")) {
                seconds = bounded(v, 1, 600);
            } else if (a.startsWith("--warmup=")) {
                warmup = bounded(v, 0, 600);
            } else if (a.startsWith("--batches=")) {
                batches = bounded(v, 0, 100);
            } else if (a.startsWith("--batch-size=")) {
                batchSize = bounded(v, 1, 5000);
            } else if (a.equals("--kv")) {
                kv = true;
            } else {
                System.err.println("error: unknown option " + a);
                System.exit(2);
            }
        }
        JdbcFloor floor = new JdbcFloor(dir);
        floor.createSchema();
        if (warmup > 0) {
            floor.singles(threads, warmup);
        }
        Single single = floor.singles(threads, seconds);
        Batch batch = floor.batches(batches, batchSize);
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception (XJ015)
        }
        System.out.printf(Locale.ROOT, "raw JDBC into Derby on disk (%s)%n", dir);
        System.out.printf(Locale.ROOT, "  single-row durable commits  %d threads, %d s warm-up, %d s: %.0f commits/s"
                + "   p50 %.2f ms   p99 %.2f ms   CPU %.0f us per commit%n", threads, warmup, seconds, single.rate,
                single.p50Ms, single.p99Ms, single.cpuUs);
        System.out.printf(Locale.ROOT, "  batches                     %d x %d rows, one commit each: %.0f rows/s"
                + "   CPU %.1f us per row%n", batches, batchSize, batch.rate, batch.cpuUs);
        if (kv) {
            System.out.printf(Locale.ROOT, "BENCH floor.single_per_s=%.0f%n", single.rate);
            System.out.printf(Locale.ROOT, "BENCH floor.single_p99_ms=%.2f%n", single.p99Ms);
            System.out.printf(Locale.ROOT, "BENCH floor.single_cpu_us=%.0f%n", single.cpuUs);
            System.out.printf(Locale.ROOT, "BENCH floor.batch_rows_per_s=%.0f%n", batch.rate);
            System.out.printf(Locale.ROOT, "BENCH floor.batch_cpu_us=%.1f%n", batch.cpuUs);
        }
    }

    private static int bounded(String value, int min, int max) {
        int v = Integer.parseInt(value.trim());
        if (v < min || v > max) {
            throw new IllegalArgumentException(value + " is not in " + min + ".." + max);
        }
        return v;
    }

    private Connection connect(boolean create) throws SQLException {
        Connection c = DriverManager.getConnection(url + (create ? ";create=true" : ""));
        c.setAutoCommit(false);
        return c;
    }

    /** The columns, keys and constraints of the platform's METER_READING table (db/migration/V1__initial.sql). */
    private void createSchema() throws SQLException {
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE DEVICE (ID BIGINT NOT NULL PRIMARY KEY, SERIAL_NUMBER VARCHAR(60) NOT NULL)");
            s.execute("CREATE TABLE METER_READING (ID BIGINT NOT NULL PRIMARY KEY,"
                    + " DEVICE_ID BIGINT NOT NULL REFERENCES DEVICE (ID), READING_DATE DATE NOT NULL,"
                    + " MONO_A4 BIGINT NOT NULL, COLOUR_A4 BIGINT NOT NULL, MONO_A3 BIGINT NOT NULL,"
                    + " COLOUR_A3 BIGINT NOT NULL, BANNER BIGINT NOT NULL, SCANS BIGINT NOT NULL,"
                    + " ACCEPTED_AT TIMESTAMP NOT NULL, ACCEPTED_BY VARCHAR(100) NOT NULL,"
                    + " CONSTRAINT UQ_READING_DEVICE_DAY UNIQUE (DEVICE_ID, READING_DATE))");
            c.commit();
        }
    }

    private long newDevice(Connection c) throws SQLException {
        long id = devices.incrementAndGet();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO DEVICE (ID, SERIAL_NUMBER) VALUES (?, ?)")) {
            p.setLong(1, id);
            p.setString(2, "FLOOR-" + id);
            p.executeUpdate();
        }
        c.commit();
        return id;
    }

    private void bind(PreparedStatement p, long device, int day) throws SQLException {
        p.setLong(1, ids.incrementAndGet());
        p.setLong(2, device);
        p.setObject(3, java.sql.Date.valueOf(FIRST_DATE.plusDays(day)));
        for (int col = 4; col <= 9; col++) {
            p.setLong(col, day + col);
        }
        p.setTimestamp(10, new Timestamp(System.currentTimeMillis()));
        p.setString(11, "admin");
    }

    record Single(double rate, double p50Ms, double p99Ms, double cpuUs) {
    }

    /** CPU time this process has used so far (all threads; Derby is embedded, so this is the database's work). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Single singles(int threads, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        int[] counts = new int[threads];
        Exception[] failure = new Exception[1];
        for (int t = 0; t < threads; t++) {
            int me = t;
            long[] lat = new long[500_000];
            latencies.add(lat);
            Thread w = new Thread(() -> {
                try (Connection c = connect(false); PreparedStatement p = c.prepareStatement(INSERT)) {
                    long device = newDevice(c);
                    int day = 0;
                    start.await();
                    while (!stop.get() && counts[me] < lat.length) {
                        if (day == 9000) { // stay within the same range of dates as the platform benchmark
                            device = newDevice(c);
                            day = 0;
                        }
                        long t0 = System.nanoTime();
                        bind(p, device, day++);
                        p.executeUpdate();
                        c.commit();
                        lat[counts[me]++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
            }, "floor-" + t);
            workers.add(w);
            w.start();
        }
        long t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        start.countDown();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long cpu = cpuNanos() - cpu0;
        if (failure[0] != null) {
            throw failure[0];
        }
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Single(all.length / wall, IngestBenchmark.percentile(all, 50) / 1e6,
                IngestBenchmark.percentile(all, 99) / 1e6, all.length == 0 ? 0 : cpu / 1e3 / all.length);
    }

    record Batch(double rate, double cpuUs) {
    }

    private Batch batches(int batches, int batchSize) throws SQLException {
        long nanos = 0;
        long cpu = 0;
        long rows = 0;
        try (Connection c = connect(false); PreparedStatement p = c.prepareStatement(INSERT)) {
            for (int b = 0; b < batches; b++) {
                long device = newDevice(c);
                long t0 = System.nanoTime();
                long cpu0 = cpuNanos();
                for (int i = 0; i < batchSize; i++) {
                    bind(p, device, i);
                    p.addBatch();
                }
                p.executeBatch();
                c.commit();
                nanos += System.nanoTime() - t0;
                cpu += cpuNanos() - cpu0;
                rows += batchSize;
            }
        }
        return new Batch(nanos == 0 ? 0 : rows / (nanos / 1e9), rows == 0 ? 0 : cpu / 1e3 / rows);
    }
}
