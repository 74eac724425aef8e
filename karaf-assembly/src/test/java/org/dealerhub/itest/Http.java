package org.dealerhub.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny HTTP client for the integration tests: real requests to the running distribution. */
final class Http {

    record Reply(int status, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    Reply get(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path, user, password).GET());
    }

    Reply post(String path, String user, String password, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply send(String path, String method, String user, String password, String json)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any method with any JSON body publisher (a stream is sent chunked, without Content-Length). */
    Reply send(String path, String method, String user, String password, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json").method(method, body));
    }

    Reply postJson(String path, String user, String password, String json) throws IOException, InterruptedException {
        return post(path, user, password, "application/json", json);
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    /** Waits until the readiness check answers 200. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (get("/api/v1/health", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Dealerhub not ready within " + timeout);
    }

    /** Waits until the demo data (seeded on its own thread at first start) is complete: 5 contracts. */
    void awaitDemoData(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (get("/api/v1/contracts", "admin", "admin-demo").body().contains("HW-SERVICE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("demo data not seeded within " + timeout);
    }

    /** The first number after {@code "key":} in a JSON text. */
    static long number(String json, String key) {
        int at = json.indexOf("\"" + key + "\":");
        if (at < 0) {
            throw new AssertionError("no " + key + " in " + json);
        }
        int start = at + key.length() + 3;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }
}
