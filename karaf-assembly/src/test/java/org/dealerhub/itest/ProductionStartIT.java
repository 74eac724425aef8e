package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.After;
import org.junit.Test;

/**
 * The distribution as a production start, a real process: no demo users and no demo data, the first admin's
 * password from DEALERHUB_ADMIN_PASSWORD, HTTPS with a self-signed certificate generated for the test, and the
 * console scripted with bin/client from outside (output and exit status).
 */
public class ProductionStartIT {

    private static final String PASSWORD = "first-admin-Pw-7";
    private static final String STORE_PASSWORD = "test-store-pw";

    private DistributionProcess karaf;

    @After
    public void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    public void aProductionStartHasNoKnownPasswordServesHttpsAndIsScriptable() throws Exception {
        karaf = new DistributionProcess("production-it");
        assertFalse("no demo switch in etc/", Files.exists(karaf.home.resolve("etc/org.dealerhub.demo.cfg")));
        Path keystore = karaf.home.resolve("etc/dealerhub-test.p12");
        selfSignedCertificate(keystore);
        int https = Distribution.freePort();
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", true);
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", https);
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.keystore", keystore);
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.keystore.password", STORE_PASSWORD);
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.key.password", STORE_PASSWORD);
        karaf.set("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.ssl.key.alias", "dealerhub");
        karaf.start(Map.of("DEALERHUB_ADMIN_PASSWORD", PASSWORD));

        Http http = new Http(karaf.httpPort);
        http.awaitReady(Duration.ofSeconds(300));
        // the first admin has the password from the environment; the demo users do not exist
        assertEquals(200, http.get("/api/v1/vendors", "admin", PASSWORD).status());
        assertEquals(401, http.get("/api/v1/vendors", "admin", "admin-demo").status());
        assertEquals(401, http.get("/api/v1/vendors", "staff", "staff-demo").status());
        Http.Reply organisations = http.get("/api/v1/organisations", "admin", PASSWORD);
        assertEquals("[]", organisations.body());
        String users = Files.readString(karaf.home.resolve("etc/users.properties"));
        assertTrue(users, users.contains("{PBKDF2}100000"));
        assertFalse(users, users.contains(PASSWORD));

        // HTTPS with the generated certificate
        Http.Reply health = new Http(https, trusting(keystore)).get("/api/v1/health", null, null);
        assertEquals(health.body(), 200, health.status());
        assertTrue(health.body(), health.body().contains("\"status\""));

        // the console from a script: no terminal, empty standard input
        DistributionProcess.Result vendors = karaf.client("-u", "admin", "-p", PASSWORD, "dealerhub:vendors");
        assertEquals(vendors.output(), 0, vendors.exitCode());
        assertTrue(vendors.output(), vendors.output().contains("konica-minolta-no"));
        DistributionProcess.Result refused = karaf.client("-u", "admin", "-p", PASSWORD, "dealerhub:readings 999999");
        assertNotEquals(refused.output(), 0, refused.exitCode());
        assertTrue(refused.output(), refused.output().contains("999999 not found"));
    }

    private static void selfSignedCertificate(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dealerhub", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertTrue("keytool ended", keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(output, 0, keytool.exitValue());
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
