package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.internet.MimeMessage;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /**
     * Issue 10: a kill -9 in the middle of a billing run leaves each contract with its whole invoice or none (a page
     * of contracts commits as one transaction), and running again finishes the job: every contract billed exactly
     * once, the totals those of a clean run (a dry run's before the kill). A few thousand contracts, cloned by JDBC
     * from one made over REST while the distribution is stopped, make the run long enough for the kill to land in
     * it: as soon as its first invoices are committed.
     */
    @Test
    public void aBillingRunKilledMidwayLeavesWholeInvoicesAndRunningAgainFinishesIt() throws Exception {
        home = unpack();
        Http http = new Http(httpPort);
        start();
        http.awaitReady(BOOT);
        long orgId = Http.number(created(http, "/api/v1/organisations", "{\"name\":\"Kill AS\","
                + "\"customerAccountNumber\":\"KILL-1\",\"systemAccountNumber\":\"KILL-S1\",\"market\":\"NO\"}"),
                "id");
        long deviceId = Http.number(created(http, "/api/v1/devices", "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"model\":\"iR C1335\",\"format\":\"A4_COLOUR\",\"serialNumber\":\"KILL-0\"}"),
                "id");
        long template = Http.number(created(http, "/api/v1/contracts", "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"market\":\"NO\",\"packageCode\":\"STANDARD\",\"start\":\"2026-01-01\","
                + "\"deviceIds\":[" + deviceId + "]}"), "id");
        stop();
        int clones = 3000;
        try (Connection c = database()) {
            cloneContract(c, template, deviceId, clones);
        } finally {
            closeDatabase();
        }

        start();
        http.awaitReady(BOOT);
        String year = "\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"";
        Http.Reply dry = http.postJson("/api/v1/billing/runs", "admin", "admin-demo", "{" + year
                + ",\"dryRun\":true}", RUN);
        assertEquals(dry.body(), 200, dry.status());
        JsonNode clean = JSON.readTree(dry.body());
        int due = clean.get("invoiced").asInt();
        assertTrue(dry.body(), due > clones);
        Thread run = new Thread(() -> {
            try {
                http.postJson("/api/v1/billing/runs", "admin", "admin-demo", "{" + year + "}", RUN);
            } catch (IOException | InterruptedException killed) {
                // the process is killed under it
            }
        });
        run.start();
        long deadline = System.nanoTime() + RUN.toNanos();
        while (JSON.readTree(http.get("/api/v1/invoices?limit=1", "admin", "admin-demo").body()).isEmpty()) {
            assertTrue("no invoice committed in time", System.nanoTime() < deadline);
            Thread.sleep(50);
        }
        killHard();
        run.join();

        int invoicedBeforeKill;
        try (Connection c = database()) {
            invoicedBeforeKill = wholeInvoicesAtMostOnePerContract(c);
        } finally {
            closeDatabase();
        }
        System.out.println("Billing run killed with " + invoicedBeforeKill + " of " + due + " contracts invoiced");
        assertTrue("the kill did not land in the middle of the run: " + invoicedBeforeKill + " of " + due,
                invoicedBeforeKill > 0 && invoicedBeforeKill < due);

        start();
        http.awaitReady(BOOT);
        Http.Reply again = http.postJson("/api/v1/billing/runs", "admin", "admin-demo", "{" + year + "}", RUN);
        assertEquals(again.body(), 201, again.status());
        assertEquals(again.body(), due - invoicedBeforeKill, JSON.readTree(again.body()).get("invoiced").asInt());
        stop();
        try (Connection c = database()) {
            assertEquals(due, wholeInvoicesAtMostOnePerContract(c));
            for (JsonNode total : clean.get("totals")) {
                try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*), SUM(NET), SUM(GROSS) FROM INVOICE"
                        + " WHERE CURRENCY = ?")) {
                    st.setString(1, total.get("currency").asText());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        assertEquals(total.toString(), total.get("invoices").asInt(), rs.getInt(1));
                        assertEquals(total.toString(), 0,
                                total.get("net").decimalValue().compareTo(rs.getBigDecimal(2)));
                        assertEquals(total.toString(), 0,
                                total.get("gross").decimalValue().compareTo(rs.getBigDecimal(3)));
                    }
                }
            }
        } finally {
            closeDatabase();
        }
    }

    /** A billing run over a few thousand contracts on a loaded machine. */
    private static final Duration RUN = Duration.ofSeconds(600);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String created(Http http, String path, String json) throws Exception {
        Http.Reply r = http.postJson(path, "admin", "admin-demo", json);
        assertEquals(r.body(), 201, r.status());
        return r.body();
    }

    /** {@code count} copies of the contract, each with a copy of its device, ids taken from the sequences. */
    private static void cloneContract(Connection c, long contract, long device, int count) throws SQLException {
        c.setAutoCommit(false);
        long deviceId = next(c, "DEVICE", count);
        long contractId = next(c, "CONTRACT", count);
        try (PreparedStatement d = c.prepareStatement("INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR, MODEL, FORMAT,"
                + " SERIAL_NUMBER, REMOTELY_MONITORED) SELECT ?, ORGANISATION_ID, VENDOR, MODEL, FORMAT, ?, 0"
                + " FROM DEVICE WHERE ID = ?");
                PreparedStatement k = c.prepareStatement("INSERT INTO CONTRACT (ID, ORGANISATION_ID, VENDOR, MARKET,"
                        + " PACKAGE_CODE, START_DATE, END_DATE, TERMS_VERSION, PACKAGE_SNAPSHOT, SIGNED_AT) SELECT ?,"
                        + " ORGANISATION_ID, VENDOR, MARKET, PACKAGE_CODE, START_DATE, END_DATE, TERMS_VERSION,"
                        + " PACKAGE_SNAPSHOT, SIGNED_AT FROM CONTRACT WHERE ID = ?");
                PreparedStatement cd = c.prepareStatement("INSERT INTO CONTRACT_DEVICE (CONTRACT_ID, DEVICE_ID)"
                        + " VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                d.setLong(1, deviceId + i);
                d.setString(2, "KILL-" + (i + 1));
                d.setLong(3, device);
                d.addBatch();
                k.setLong(1, contractId + i);
                k.setLong(2, contract);
                k.addBatch();
                cd.setLong(1, contractId + i);
                cd.setLong(2, deviceId + i);
                cd.addBatch();
            }
            d.executeBatch();
            k.executeBatch();
            cd.executeBatch();
        }
        c.commit();
    }

    /** The first of {@code count} ids taken from the named sequence, as the application takes its blocks. */
    private static long next(Connection c, String sequence, int count) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE ID_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ?"
                + " WHERE SEQ_NAME = ?"); PreparedStatement get = c.prepareStatement("SELECT SEQ_COUNT FROM ID_SEQUENCE"
                        + " WHERE SEQ_NAME = ?")) {
            up.setInt(1, count);
            up.setString(2, sequence);
            assertEquals(1, up.executeUpdate());
            get.setString(1, sequence);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    /**
     * Asserts that no contract has more than one invoice and every invoice is whole (it has lines, and its net is
     * the sum of them); answers the number of invoices.
     */
    private static int wholeInvoicesAtMostOnePerContract(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet twice = st.executeQuery("SELECT CONTRACT_ID, COUNT(*) FROM INVOICE GROUP BY CONTRACT_ID"
                    + " HAVING COUNT(*) > 1")) {
                assertFalse("a contract invoiced twice", twice.next());
            }
            try (ResultSet broken = st.executeQuery("SELECT i.ID, i.NET, SUM(l.AMOUNT) FROM INVOICE i LEFT JOIN"
                    + " INVOICE_LINE l ON l.INVOICE_ID = i.ID GROUP BY i.ID, i.NET HAVING SUM(l.AMOUNT) IS NULL"
                    + " OR SUM(l.AMOUNT) <> i.NET")) {
                assertFalse("an invoice whose net is not the sum of its lines", broken.next());
            }
            try (ResultSet count = st.executeQuery("SELECT COUNT(*) FROM INVOICE")) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /** The distribution's database, opened from the test while the distribution is not running (Derby). */
    protected Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:derby:" + home.resolve("data/derby/dealerhub"));
    }

    /** Closes the database for the distribution to open again. */
    protected void closeDatabase() {
        try {
            DriverManager.getConnection("jdbc:derby:" + home.resolve("data/derby/dealerhub") + ";shutdown=true");
        } catch (SQLException closed) {
            // 08006: shut down, as asked
        }
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
