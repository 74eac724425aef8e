package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A fresh distribution: what a client sees the moment it is ready (the demo data, in demo mode), and a deliberately
 * broken vendor bundle (bundles/vendor-broken-test, deployed through deploy/) whose profile's markets() throws and
 * whose response-time rule throws NoClassDefFoundError: it answers 502/503 naming the vendor, shows in the health
 * figures, every other vendor keeps working, and undeploying it leaves nothing behind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorFaultsIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PW = "admin-demo";

    @Inject
    private SessionFactory sessionFactory;

    private Http http;

    /** What the first requests right after readiness saw (taken once, before any other test runs). */
    private static String contractsAtReady;
    private static String healthAtReady;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Before
    public void ready() throws Exception {
        http = new Http(Integer.getInteger(Distribution.HTTP_PORT));
        if (contractsAtReady == null) {
            http.awaitReady(Duration.ofSeconds(90));
            contractsAtReady = http.get("/api/v1/contracts", ADMIN, ADMIN_PW).body();
            healthAtReady = http.get("/api/v1/health", ADMIN, ADMIN_PW).body();
        }
    }

    @Test
    public void theDemoDataIsInPlaceTheMomentThePlatformSaysReady() throws Exception {
        // the five demo contracts, the last one seeded being Konica Minolta Ukraine's HW-SERVICE
        assertEquals(contractsAtReady, 5, contractsAtReady.split("\"packageCode\"").length - 1);
        assertTrue(contractsAtReady, contractsAtReady.contains("HW-SERVICE"));
        System.out.println("Health at readiness (dealer admin): " + healthAtReady);
        assertTrue(healthAtReady, healthAtReady.contains("\"demo\":\"in place\""));
        assertTrue(healthAtReady, healthAtReady.contains("\"persistence\":\"database answers, schema version"));
        assertTrue(healthAtReady, healthAtReady.contains("\"rest\":\"published at /api/v1\""));
        assertTrue(healthAtReady, healthAtReady.contains("\"soap\":\"published at /soap/dealerhub\""));
        System.out.println("Ready " + Http.number(healthAtReady, "readyAfterMs") + " ms after JVM start");
        // without a dealer admin's credentials: readiness only, no details
        for (String[] user : new String[][] {{null, null}, {"staff", "staff-demo"}, {ADMIN, "wrong"}}) {
            Http.Reply health = http.get("/api/v1/health", user[0], user[1]);
            assertEquals(200, health.status());
            assertTrue(health.body(), health.body().contains("\"status\":\"ready\""));
            assertFalse(health.body(), health.body().contains("details"));
        }
    }

    @Test
    public void aBrokenVendorAnswers502Or503NamingItAndTheOthersKeepWorking() throws Exception {
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", "broken-vendor.jar");
        try {
            Files.copy(Paths.get(System.getProperty(Distribution.BROKEN_VENDOR_JAR)), deployed,
                    StandardCopyOption.REPLACE_EXISTING);
            awaitListed("broken-rule", true);

            // the listing works and leaves out the vendor that cannot describe itself
            Http.Reply vendors = http.get("/api/v1/vendors", ADMIN, ADMIN_PW);
            assertEquals(200, vendors.status());
            for (String id : List.of("canon", "konica-minolta-no", "konica-minolta-ua", "printer-norge")) {
                assertTrue(vendors.body(), vendors.body().contains("\"id\":\"" + id + "\""));
            }
            assertFalse(vendors.body(), vendors.body().contains("broken-profile"));

            // markets() throws: 502 in the error shape, naming the vendor
            Http.Reply profile = http.get("/api/v1/vendors/broken-profile", ADMIN, ADMIN_PW);
            assertEquals(profile.body(), 502, profile.status());
            assertTrue(profile.body(), profile.body().contains("\"field\":\"vendor\""));
            assertTrue(profile.body(), profile.body().contains("vendor broken-profile failed"));
            assertFalse(profile.body(), profile.body().contains("IllegalStateException"));
            assertEquals(502, http.get("/api/v1/vendors/broken-profile/packages?market=NO", ADMIN, ADMIN_PW)
                    .status());
            // the rule throws NoClassDefFoundError: 503, the vendor's code cannot be loaded
            Http.Reply deadline = http.postJson("/api/v1/response-deadline", ADMIN, ADMIN_PW,
                    "{\"vendor\":\"broken-rule\",\"packageCode\":\"BASIC\",\"market\":\"NO\","
                            + "\"registeredAt\":\"2026-11-20T14:59:00Z\"}");
            assertEquals(deadline.body(), 503, deadline.status());
            assertTrue(deadline.body(), deadline.body().contains("\"field\":\"vendor\""));
            assertTrue(deadline.body(), deadline.body().contains("broken-rule"));
            // SOAP carries the same, and the console too
            Http.Reply soap = http.post("/soap/dealerhub", ADMIN, ADMIN_PW, "text/xml", envelope(
                    "<d:listPackages><vendor>broken-profile</vendor><market>NO</market></d:listPackages>"));
            assertTrue(soap.body(), soap.body().contains("<kind>VENDOR_FAILED</kind>"));
            assertTrue(soap.body(), soap.body().contains("<field>vendor</field>"));
            String console = execute("dealerhub:packages broken-profile NO");
            assertTrue(console, console.contains("vendor broken-profile failed") && console.contains("[field: vendor]"));

            // a contract with the broken vendor is refused, one with another vendor works
            Http.Reply org = http.postJson("/api/v1/organisations", ADMIN, ADMIN_PW, "{\"name\":\"Fault Test AS\","
                    + "\"customerAccountNumber\":\"VF-1\",\"systemAccountNumber\":\"VF-S1\",\"market\":\"NO\"}");
            assertEquals(org.body(), 201, org.status());
            long orgId = Http.number(org.body(), "id");
            Http.Reply refused = http.postJson("/api/v1/contracts", ADMIN, ADMIN_PW, contract(orgId, "broken-profile",
                    "BASIC"));
            assertEquals(refused.body(), 502, refused.status());
            Http.Reply signed = http.postJson("/api/v1/contracts", ADMIN, ADMIN_PW, contract(orgId, "canon",
                    "STANDARD"));
            assertEquals(signed.body(), 201, signed.status());
            Http.Reply canonDeadline = http.postJson("/api/v1/response-deadline", ADMIN, ADMIN_PW, "{\"vendor\":"
                    + "\"canon\",\"packageCode\":\"STANDARD\",\"market\":\"NO\",\"registeredAt\":\"2026-11-20T14:59:00Z\"}");
            assertEquals(canonDeadline.body(), 200, canonDeadline.status());

            // the health figures, for dealer admins and on the console; the node stays ready
            Http.Reply health = http.get("/api/v1/health", ADMIN, ADMIN_PW);
            assertEquals(health.body(), 200, health.status());
            System.out.println("Health with the broken vendor deployed: " + health.body());
            String brokenProfile = figures(health.body(), "broken-profile");
            assertTrue(brokenProfile, brokenProfile.contains("\"healthy\":false"));
            assertTrue(brokenProfile, Http.number(brokenProfile, "failures") >= 4);
            assertTrue(brokenProfile, brokenProfile.contains("\"lastFailureAt\":\"20"));
            assertTrue(brokenProfile, brokenProfile.contains("IllegalStateException: market table of broken-profile"));
            assertTrue(health.body(), figures(health.body(), "broken-rule").contains("NoClassDefFoundError"));
            String canon = figures(health.body(), "canon");
            assertTrue(canon, canon.contains("\"healthy\":true") && canon.contains("\"failures\":0"));
            String figures = execute("dealerhub:health");
            System.out.println("dealerhub:health with the broken vendor deployed:\n" + figures);
            assertTrue(figures, figures.startsWith("ready"));
            assertTrue(figures, figures.matches("(?s).*broken-profile\\s+failing\\s+\\d+\\s+\\d+\\s+\\S+"
                    + " java.lang.IllegalStateException.*"));

            // logged once per kind, not once per request
            assertEquals(1, logLines("Vendor broken-profile failed to describe itself"));

            Files.delete(deployed);
            awaitListed("broken-rule", false);
            // nothing left behind: unknown again, and gone from the figures
            assertEquals(404, http.get("/api/v1/vendors/broken-profile", ADMIN, ADMIN_PW).status());
            assertEquals(404, http.get("/api/v1/vendors/broken-rule", ADMIN, ADMIN_PW).status());
            String after = http.get("/api/v1/health", ADMIN, ADMIN_PW).body();
            assertFalse(after, after.contains("broken-"));
            assertFalse(execute("dealerhub:health").contains("broken-"));
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    /** The health figures object of one vendor in a /health answer. */
    private static String figures(String health, String vendor) {
        int at = health.indexOf("\"vendor\":\"" + vendor + "\"");
        assertTrue(vendor + " in " + health, at >= 0);
        return health.substring(health.lastIndexOf('{', at), health.indexOf('}', at) + 1);
    }

    private static String contract(long orgId, String vendor, String packageCode) {
        return "{\"organisationId\":" + orgId + ",\"vendor\":\"" + vendor + "\",\"market\":\"NO\",\"packageCode\":\""
                + packageCode + "\",\"start\":\"2026-01-01\",\"deviceIds\":[]}";
    }

    /** Lines of the Karaf log containing a text, once the log has it (the appender may lag a little). */
    private static long logLines(String text) throws Exception {
        String dir = System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log");
        Path log = Paths.get(dir, "karaf.log");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long count = 0;
        while (System.nanoTime() < end && (count = count(log, text)) == 0) {
            Thread.sleep(100);
        }
        return count;
    }

    private static long count(Path log, String text) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private void awaitListed(String id, boolean listed) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (http.get("/api/v1/vendors", ADMIN, ADMIN_PW).body().contains("\"" + id + "\"") == listed) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(id + (listed ? " never appeared" : " never disappeared"));
    }

    private String execute(String command) throws Exception {
        return Console.execute(sessionFactory, ADMIN, ADMIN_PW, command);
    }

    private static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:d=\"http://dealerhub.org/soap/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }
}
