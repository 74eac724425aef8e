package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The distribution as a real process: an acknowledged write survives a clean restart and a kill -9, because the
 * database holds it: the Derby files on disk here, PostgreSQL in {@link RestartOnPostgresqlIT}. So does an order's
 * notification written to the outbox while mail was off: once SMTP is configured it reaches a real SMTP server
 * (GreenMail). (Pax Exam cannot restart its container, so this test drives bin/karaf itself.)
 */
public class RestartIT {

    /** Generous: a loaded build machine (2 cores shared by several builds) has taken over 90 s to boot. */
    private static final Duration BOOT = Duration.ofSeconds(240);

    private Path home;
    private Process karaf;
    private final int httpPort = Distribution.freePort();

    /** Stops Karaf; its folder stays in target/&lt;test class&gt; for the logs until the next run. */
    @After
    public void cleanUp() throws Exception {
        killHard();
    }

    @Test
    public void acknowledgedWritesSurviveRestartAndKill9() throws Exception {
        home = unpack();
        Http http = new Http(httpPort);

        long started = System.nanoTime();
        start();
        http.awaitReady(BOOT);
        long readyMs = (System.nanoTime() - started) / 1_000_000;
        // in demo mode ready means the demo data is in place: the first request after readiness sees all of it
        String demo = http.get("/api/v1/contracts", "admin", "admin-demo").body();
        System.out.println("First start: ready " + readyMs + " ms after the process started; demo contracts at"
                + " ready: " + (demo.split("\"packageCode\"").length - 1));
        assertTrue(demo, demo.contains("HW-SERVICE"));
        int organisations = count(http.get("/api/v1/organisations", "admin", "admin-demo").body());
        Http.Reply org = http.postJson("/api/v1/organisations", "admin", "admin-demo",
                "{\"name\":\"Durable AS\",\"customerAccountNumber\":\"DUR-1\",\"systemAccountNumber\":\"DUR-S1\","
                        + "\"market\":\"DK\"}");
        assertEquals(org.body(), 201, org.status());
        long orgId = Http.number(org.body(), "id");
        Http.Reply device = http.postJson("/api/v1/devices", "admin", "admin-demo", "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"model\":\"iR C1335\",\"format\":\"A4_COLOUR\",\"serialNumber\":\"DUR-SN\"}");
        assertEquals(device.body(), 201, device.status());
        long deviceId = Http.number(device.body(), "id");
        Http.Reply contract = http.postJson("/api/v1/contracts", "admin", "admin-demo", "{\"organisationId\":"
                + orgId + ",\"vendor\":\"canon\",\"market\":\"DK\",\"packageCode\":\"STANDARD\","
                + "\"start\":\"2026-01-01\",\"deviceIds\":[" + deviceId + "]}");
        assertEquals(contract.body(), 201, contract.status());
        // mail is off as shipped: the confirmation waits in the outbox (KMUA-CHAN-2)
        Http.Reply order = http.postJson("/api/v1/orders", "admin", "admin-demo", "{\"deviceId\":" + deviceId
                + ",\"contractId\":" + Http.number(contract.body(), "id") + ",\"kind\":\"REPAIR\","
                + "\"serviceNumber\":\"DUR-SI\",\"symptom\":\"grinding noise\",\"meterReading\":10,"
                + "\"contactName\":\"Mette\",\"contactEmail\":\"mette@durable.dk\"}");
        assertEquals(order.body(), 201, order.status());
        String number = order.body().replaceAll(".*\"number\":\"(SO-[0-9]+-[0-9]+)\".*", "$1");

        // a clean restart
        stop();
        start();
        http.awaitReady(BOOT);
        assertEquals(200, http.get("/api/v1/organisations/" + orgId, "admin", "admin-demo").status());

        // an acknowledged reading, then kill -9 straight away
        String path = "/api/v1/devices/" + deviceId + "/meter-readings";
        Http.Reply reading = http.postJson(path, "admin", "admin-demo", "{\"date\":\"2026-05-04\",\"counters\":"
                + "{\"monoA4\":10,\"colourA4\":5,\"monoA3\":0,\"colourA3\":0,\"banner\":0,\"scans\":3}}");
        assertEquals(reading.body(), 201, reading.status());
        killHard();

        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try {
            Files.writeString(home.resolve("etc/org.dealerhub.mail.cfg"), "enabled = true\nhost = localhost\n"
                    + "port = " + smtp.getSmtp().getPort() + "\npollSeconds = 1\nfrom = service@dealerhub.test\n");
            start();
            http.awaitReady(BOOT);
            assertTrue("the order's confirmation never reached the SMTP server", smtp.waitForIncomingEmail(60_000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("mette@durable.dk", mail.getAllRecipients()[0].toString());
            assertTrue(mail.getSubject(), mail.getSubject().contains(number));
        } finally {
            smtp.stop();
        }
        Http.Reply history = http.get(path, "admin", "admin-demo");
        assertEquals(200, history.status());
        assertTrue(history.body(), history.body().contains("\"date\":\"2026-05-04\""));
        // demo data was seeded once, not again on restart: what there was, plus the one created here
        Http.Reply orgs = http.get("/api/v1/organisations", "admin", "admin-demo");
        assertEquals(orgs.body(), organisations + 1, count(orgs.body()));
        stop();
    }

    private static int count(String organisations) {
        return organisations.split("\"customerAccountNumber\"").length - 1;
    }

    private Path unpack() throws Exception {
        Path root = Paths.get("target", getClass().getSimpleName()).toAbsolutePath();
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(root);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(
                Paths.get(System.getProperty("dealerhub.distribution"))))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                }
            }
        }
        Path karafHome;
        try (Stream<Path> dirs = Files.list(root)) {
            karafHome = dirs.findFirst().orElseThrow();
        }
        try (Stream<Path> bins = Files.list(karafHome.resolve("bin"))) {
            bins.forEach(p -> p.toFile().setExecutable(true));
        }
        // demo mode, as ./dealerhub run sets it on a fresh instance
        for (String demo : new String[] {"users.properties", "org.dealerhub.demo.cfg"}) {
            Files.copy(karafHome.resolve("demo").resolve(demo), karafHome.resolve("etc").resolve(demo),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        set(karafHome, "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        set(karafHome, "etc/org.apache.karaf.shell.cfg", "sshPort", Distribution.freePort());
        set(karafHome, "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Distribution.freePort());
        set(karafHome, "etc/org.apache.karaf.management.cfg", "rmiServerPort", Distribution.freePort());
        configureDatabase(karafHome);
        return karafHome;
    }

    /** The database of the distribution: its etc/ as shipped (embedded Derby). */
    protected void configureDatabase(Path karafHome) throws Exception {
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target);
    }

    private static void set(Path home, String file, String key, int value) throws IOException {
        Files.writeString(home.resolve(file), System.lineSeparator() + key + " = " + value + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        karaf = pb.start();
    }

    /** A clean stop through the script Karaf ships. */
    private void stop() throws Exception {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor();
        if (!karaf.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("Karaf did not stop");
        }
    }

    /** SIGKILL to the JVM and the script that started it: no shutdown hooks, no flush. */
    private void killHard() {
        if (karaf == null) {
            return;
        }
        karaf.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        try {
            karaf.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
