package org.dealerhub.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service orders created per second over REST (issue 9) on a started distribution: {@code --clients} connections,
 * each registering complete repair orders (Konica Minolta Norway, Driftsstans, within 30 km: a deadline, an audit
 * entry, an outbox message and the order's SLA row per order) on its own device for {@code --seconds} after a
 * {@code --warmup}; the throughput and the latency percentiles of the measured window.
 *
 * <p>Usage: {@code OrderBenchmark --base http://localhost:8181 [--user admin:admin-demo] [--clients 4]
 * [--warmup 10] [--seconds 20]}
 */
public final class OrderBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private OrderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI base = null;
        String user = "admin:admin-demo";
        int clients = 4;
        int warmup = 10;
        int seconds = 20;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base" -> base = URI.create(args[i + 1]);
                case "--user" -> user = args[i + 1];
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (base == null) {
            throw new IllegalArgumentException("--base is required");
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        String tag = Long.toString(System.currentTimeMillis(), 36);
        long contract;
        List<Long> devices = new ArrayList<>();
        try (LeanHttp setup = new LeanHttp(base, authorization, 60_000)) {
            long org = id(setup.post("/api/v1/organisations", "{\"name\":\"Order bench " + tag + "\","
                    + "\"customerAccountNumber\":\"OB-" + tag + "\",\"systemAccountNumber\":\"OBS-" + tag + "\","
                    + "\"market\":\"NO\"}"));
            StringBuilder ids = new StringBuilder();
            for (int c = 0; c < clients; c++) {
                long device = id(setup.post("/api/v1/devices", "{\"organisationId\":" + org + ",\"vendor\":"
                        + "\"konica-minolta-no\",\"model\":\"bizhub C300i\",\"format\":\"A3_COLOUR\",\"serialNumber\":"
                        + "\"OB-" + tag + "-" + c + "\",\"serviceNumber\":\"SI-OB-" + c + "\",\"remotelyMonitored\":true}"));
                devices.add(device);
                ids.append(c == 0 ? "" : ",").append(device);
            }
            contract = id(setup.post("/api/v1/contracts", "{\"organisationId\":" + org + ",\"vendor\":"
                    + "\"konica-minolta-no\",\"market\":\"NO\",\"packageCode\":\"SERVICE\",\"start\":\"2026-01-01\","
                    + "\"deviceIds\":[" + ids + "]}"));
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> runs = new ArrayList<>();
        for (long device : devices) {
            String body = "{\"deviceId\":" + device + ",\"contractId\":" + contract + ",\"kind\":\"REPAIR\","
                    + "\"errorCode\":\"C-2557\",\"contactName\":\"Bench\",\"contactEmail\":\"bench@example.com\","
                    + "\"facts\":{\"category\":\"Driftsstans\",\"distanceKm\":\"12\"}}";
            String auth = authorization;
            URI url = base;
            runs.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                try (LeanHttp http = new LeanHttp(url, auth, 60_000)) {
                    for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                        LeanHttp.Answer a = http.post("/api/v1/orders", body);
                        long done = System.nanoTime();
                        if (a.status() != 201) {
                            failures.incrementAndGet();
                        } else if (now >= measureFrom) {
                            if (n == latencies.length) {
                                latencies = java.util.Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = done - now;
                        }
                    }
                }
                return java.util.Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> run : runs) {
            for (long l : run.get()) {
                all.add(l);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("orders.clients %d%n", clients);
        System.out.printf("orders.created %d in %d s (after %d s warm-up), %d refused%n", sorted.length, seconds,
                warmup, failures.get());
        System.out.printf("orders.per_second %.1f%n", sorted.length / (double) seconds);
        System.out.printf("orders.p50_ms %.1f%n", IngestBenchmark.percentile(sorted, 50) / 1e6);
        System.out.printf("orders.p99_ms %.1f%n", IngestBenchmark.percentile(sorted, 99) / 1e6);
        System.out.printf("orders.max_ms %.1f%n", sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static long id(LeanHttp.Answer a) {
        Matcher m = ID.matcher(a.body());
        if (a.status() != 201 || !m.find()) {
            throw new IllegalStateException("setup refused: " + a.status() + " " + a.body());
        }
        return Long.parseLong(m.group(1));
    }
}
