package org.dealerhub.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;

/** A tiny HTTP client for the integration tests: real requests to the running distribution. */
final class Http {

    /** An answer: its status, body and headers. */
    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        /** The ETag header, or null. */
        String etag() {
            return headers.firstValue("ETag").orElse(null);
        }
    }

    private final HttpClient client;
    private final String base;

    Http(int port) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "http://localhost:" + port;
    }

    /** HTTPS to a port, trusting what the context trusts (a first handshake on a loaded machine takes a while). */
    Http(int port, SSLContext tls) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).sslContext(tls).build();
        this.base = "https://localhost:" + port;
    }

    Reply get(String path, String user, String password) throws IOException, InterruptedException {
        return send(request(path, user, password).GET());
    }

    /** A GET that asks for a media type. */
    Reply get(String path, String user, String password, String accept) throws IOException, InterruptedException {
        return send(request(path, user, password).header("Accept", accept).GET());
    }

    Reply post(String path, String user, String password, String contentType, String body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply send(String path, String method, String user, String password, String json)
            throws IOException, InterruptedException {
        return send(path, method, user, password, json, null);
    }

    /** A request with a JSON body (null: none) and an If-Match header (null: none). */
    Reply send(String path, String method, String user, String password, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, user, password);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any method with any JSON body publisher (a stream is sent chunked, without Content-Length). */
    Reply send(String path, String method, String user, String password, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json").method(method, body));
    }

    /** A JSON POST naming the version it is based on, as the ETag {@code "<version>"}. */
    Reply postJson(String path, String user, String password, String json, long ifMatch)
            throws IOException, InterruptedException {
        return send(request(path, user, password).header("Content-Type", "application/json")
                .header("If-Match", "\"" + ifMatch + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Reply postJson(String path, String user, String password, String json) throws IOException, InterruptedException {
        return post(path, user, password, "application/json", json);
    }

    /** A JSON POST that may take longer than the usual 30 s to answer (a billing run). */
    Reply postJson(String path, String user, String password, String json, Duration timeout)
            throws IOException, InterruptedException {
        return send(request(path, user, password).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b;
    }

    /** A GET asking for a media type and a language, answering the body's bytes (a PDF), or null unless 200. */
    byte[] bytes(String path, String user, String password, String accept, String language)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request(path, user, password).header("Accept", accept)
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r.headers());
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
