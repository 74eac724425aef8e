package org.dealerhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Meter-reading ingest benchmark against a running Dealerhub (localhost only).
 *
 * <p>Phase A (single readings): {@code clients} threads each own a fresh device and POST one reading per request to
 * {@code /api/v1/devices/{id}/meter-readings}, each with the next date (counting forward from 2000-01-01) and higher
 * counters, so no request is refused by the one-reading-per-day or never-decreasing rules. A short warm-up runs
 * first and is not counted. The measured phase stops after {@code seconds} or {@code maxRequests} requests,
 * whichever comes first.
 *
 * <p>Phase B (batches): {@code batches} requests, one after the other, each a JSON array of {@code batchSize}
 * readings on consecutive dates for a fresh device; the answer must say {@code accepted == batchSize}.
 *
 * <p>Usage: {@code java -jar dealerhub-benchmarks.jar [baseUrl] [clients] [seconds] [maxRequests] [batches]
 * [--batch-size=1000] [--warmup=3] [--user=admin] [--password=admin-demo] [--server-pid=PID] [--kv]}. Defaults:
 * {@code http://localhost:8181 8 20 200000 5}. {@code --kv} also prints {@code BENCH key=value} lines for scripts;
 * {@code --server-pid} (the Karaf JVM on this machine) adds the server's CPU time per request.
 * Exit status: 0 all checks passed, 3 the run finished but a check failed (non-2xx, batch not fully accepted,
 * history count mismatch), 1 setup failed, 2 bad arguments.
 */
public final class IngestBenchmark {

    private static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    // hard bounds so the tool can never run away
    private static final int MAX_CLIENTS = 64;
    private static final int MAX_SECONDS = 600;
    private static final long MAX_REQUESTS = 5_000_000L;
    private static final int MAX_BATCHES = 100;
    private static final int MAX_BATCH_SIZE = 5_000; // the platform's own limit per request
    private static final int MAX_WARMUP_SECONDS = 600;
    /** USER_HZ of /proc/PID/stat: 100 on every Linux architecture Dealerhub runs on. */
    private static final long CLOCK_TICKS = 100;

    record Options(URI base, int clients, int seconds, long maxRequests, int batches, int batchSize,
            int warmupSeconds, String user, String password, boolean kv, long serverPid) {
    }

    private final Options options;
    private final HttpClient http;
    private final String authorization;
    private final String runId;
    private final AtomicLong serials = new AtomicLong();
    /** Last date a reading may carry; the platform refuses dates after today (on the earliest time zone). */
    private final int maxDayIndex;
    private long organisationId;

    private IngestBenchmark(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
        this.runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase(Locale.ROOT);
        // yesterday in UTC is never in the future anywhere
        this.maxDayIndex = (int) ChronoUnit.DAYS.between(FIRST_DATE, LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: IngestBenchmark [baseUrl] [clients] [seconds] [maxRequests] [batches]"
                    + " [--batch-size=N] [--warmup=S] [--user=U] [--password=P] [--server-pid=PID] [--kv]");
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new IngestBenchmark(options).run();
        } catch (SetupException e) {
            System.err.println("setup failed: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            status = 1;
        }
        System.exit(status);
    }

    // ------------------------------------------------------------------------------------------------ arguments

    static Options parse(String[] args) {
        List<String> positional = new ArrayList<>();
        int batchSize = 1000;
        int warmup = 3;
        String user = "admin";
        String password = "admin-demo";
        boolean kv = false;
        long serverPid = 0;
        for (String a : args) {
            if (a.equals("--kv")) {
                kv = true;
            } else if (a.startsWith("--batch-size=")) {
                batchSize = intArg(a.substring(13), "--batch-size", 1, MAX_BATCH_SIZE);
            } else if (a.startsWith("--warmup=")) {
                warmup = intArg(a.substring(9), "--warmup", 0, MAX_WARMUP_SECONDS);
            } else if (a.startsWith("--server-pid=")) {
                serverPid = intArg(a.substring(13), "--server-pid", 1, Integer.MAX_VALUE);
            } else if (a.startsWith("--user=")) {
                user = a.substring(7);
            } else if (a.startsWith("--password=")) {
                password = a.substring(11);
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > 5) {
            throw new IllegalArgumentException("at most 5 positional arguments");
        }
        String url = positional.size() > 0 ? positional.get(0) : "http://localhost:8181";
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base URL " + url);
        }
        if (base.getScheme() == null || !Set.of("http", "https").contains(base.getScheme())
                || base.getHost() == null || !LOCAL_HOSTS.contains(base.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the base URL must be http(s)://localhost[:port] (got " + url + ")");
        }
        int clients = positional.size() > 1 ? intArg(positional.get(1), "clients", 1, MAX_CLIENTS) : 8;
        int seconds = positional.size() > 2 ? intArg(positional.get(2), "seconds", 1, MAX_SECONDS) : 20;
        long maxRequests = positional.size() > 3 ? intArg(positional.get(3), "maxRequests", 1, MAX_REQUESTS)
                : 200_000;
        int batches = positional.size() > 4 ? intArg(positional.get(4), "batches", 0, MAX_BATCHES) : 5;
        return new Options(base, clients, seconds, maxRequests, batches, batchSize, warmup, user, password, kv,
                serverPid);
    }

    private static int intArg(String value, String name, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got " + value + ")");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (got " + v + ")");
        }
        return (int) v;
    }

    // ------------------------------------------------------------------------------------------------ the run

    private int run() throws SetupException, InterruptedException {
        HttpResponse<String> health = call("GET", "/api/v1/health", null, false);
        if (health.statusCode() != 200) {
            throw new SetupException("GET /api/v1/health answered " + health.statusCode() + " (platform not ready)");
        }
        organisationId = createOrganisation();

        // ---- phase A: single readings
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            clients.add(new Client(createDevice()));
        }
        if (options.warmupSeconds() > 0) {
            runPhase(clients, options.warmupSeconds(), Long.MAX_VALUE, false);
        }
        ServerCpu cpu0 = serverCpu();
        PhaseResult single = runPhase(clients, options.seconds(), options.maxRequests(), true);
        single.serverCpu = serverCpu().minus(cpu0);
        long expectedHistory = 0;
        long actualHistory = 0;
        for (Client c : clients) {
            for (Map.Entry<Long, Long> e : c.acceptedPerDevice.entrySet()) {
                expectedHistory += e.getValue();
                actualHistory += historySize(e.getKey());
            }
        }

        // ---- phase B: batches
        cpu0 = serverCpu();
        BatchResult batch = runBatches();
        batch.serverCpu = serverCpu().minus(cpu0);

        return report(single, batch, expectedHistory, actualHistory);
    }

    /** Runs all clients until {@code seconds} have passed or the request budget is spent. */
    private PhaseResult runPhase(List<Client> clients, int seconds, long budget, boolean record)
            throws InterruptedException {
        AtomicLong remaining = new AtomicLong(budget);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            c.reset(record);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    c.loop(stop, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(seconds).toNanos();
        start.countDown();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
            if (System.nanoTime() >= deadline) {
                stop.set(true);
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000); // a request in flight finishes within the request timeout
        }
        long wallNanos = System.nanoTime() - t0;

        PhaseResult r = new PhaseResult();
        r.wallNanos = wallNanos;
        for (Client c : clients) {
            r.latencies.addAll(c.latencies);
            c.statuses.forEach((k, v) -> r.statuses.merge(k, v, Long::sum));
            c.errorSamples.forEach(r.errorSamples::putIfAbsent);
            r.ioErrors += c.ioErrors;
            r.extraDevices += c.extraDevices;
        }
        return r;
    }

    /** One simulated client: its own device, the next date and higher counters on every request. */
    private final class Client {
        final LeanHttp connection = new LeanHttp(options.base(), authorization, 60_000);
        long deviceId;
        int dayIndex;
        final Map<Long, Long> acceptedPerDevice = new TreeMap<>();
        boolean record;
        LongList latencies = new LongList();
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<Integer, String> errorSamples = new TreeMap<>();
        long ioErrors;
        int extraDevices;

        Client(long deviceId) {
            this.deviceId = deviceId;
        }

        void reset(boolean record) {
            this.record = record;
            latencies = new LongList();
            statuses = new TreeMap<>();
            errorSamples = new TreeMap<>();
            ioErrors = 0;
            extraDevices = 0;
        }

        void loop(AtomicBoolean stop, AtomicLong remaining) {
            while (!stop.get() && remaining.decrementAndGet() >= 0) {
                if (dayIndex > maxDayIndex) { // used up every day up to yesterday: continue on a fresh device
                    try {
                        deviceId = createDevice();
                    } catch (SetupException e) {
                        ioErrors++;
                        return;
                    }
                    dayIndex = 0;
                    extraDevices++;
                }
                long counter = dayIndex + 1L;
                String body = "{\"date\":\"" + FIRST_DATE.plusDays(dayIndex) + "\",\"counters\":{\"monoA4\":" + counter
                        + ",\"colourA4\":" + counter + ",\"monoA3\":0,\"colourA3\":0,\"banner\":0,\"scans\":0}}";
                dayIndex++; // never reuse a date, whatever the answer
                long t0 = System.nanoTime();
                int status;
                String answer;
                try {
                    LeanHttp.Answer r = connection.post("/api/v1/devices/" + deviceId + "/meter-readings", body);
                    status = r.status();
                    answer = r.body();
                } catch (IOException e) {
                    ioErrors++;
                    connection.close();
                    continue;
                }
                long nanos = System.nanoTime() - t0;
                if (status / 100 == 2) {
                    acceptedPerDevice.merge(deviceId, 1L, Long::sum);
                }
                if (record) {
                    latencies.add(nanos);
                    statuses.merge(status, 1L, Long::sum);
                    if (status / 100 != 2) {
                        errorSamples.putIfAbsent(status, abbreviate(answer));
                    }
                }
            }
        }
    }

    private BatchResult runBatches() throws SetupException, InterruptedException {
        BatchResult r = new BatchResult();
        LeanHttp connection = new LeanHttp(options.base(), authorization, 120_000);
        for (int b = 0; b < options.batches(); b++) {
            long device = createDevice();
            StringBuilder body = new StringBuilder(options.batchSize() * 140).append('[');
            for (int i = 0; i < options.batchSize(); i++) {
                long counter = 1000L + 10L * i;
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"date\":\"").append(FIRST_DATE.plusDays(i)).append("\",\"counters\":{\"monoA4\":")
                        .append(counter).append(",\"colourA4\":").append(counter / 2).append(",\"monoA3\":")
                        .append(i).append(",\"colourA3\":").append(i).append(",\"banner\":0,\"scans\":")
                        .append(counter).append("}}");
            }
            body.append(']');
            long t0 = System.nanoTime();
            LeanHttp.Answer resp;
            try {
                resp = connection.post("/api/v1/devices/" + device + "/meter-readings", body.toString());
            } catch (IOException e) {
                r.failures.add("batch " + (b + 1) + ": " + e);
                connection.close();
                continue;
            }
            long nanos = System.nanoTime() - t0;
            r.latencies.add(nanos);
            if (resp.status() != 200) {
                r.failures.add("batch " + (b + 1) + ": HTTP " + resp.status() + " " + abbreviate(resp.body()));
                continue;
            }
            try {
                JsonNode json = JSON.readTree(resp.body());
                int accepted = json.path("accepted").asInt(-1);
                int refused = json.path("refused").asInt(-1);
                r.accepted += Math.max(accepted, 0);
                r.refused += Math.max(refused, 0);
                if (accepted != options.batchSize() || refused != 0
                        || json.path("outcomes").size() != options.batchSize()) {
                    r.failures.add("batch " + (b + 1) + ": accepted=" + accepted + " refused=" + refused
                            + " outcomes=" + json.path("outcomes").size());
                }
            } catch (IOException e) {
                r.failures.add("batch " + (b + 1) + ": unreadable answer " + abbreviate(resp.body()));
            }
        }
        connection.close();
        return r;
    }

    // ------------------------------------------------------------------------------------------------ report

    private int report(PhaseResult single, BatchResult batch, long expectedHistory, long actualHistory) {
        long[] lat = single.latencies.sorted();
        long requests = lat.length;
        long ok = single.statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2)
                .mapToLong(Map.Entry::getValue).sum();
        long non2xx = requests - ok;
        double wallS = single.wallNanos / 1e9;
        double rps = requests / wallS;

        long[] bl = batch.latencies.sorted();
        double batchSeconds = Arrays.stream(bl).sum() / 1e9;
        double readingsPerS = batchSeconds > 0 ? batch.accepted / batchSeconds : 0;

        boolean historyOk = expectedHistory == actualHistory;
        boolean batchOk = batch.failures.isEmpty() && batch.accepted == (long) options.batches() * options.batchSize();
        boolean singleOk = non2xx == 0 && single.ioErrors == 0 && requests > 0;

        StringBuilder s = new StringBuilder();
        s.append("================ Dealerhub meter-reading ingest benchmark ================\n");
        s.append(String.format("target            %s   (run %s, %d cores, Java %s)%n", options.base(), runId,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        s.append(String.format("A. single readings: %d clients, %d s warm-up (not counted), then up to %d s / %d requests%n",
                options.clients(), options.warmupSeconds(), options.seconds(), options.maxRequests()));
        s.append(String.format("   requests        %d in %.2f s%n", requests, wallS));
        s.append(String.format("   throughput      %.1f requests/s%n", rps));
        s.append(String.format("   latency ms      p50 %.2f   p99 %.2f   max %.2f   mean %.2f%n",
                ms(percentile(lat, 50)), ms(percentile(lat, 99)), ms(lat.length == 0 ? 0 : lat[lat.length - 1]),
                ms(lat.length == 0 ? 0 : (long) Arrays.stream(lat).average().orElse(0))));
        if (options.serverPid() != 0 && requests > 0) {
            s.append(String.format("   server CPU      %s per request (user + system of the Karaf JVM)%n",
                    single.serverCpu.per(requests)));
        }
        s.append(String.format("   status          %s%n", single.statuses));
        s.append(String.format("   non-2xx         %d   (I/O errors %d)%n", non2xx, single.ioErrors));
        single.errorSamples.forEach((k, v) -> s.append(String.format("     e.g. %d: %s%n", k, v)));
        if (single.extraDevices > 0) {
            s.append(String.format("   note            %d more devices were created after a device ran out of dates%n",
                    single.extraDevices));
        }
        s.append(String.format("   history check   %d readings stored for %d accepted (warm-up included): %s%n",
                actualHistory, expectedHistory, historyOk ? "OK" : "MISMATCH"));
        s.append(String.format("B. batches: %d x %d readings (one request at a time, fresh device each)%n",
                options.batches(), options.batchSize()));
        s.append(String.format("   accepted        %d   refused %d%n", batch.accepted, batch.refused));
        s.append(String.format("   throughput      %.0f readings/s   (%.2f s in %d batch requests)%n", readingsPerS,
                batchSeconds, bl.length));
        if (options.serverPid() != 0 && batch.accepted > 0) {
            s.append(String.format("   server CPU      %s per reading%n", batch.serverCpu.per(batch.accepted)));
        }
        s.append(String.format("   batch latency   each %s ms%n", joinMs(batch.latencies.values())));
        s.append(String.format("                   min %.0f   median %.0f   max %.0f ms%n",
                ms(bl.length == 0 ? 0 : bl[0]), ms(percentile(bl, 50)), ms(bl.length == 0 ? 0 : bl[bl.length - 1])));
        batch.failures.forEach(f -> s.append("   FAILED          ").append(f).append('\n'));
        s.append(String.format("checks            single 2xx only: %s   batches fully accepted: %s   history: %s%n",
                singleOk ? "OK" : "FAIL", batchOk ? "OK" : "FAIL", historyOk ? "OK" : "FAIL"));
        s.append("==========================================================================\n");
        System.out.print(s);

        if (options.kv()) {
            kv("single.clients", options.clients());
            kv("single.requests", requests);
            kv("single.seconds", String.format(Locale.ROOT, "%.2f", wallS));
            kv("single.rps", String.format(Locale.ROOT, "%.1f", rps));
            kv("single.p50_ms", String.format(Locale.ROOT, "%.2f", ms(percentile(lat, 50))));
            kv("single.p99_ms", String.format(Locale.ROOT, "%.2f", ms(percentile(lat, 99))));
            kv("single.max_ms", String.format(Locale.ROOT, "%.2f", ms(lat.length == 0 ? 0 : lat[lat.length - 1])));
            kv("single.non2xx", non2xx);
            if (options.serverPid() != 0 && requests > 0) {
                kv("single.server_cpu_us", us(single.serverCpu.total(), requests));
                kv("single.server_jit_us", us(single.serverCpu.jit(), requests));
            }
            kv("single.io_errors", single.ioErrors);
            kv("history.ok", historyOk);
            kv("batch.count", bl.length);
            kv("batch.size", options.batchSize());
            kv("batch.accepted", batch.accepted);
            kv("batch.refused", batch.refused);
            kv("batch.readings_per_s", String.format(Locale.ROOT, "%.0f", readingsPerS));
            kv("batch.latencies_ms", joinMs(batch.latencies.values()).replace(' ', ','));
            kv("batch.median_ms", String.format(Locale.ROOT, "%.0f", ms(percentile(bl, 50))));
            kv("batch.ok", batchOk);
            if (options.serverPid() != 0 && batch.accepted > 0) {
                kv("batch.server_cpu_us", us(batch.serverCpu.total(), batch.accepted));
                kv("batch.server_jit_us", us(batch.serverCpu.jit(), batch.accepted));
            }
        }
        return singleOk && batchOk && historyOk ? 0 : 3;
    }

    /** CPU time of the server process: all threads, and the JIT compiler and GC threads among them. */
    record ServerCpu(long total, long jit, long gc) {
        ServerCpu minus(ServerCpu o) {
            return new ServerCpu(total - o.total, jit - o.jit, gc - o.gc);
        }

        String per(long n) {
            return String.format(Locale.ROOT, "%.1f us (JIT compiler %.1f, GC %.1f, the rest %.1f)", total / 1e3 / n,
                    jit / 1e3 / n, gc / 1e3 / n, (total - jit - gc) / 1e3 / n);
        }
    }

    /**
     * CPU time (user + system) the server process has used so far, per thread from /proc (Linux), or zeros without
     * {@code --server-pid}: CPU per request depends far less on a busy machine than requests per second do, and
     * the JIT's share tells how far from warm the JVM still is.
     */
    private ServerCpu serverCpu() {
        if (options.serverPid() == 0) {
            return new ServerCpu(0, 0, 0);
        }
        Path proc = Path.of("/proc/" + options.serverPid());
        long jit = 0;
        long gc = 0;
        try (var tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) { // the thread ended meanwhile
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += cpuNanos(stat);
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += cpuNanos(stat);
                }
            }
            // the process's own figure: it keeps the CPU of threads that have ended
            return new ServerCpu(cpuNanos(Files.readString(proc.resolve("stat"))), jit, gc);
        } catch (IOException | RuntimeException e) {
            return new ServerCpu(0, 0, 0);
        }
    }

    /** utime + stime of a /proc stat line. */
    private static long cpuNanos(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1_000_000_000L / CLOCK_TICKS;
    }

    private static String us(long nanos, long n) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e3 / n);
    }

    private static void kv(String key, Object value) {
        System.out.println("BENCH " + key + "=" + value);
    }

    private static String joinMs(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "%.0f", ms(n)));
        }
        return b.length() == 0 ? "-" : b.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private long createOrganisation() throws SetupException, InterruptedException {
        String body = "{\"name\":\"Bench AS\",\"customerAccountNumber\":\"B" + runId
                + "\",\"systemAccountNumber\":\"BS" + runId + "\",\"market\":\"NO\"}";
        return createdId(call("POST", "/api/v1/organisations", body, true), "organisation");
    }

    private long createDevice() throws SetupException {
        String serial = "BENCH-" + runId + "-" + serials.incrementAndGet();
        String body = "{\"organisationId\":" + organisationId + ",\"vendor\":\"canon\",\"model\":\"iR-ADV C3530\","
                + "\"modelFamily\":\"iR-ADV C3xxx\",\"format\":\"A3_COLOUR\",\"serialNumber\":\"" + serial
                + "\",\"location\":\"bench\",\"remotelyMonitored\":false}";
        try {
            return createdId(call("POST", "/api/v1/devices", body, true), "device");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while creating a device");
        }
    }

    private long historySize(long deviceId) throws SetupException, InterruptedException {
        HttpResponse<String> r = call("GET", "/api/v1/devices/" + deviceId + "/meter-readings", null, true);
        if (r.statusCode() != 200) {
            throw new SetupException("history of device " + deviceId + ": HTTP " + r.statusCode());
        }
        try {
            return JSON.readTree(r.body()).size();
        } catch (IOException e) {
            throw new SetupException("history of device " + deviceId + " unreadable");
        }
    }

    private static long createdId(HttpResponse<String> r, String what) throws SetupException {
        if (r.statusCode() != 201) {
            throw new SetupException("creating the " + what + " answered HTTP " + r.statusCode() + ": "
                    + abbreviate(r.body()));
        }
        try {
            JsonNode id = JSON.readTree(r.body()).path("id");
            if (!id.canConvertToLong()) {
                throw new SetupException("creating the " + what + ": no id in " + abbreviate(r.body()));
            }
            return id.asLong();
        } catch (IOException e) {
            throw new SetupException("creating the " + what + ": unreadable answer " + abbreviate(r.body()));
        }
    }

    private HttpResponse<String> call(String method, String path, String body, boolean auth)
            throws SetupException, InterruptedException {
        try {
            return send(method, path, body, auth, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new SetupException(method + " " + path + ": " + e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, boolean auth, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(options.base() + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (auth) {
            b.header("Authorization", authorization);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ small types

    static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    private static final class PhaseResult {
        long wallNanos;
        ServerCpu serverCpu = new ServerCpu(0, 0, 0);
        final LongList latencies = new LongList();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<Integer, String> errorSamples = new TreeMap<>();
        long ioErrors;
        int extraDevices;
    }

    private static final class BatchResult {
        ServerCpu serverCpu = new ServerCpu(0, 0, 0);
        final LongList latencies = new LongList();
        long accepted;
        long refused;
        final List<String> failures = new ArrayList<>();
    }

    /** A growable list of primitive longs (latencies in nanoseconds). */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }

        long[] sorted() {
            long[] copy = values();
            Arrays.sort(copy);
            return copy;
        }
    }
}
