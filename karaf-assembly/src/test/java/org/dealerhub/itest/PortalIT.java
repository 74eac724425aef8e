package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The customer portal in a real browser: headless Debian chromium driven by Selenium against the distribution run
 * as a real process in demo mode (the Selenium client is no OSGi bundle, so it stays outside the container, which
 * Pax Exam's in-container probe would need). Each demo role logs in and sees and does exactly what it may; a refused
 * meter reading shows its reason next to its field; an order is followed to closing; an invoice PDF is downloaded;
 * other organisations' addresses answer 404; a form POST without its CSRF token is refused. Every page is checked
 * with axe-core (serious and critical violations fail the test) and photographed into target/portal-screenshots.
 * Prerequisites: scripts/chromium-test.sh (run by the build before the integration tests).
 */
public class PortalIT {

    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DistributionProcess karaf;
    private static GreenMail smtp;
    private static Http http;
    private static String base;
    private static ChromeDriver browser;
    private static String axe;
    private static Path screenshots;
    private static Path downloads;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeClass
    public static void start() throws Exception {
        int port = startDistribution();
        http = new Http(port);
        base = "http://localhost:" + port;
        axe = Files.readString(Paths.get(System.getProperty("dealerhub.axe")));
        screenshots = Files.createDirectories(Paths.get(System.getProperty("dealerhub.screenshots")));
        downloads = Files.createDirectories(Paths.get("target", "portal-downloads").toAbsolutePath());
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "en-GB,en");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        http.awaitReady(BOOT);
    }

    /** The distribution in demo mode (as `./dealerhub run` starts a fresh instance), as a real process. */
    private static int startDistribution() throws IOException {
        karaf = new DistributionProcess("portal-it");
        Path demo = Paths.get(System.getProperty("dealerhub.config"), "demo");
        try (Stream<Path> files = Files.list(demo)) {
            for (Path f : files.toList()) {
                Files.copy(f, karaf.home.resolve("etc").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // e-mail (invitations, reset links) to a real SMTP server, links pointing at this instance
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Files.writeString(karaf.home.resolve("etc/org.dealerhub.mail.cfg"), "enabled = true\nhost = localhost\n"
                + "port = " + smtp.getSmtp().getPort() + "\npollSeconds = 1\nfrom = service@dealerhub.test\n");
        karaf.set("etc/org.dealerhub.portal.cfg", "baseUrl", "http://localhost:" + karaf.httpPort);
        karaf.start(Map.of());
        return karaf.httpPort;
    }

    @AfterClass
    public static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    // --- the browser ---------------------------------------------------------------------------------------------

    private static void open(String path) {
        browser.get(base + path);
    }

    private static void login(String user, String password) {
        browser.manage().deleteAllCookies();
        open("/portal/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        go(By.cssSelector("form.card button[type=submit]"));
    }

    /** Clicks what leads to another page, and waits until that page is there. */
    private static void go(By what) {
        go(browser.findElement(what));
    }

    private static void go(WebElement what) {
        WebElement page = browser.findElement(By.tagName("html"));
        what.click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> gone(page));
    }

    /**
     * Whether the element's document was replaced. Besides a stale reference, chromedriver sometimes reports a node
     * of the replaced document as "does not belong to the document", which ExpectedConditions.stalenessOf lets
     * through as an error.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static List<String> nav() {
        return browser.findElements(By.cssSelector("nav a")).stream().map(WebElement::getText).toList();
    }

    /** axe-core in the page: no serious or critical violation; then a screenshot under the given name. */
    private static void check(String name) throws IOException {
        browser.executeScript(axe);
        Object result = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(JSON.stringify(r.violations.filter(function (v) {"
                + "  return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + "   + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
                + "}, function (e) { done('axe failed: ' + e); });");
        assertEquals("accessibility of " + name + " (" + browser.getCurrentUrl() + ")", "[]", result);
        // the whole page, not only the window
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** A request with the browser's session: status, body, and the headers. */
    private static HttpResponse<String> request(String method, String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        if (session != null) {
            b.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String csrf() {
        return browser.findElement(By.name("csrf")).getAttribute("value");
    }

    private static JsonNode rest(String path) throws Exception {
        Http.Reply reply = http.get(path, "admin", "admin-demo");
        assertEquals(reply.body(), 200, reply.status());
        return JSON.readTree(reply.body());
    }

    // --- the tests -----------------------------------------------------------------------------------------------

    /** PORTAL-ROLE-1..5: each demo role's navigation, pages and refusals. */
    @Test
    public void eachRoleSeesAndDoesExactlyWhatItMay() throws Exception {
        List<String> everything = List.of("My devices", "Service orders", "Invoices", "Users and roles",
                "Running bill", "Local stock", "Knowledge base");
        // an Administrator (a portal user, and the users file's customer user): every device, the users
        for (String admin : List.of("fjordvik-admin", "fjordvik")) {
            login(admin, admin + "-demo");
            assertEquals(admin, "My devices", h1());
            assertEquals(admin, everything, nav());
            assertEquals(admin, List.of("CN-3530-0001", "CN-1335-0002"), serials());
            check("role-administrator-" + admin + "-devices");
        }
        open("/portal/o/1/users");
        assertEquals("Users and roles", h1());
        check("role-administrator-users");

        // device managers: only their devices (PORTAL-ROLE-2), no users page
        login("fjordvik-devices", "fjordvik-devices-demo");
        assertEquals(List.of("My devices", "Service orders", "Invoices", "Running bill", "Knowledge base"), nav());
        assertEquals(List.of("CN-3530-0001"), serials());
        check("role-device-manager-devices");
        assertEquals(404, request("GET", "/portal/o/1/devices/2", null).statusCode());
        assertEquals(403, request("GET", "/portal/o/1/users", null).statusCode());
        String token = csrf();
        HttpResponse<String> invite = request("POST", "/portal/o/1/users", "csrf=" + token
                + "&userName=sneaky&email=s%40example.no&role=ADMINISTRATOR");
        assertEquals(invite.body(), 403, invite.statusCode());

        login("fjordvik-both", "fjordvik-both-demo");
        assertEquals(List.of("CN-1335-0002"), serials());
        assertTrue(browser.findElement(By.tagName("nav")).getText().contains("Local stock"));

        // stock manager and self-service user: no organisation data at all (PORTAL-ROLE-3, -4)
        for (String user : List.of("fjordvik-stock", "fjordvik-self")) {
            login(user, user + "-demo");
            assertEquals(user, "Self-service", h1());
            assertEquals(user, user.endsWith("stock") ? List.of("Local stock", "Knowledge base")
                    : List.of("Knowledge base"), nav());
            assertTrue(user, browser.findElement(By.tagName("main")).getText().contains("Knowledge base"));
            assertEquals(user.endsWith("stock"), browser.findElement(By.tagName("main")).getText()
                    .contains("Local stock"));
            check("role-" + user.substring("fjordvik-".length()) + "-services");
            for (String page : List.of("/portal/o/1/devices", "/portal/o/1/orders", "/portal/o/1/invoices",
                    "/portal/o/1/devices/1")) {
                assertEquals(user + " " + page, 404, request("GET", page, null).statusCode());
            }
        }

        // dealer staff: every organisation, through the picker
        login("staff", "staff-demo");
        assertEquals("Organisations", h1());
        assertEquals(4, browser.findElements(By.cssSelector("main tbody tr")).size());
        check("role-staff-organisations");
        go(By.linkText("Øresund Arkitekter ApS"));
        assertEquals(List.of("CN-5535-0003"), serials());
        assertTrue(browser.findElement(By.cssSelector("p.org")).getText().contains("20001"));
        assertEquals(List.of("Organisations", "My devices", "Service orders", "Invoices", "Users and roles",
                "Running bill", "Local stock", "Account", "Knowledge base"), nav());
        check("role-staff-oresund-devices");
    }

    /**
     * The pages behind the services that landed: the running bill with its allowances (BILL-ALLOW-1), local stock
     * edited by a stock manager, refused next to its field, stale as 412, and refused to a device manager
     * (PORTAL-ROLE-3), the knowledge base read by the self-service user (PORTAL-ROLE-4), staff's account view
     * (PORTAL-SYNC-1).
     */
    @Test
    public void theRunningBillStockKnowledgeAndAccountPages() throws Exception {
        login("fjordvik-admin", "fjordvik-admin-demo");
        go(By.cssSelector("main tbody tr:first-child td a"));
        go(By.cssSelector("main a[href*='/contracts/']"));
        assertTrue(h1(), h1().startsWith("Running bill · #"));
        List<WebElement> allowances = browser.findElements(By.cssSelector("table.allowances tbody tr"));
        assertFalse("an allowance row", allowances.isEmpty());
        assertTrue(allowances.get(0).getText(), allowances.get(0).getText().matches("(?s).*\\d.*CANON-VOL-\\d.*"));
        check("running-bill");

        login("fjordvik-stock", "fjordvik-stock-demo");
        go(By.linkText("Local stock"));
        assertEquals("Local stock", h1());
        WebElement black = browser.findElement(By.name("level.toner-black"));
        black.clear();
        black.sendKeys("-1");
        go(By.cssSelector("main form button[type=submit]"));
        black = browser.findElement(By.name("level.toner-black"));
        assertEquals("true", black.getAttribute("aria-invalid"));
        assertEquals("Enter a whole number of 0 or more.",
                browser.findElement(By.id(black.getAttribute("aria-describedby"))).getText());
        check("stock-refused");
        black.clear();
        black.sendKeys("7");
        go(By.cssSelector("main form button[type=submit]"));
        assertEquals("The stock data was saved.", browser.findElement(By.cssSelector("main p.ok")).getText());
        assertEquals("7", browser.findElement(By.name("level.toner-black")).getAttribute("value"));
        check("stock");
        // the version read before the save is stale now: 412, nothing changed
        String action = browser.findElement(By.cssSelector("main form")).getAttribute("action");
        StringBuilder form = new StringBuilder("csrf=" + csrf() + "&version=0&name=Elsewhere");
        browser.findElements(By.cssSelector("main form input[name^='level.']"))
                .forEach(i -> form.append('&').append(i.getAttribute("name")).append("=1"));
        HttpResponse<String> stale = request("POST", URI.create(action).getPath(), form.toString());
        assertEquals(stale.body(), 412, stale.statusCode());
        assertTrue(stale.body(), stale.body().contains("changed this stock data in the meantime"));
        open("/portal/o/1/stock");
        assertEquals("7", browser.findElement(By.name("level.toner-black")).getAttribute("value"));

        login("fjordvik-devices", "fjordvik-devices-demo");
        assertEquals(403, request("GET", "/portal/o/1/stock", null).statusCode());
        assertEquals(403, request("POST", URI.create(action).getPath(), "csrf=" + csrf()
                + "&version=1&name=x&level.toner-black=1").statusCode());

        login("fjordvik-self", "fjordvik-self-demo");
        assertEquals(List.of("Knowledge base"), nav());
        go(By.linkText("Knowledge base"));
        new Select(browser.findElement(By.id("language"))).selectByValue("da");
        go(By.cssSelector("main form button[type=submit]"));
        List<WebElement> found = browser.findElements(By.cssSelector("ul.articles a"));
        assertFalse("articles in Danish", found.isEmpty());
        check("knowledge");
        go(found.get(0));
        assertFalse(browser.findElements(By.cssSelector("article p.text")).isEmpty());
        assertEquals("da", browser.findElement(By.tagName("article")).getAttribute("lang"));
        check("knowledge-article");
        assertEquals(404, request("GET", "/portal/o/1/devices", null).statusCode());

        login("staff", "staff-demo");
        open("/portal/o/1/account");
        assertEquals("Account", h1());
        assertEquals(List.of("Credit status", "Payment history", "Service history"), browser
                .findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList());
        check("account");
        login("fjordvik-admin", "fjordvik-admin-demo");
        assertEquals(403, request("GET", "/portal/o/1/account", null).statusCode());
    }

    private static List<String> serials() {
        return browser.findElements(By.cssSelector("main tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
    }

    /** PORTAL-METER-1/2/3: refusals next to the field that caused them; an accepted reading in the history. */
    @Test
    public void aRefusedReadingShowsItsReasonNextToTheField() throws Exception {
        JsonNode history = rest("/api/v1/devices/1/meter-readings");
        JsonNode last = history.get(history.size() - 1).get("counters");
        login("fjordvik-devices", "fjordvik-devices-demo");
        open("/portal/o/1/devices/1");
        String today = browser.findElement(By.id("date")).getAttribute("value");
        enterReading(last, -100);
        WebElement monoA4 = browser.findElement(By.id("monoA4"));
        assertEquals("true", monoA4.getAttribute("aria-invalid"));
        assertEquals("err-monoA4", monoA4.getAttribute("aria-describedby"));
        WebElement reason = browser.findElement(By.id("err-monoA4"));
        assertTrue(reason.getText(), reason.getText().contains("lower than in the device's previous accepted reading")
                && reason.getText().contains("PORTAL-METER-1"));
        // the error stands right after its field
        assertEquals("err-monoA4", monoA4.findElement(By.xpath("following-sibling::p[1]")).getAttribute("id"));
        check("meter-refused-lower");

        enterReading(last, 250);
        assertTrue(browser.findElement(By.cssSelector("p.ok")).getText().contains("accepted"));
        String firstRow = browser.findElement(By.cssSelector("main tbody tr")).getText();
        assertTrue(firstRow, firstRow.contains(String.format("%,d", last.get("monoA4").asLong() + 250)));
        assertTrue(firstRow, firstRow.contains("fjordvik-devices"));
        check("meter-accepted-history");

        enterReading(last, 500);
        WebElement date = browser.findElement(By.id("date"));
        assertEquals("err-date", date.getAttribute("aria-describedby"));
        assertTrue(browser.findElement(By.id("err-date")).getText().contains("PORTAL-METER-2"));
        assertEquals(today, date.getAttribute("value"));
        check("meter-refused-same-day");
        assertEquals("one reading more", history.size() + 1, rest("/api/v1/devices/1/meter-readings").size());
    }

    private static void enterReading(JsonNode last, long plus) {
        for (String counter : List.of("monoA4", "colourA4", "monoA3", "colourA3", "banner", "scans")) {
            WebElement field = browser.findElement(By.id(counter));
            field.clear();
            field.sendKeys(String.valueOf(last.get(counter).asLong() + (counter.equals("monoA4") ? plus : 0)));
        }
        go(By.cssSelector("form.grid button[type=submit]"));
    }

    /** An order registered by a device manager, followed by it, and closed by dealer staff in their view. */
    @Test
    public void anOrderIsCreatedAndFollowedToClosing() throws Exception {
        login("fjordvik-devices", "fjordvik-devices-demo");
        go(By.linkText("Service orders"));
        check("orders-list-form");
        new Select(browser.findElement(By.id("device"))).selectByValue("1");
        new Select(browser.findElement(By.id("kind"))).selectByValue("REPAIR");
        browser.findElement(By.id("symptom")).sendKeys("Paper jam in tray 2, error E-210");
        browser.findElement(By.id("errorCode")).sendKeys("E-210");
        browser.findElement(By.id("serviceNumber")).sendKeys("SI-3530-0001");
        browser.findElement(By.id("contactName")).sendKeys("Kari Nordmann");
        browser.findElement(By.id("contactEmail")).sendKeys("kari@fjordvik.example");
        go(By.cssSelector("form.grid button[type=submit]"));
        String number = h1();
        assertTrue(number, number.matches("Order SO-\\d{4}-\\d+"));
        String orderUrl = browser.getCurrentUrl();
        assertEquals("Registered", browser.findElement(By.id("order-state")).getText());
        String left = browser.findElement(By.id("order-left")).getText();
        assertTrue(left, left.matches(".*\\d+ h \\d{2} min.*"));
        check("order-registered");
        assertTrue(browser.findElements(By.id("to")).isEmpty());

        login("staff", "staff-demo");
        browser.get(orderUrl);
        for (String to : List.of("IN_PROGRESS", "RESOLVED", "CLOSED")) {
            new Select(browser.findElement(By.id("to"))).selectByValue(to);
            browser.findElement(By.id("reason")).sendKeys("portal test: " + to);
            if (to.equals("RESOLVED")) {
                check("order-staff-view");
            }
            go(By.cssSelector("form.grid button[type=submit]"));
        }
        assertEquals("Closed", browser.findElement(By.id("order-state")).getText());

        login("fjordvik-devices", "fjordvik-devices-demo");
        browser.get(orderUrl);
        assertEquals("Closed", browser.findElement(By.id("order-state")).getText());
        String trail = browser.findElement(By.cssSelector("main table tbody")).getText();
        assertTrue(trail, trail.contains("Resolved → Closed") && trail.contains("staff"));
        check("order-closed-history");
        open("/portal/o/1/orders");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(number.substring("Order ".length())));
    }

    /** An invoice of a billing run (started over REST), downloaded as PDF by the customer's browser. */
    @Test
    public void anInvoicePdfIsDownloaded() throws Exception {
        Http.Reply run = http.postJson("/api/v1/billing/runs", "admin", "admin-demo", "{\"from\":\"2026-10-01\","
                + "\"to\":\"2026-10-31\",\"selection\":{\"kind\":\"ORGANISATION\",\"value\":\"1\"}}");
        assertEquals(run.body(), 201, run.status());
        login("fjordvik-admin", "fjordvik-admin-demo");
        go(By.linkText("Invoices"));
        List<WebElement> pdfs = browser.findElements(By.partialLinkText("PDF"));
        assertFalse("no invoice listed", pdfs.isEmpty());
        String row = browser.findElement(By.cssSelector("main tbody tr")).getText();
        assertTrue(row, row.matches("(?s)INV-\\d{8}.*NOK.*"));
        check("invoices");
        String href = pdfs.get(0).getAttribute("href");
        String file = "INV-" + String.format("%08d", Long.parseLong(href.replaceAll(".*/(\\d+)\\.pdf$", "$1")))
                + ".pdf";
        Files.deleteIfExists(downloads.resolve(file));
        pdfs.get(0).click();
        Path pdf = downloads.resolve(file);
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(pdf) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertTrue("the browser downloaded " + pdf, Files.exists(pdf));
        Thread.sleep(300);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.US_ASCII));
        HttpResponse<String> ubl = request("GET", href.substring(base.length()).replace(".pdf", ".xml"), null);
        assertEquals(200, ubl.statusCode());
        assertTrue(ubl.body(), ubl.body().contains("urn:oasis:names:specification:ubl:schema:xsd:"));
    }

    /** PORTAL-ACCT-1: another organisation's addresses, and its records under one's own, answer 404. */
    @Test
    public void otherOrganisationsAnswer404() throws Exception {
        login("fjordvik-admin", "fjordvik-admin-demo");
        for (String page : List.of("/portal/o/3/devices", "/portal/o/3/orders", "/portal/o/3/invoices",
                "/portal/o/3/users", "/portal/o/1/devices/5", "/portal/o/2/devices/3", "/portal/o/99/devices")) {
            HttpResponse<String> reply = request("GET", page, null);
            assertEquals(page, 404, reply.statusCode());
            assertFalse(page, reply.body().contains("CN-5535") || reply.body().contains("Øresund"));
        }
        open("/portal/o/3/devices");
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("There is nothing here."));
        check("not-found");
        // staff reach every organisation, but a record only under its own organisation's address
        login("staff", "staff-demo");
        assertEquals(200, request("GET", "/portal/o/3/devices/5", null).statusCode());
        assertEquals(404, request("GET", "/portal/o/1/devices/5", null).statusCode());
    }

    /** CSRF: a POST without the session's token changes nothing; session, cookie and header hygiene. */
    @Test
    public void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
        browser.manage().deleteAllCookies();
        open("/portal/login");
        String before = browser.manage().getCookieNamed("JSESSIONID").getValue();
        login("fjordvik-devices", "fjordvik-devices-demo");
        String after = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertNotEquals("a new session id at login", before, after);
        int readings = rest("/api/v1/devices/1/meter-readings").size();
        String tomorrow = LocalDate.now().plusDays(3).toString();
        String form = "date=" + tomorrow + "&monoA4=99999999&colourA4=99999999&monoA3=99999999&colourA3=99999999"
                + "&banner=99999999&scans=99999999";
        HttpResponse<String> refused = request("POST", "/portal/o/1/devices/1/readings", form);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("The form has expired"));
        assertEquals(403, request("POST", "/portal/o/1/devices/1/readings", form + "&csrf=forged").statusCode());
        assertEquals(readings, rest("/api/v1/devices/1/meter-readings").size());
        // the login form itself carries a token
        assertEquals(403, CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/portal/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=staff&password=staff-demo")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        HttpResponse<String> login = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/portal/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp, csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"));
        assertFalse(login.body().contains("<script"));

        // logging out ends the session
        go(By.cssSelector("header form button"));
        assertEquals("Log in", h1());
        open("/portal/o/1/devices");
        assertEquals("Log in", h1());
    }

    /** Languages: the user's choice (a cookie) over Accept-Language; dates and money in the user's locale. */
    @Test
    public void languagesFollowTheChoiceElseTheBrowser() throws Exception {
        login("fjordvik-admin", "fjordvik-admin-demo");
        go(By.linkText("Dansk"));
        assertEquals("da", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Mine maskiner", h1());
        check("language-da-devices");
        go(By.linkText("Українська"));
        assertEquals("Мої пристрої", h1());
        open("/portal/o/1/devices/1");
        check("language-uk-device");
        go(By.linkText("Norsk bokmål"));
        assertEquals("Registrer telleverk", browser.findElement(By.id("reading-title")).getText());
        String history = browser.findElement(By.cssSelector("main table tbody")).getText();
        assertTrue(history, history.contains("31. okt. 2026") && history.contains("13 400"));
        check("language-nb-device");
        go(By.linkText("English"));
        assertEquals("Enter a meter reading", browser.findElement(By.id("reading-title")).getText());

        for (Map.Entry<String, String> e : Map.of("uk-UA,uk;q=0.9", "lang=\"uk\"", "nn-NO", "lang=\"nb\"",
                "de-DE,da;q=0.5", "lang=\"da\"", "fr", "lang=\"en\"").entrySet()) {
            String body = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/portal/login"))
                    .header("Accept-Language", e.getKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(e.getKey(), body.contains(e.getValue()));
        }
    }

    /** Users and roles (Administrator): invite, change the role, remove; a refusal next to its field. */
    @Test
    public void anAdministratorManagesUsers() throws Exception {
        login("oresund-admin", "oresund-admin-demo");
        go(By.linkText("Users and roles"));
        browser.findElement(By.id("userName")).sendKeys("oresund-nomail");
        new Select(browser.findElement(By.id("role"))).selectByValue("SELF_SERVICE");
        go(By.cssSelector("section.card button[type=submit]"));
        WebElement email = browser.findElement(By.id("email"));
        assertEquals("err-email", email.getAttribute("aria-describedby"));
        assertTrue(browser.findElement(By.id("err-email")).getText().contains("PORTAL-USER-1"));
        check("users-refused-no-email");

        browser.findElement(By.id("userName")).clear();
        browser.findElement(By.id("userName")).sendKeys("oresund-new");
        browser.findElement(By.id("email")).sendKeys("new@oresund.example");
        new Select(browser.findElement(By.id("role"))).selectByValue("DEVICE_MANAGER");
        browser.findElement(By.cssSelector("input[name=devices][value='5']")).click();
        go(By.cssSelector("section.card button[type=submit]"));
        WebElement row = userRow("oresund-new");
        assertTrue(row.getText(), row.getText().contains("new@oresund.example") && row.getText().contains("5"));
        new Select(row.findElement(By.tagName("select"))).selectByValue("SELF_SERVICE");
        go(row.findElement(By.cssSelector("form button")));
        assertEquals("SELF_SERVICE", new Select(userRow("oresund-new").findElement(By.tagName("select")))
                .getFirstSelectedOption().getAttribute("value"));
        check("users-invited");
        go(userRow("oresund-new").findElement(By.cssSelector("button.danger")));
        assertTrue(browser.findElements(By.xpath("//tr[td[starts-with(normalize-space(.), 'oresund-new')]]"))
                .isEmpty());
    }

    /**
     * A session ends at its next request once its user's role changes (here by dealer staff over REST): the portal
     * checks on every request that the login still stands, as REST and SOAP do per request.
     */
    @Test
    public void aSessionEndsWhenItsUsersRoleChanges() throws Exception {
        login("oresund-stock", "oresund-stock-demo");
        assertEquals(List.of("Local stock", "Knowledge base"), nav());
        JsonNode user = null;
        for (JsonNode u : rest("/api/v1/organisations/3/users")) {
            user = u.path("userName").asText().equals("oresund-stock") ? u : user;
        }
        assertTrue("oresund-stock listed", user != null);
        String path = "/api/v1/organisations/3/users/" + user.path("id").asLong();
        role(path, "SELF_SERVICE");
        try {
            open("/portal/");
            assertEquals("Log in", h1());
            assertTrue(browser.findElement(By.id("login-notice")).getText().contains("Your access changed"));
            check("session-ended");
            login("oresund-stock", "oresund-stock-demo");
            assertEquals("Self-service", h1());
            assertEquals(List.of("Knowledge base"), nav());
        } finally {
            role(path, "STOCK_MANAGER");
        }
    }

    /** Dealer staff set a portal user's role over REST, at the version it has now. */
    private static void role(String path, String role) throws Exception {
        Http.Reply changed = http.send(path, "PUT", "staff", "staff-demo", "{\"role\":\"" + role
                + "\",\"deviceIds\":[]}", "\"" + rest(path).path("version").asLong() + "\"");
        assertEquals(changed.body(), 200, changed.status());
    }

    private static WebElement userRow(String name) {
        return browser.findElement(By.xpath("//main//tbody/tr[td[1][starts-with(normalize-space(.), '" + name
                + "')]]"));
    }

    /** A phone's screen: the page fits its width (tables scroll in their own box) and keeps its labels. */
    @Test
    public void aPhoneGetsTheSamePages() throws Exception {
        login("fjordvik-devices", "fjordvik-devices-demo");
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            open("/portal/o/1/devices/1");
            assertEquals(Boolean.TRUE, browser.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"));
            check("phone-device");
            open("/portal/o/1/orders");
            check("phone-orders");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** The reset flow of the core: a one-time link e-mailed (to a real SMTP server), opened, a new password set. */
    @Test
    public void aPasswordIsResetThroughTheEmailedLink() throws Exception {
        browser.manage().deleteAllCookies();
        open("/portal/login");
        go(By.linkText("Forgot your password?"));
        check("password-reset-request");
        browser.findElement(By.id("email")).sendKeys("oresund-self@demo.example");
        go(By.cssSelector("form.card button"));
        assertTrue(browser.findElement(By.cssSelector("p.ok")).getText().contains("a link"));
        String link = null;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (link == null && System.nanoTime() < until) {
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                Matcher m = Pattern.compile("https?://\\S+/portal/password-reset/[A-Za-z0-9_-]+")
                        .matcher(String.valueOf(mail.getContent()));
                if (mail.getAllRecipients()[0].toString().equals("oresund-self@demo.example") && m.find()) {
                    link = m.group();
                }
            }
            Thread.sleep(200);
        }
        assertTrue("no reset e-mail", link != null);
        assertTrue(link, link.startsWith(base + "/portal/password-reset/"));
        browser.get(link);
        browser.findElement(By.id("password")).sendKeys("a new password 2026");
        browser.findElement(By.id("repeat")).sendKeys("a new password 2026");
        check("password-reset-new");
        go(By.cssSelector("form.card button"));
        assertTrue(browser.findElement(By.cssSelector("p.ok")).getText().contains("Your password is saved"));
        login("oresund-self", "a new password 2026");
        assertEquals("Self-service", h1());
        // the link is used up
        browser.get(link);
        browser.findElement(By.id("password")).sendKeys("another password 2026");
        browser.findElement(By.id("repeat")).sendKeys("another password 2026");
        go(By.cssSelector("form.card button"));
        assertTrue(browser.findElement(By.id("reset-error")).getText().contains("unknown, used or expired"));
    }
}
