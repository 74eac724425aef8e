package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.dealerhub.itest.soapclient.Dealerhub;
import org.dealerhub.itest.soapclient.DealerhubFault;
import org.dealerhub.itest.soapclient.Order;
import org.dealerhub.itest.soapclient.OrderDraft;
import org.dealerhub.itest.soapclient.Outcome;
import org.dealerhub.itest.soapclient.Reading;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SOAP service over real HTTP, with raw envelopes: authentication before the body is read, the whole envelope
 * read before anything changes, required ids and counters, faults that never echo the input and carry Client or
 * Server, and the parser's refusal of DTDs, entity expansion and huge envelopes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SoapIT {

    static final String PATH = "/soap/dealerhub";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PW = "admin-demo";
    private static final int TWENTY_MB = 20 * 1024 * 1024;

    private static Boolean containerReady;
    private static long deviceId;

    private Http http;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    /** Boots once, then creates one organisation with one device and a first reading for this class. */
    @Before
    public void ready() throws Exception {
        http = new Http(Integer.getInteger(Distribution.HTTP_PORT));
        if (containerReady == null) {
            containerReady = false;
            http.awaitReady(Duration.ofSeconds(90));
            deviceId = newDevice(http, "SOAP-IT");
            Http.Reply first = soap(ADMIN, ADMIN_PW, submit(deviceId, reading("2026-01-01", 100)));
            assertEquals(first.body(), 200, first.status());
            containerReady = true;
        }
        assertTrue("the container never became ready", containerReady);
    }

    @Test
    public void anUnauthenticatedEnvelopeIsRefusedBeforeItIsParsed() throws Exception {
        // 20 MB that are not even XML: refused as unauthenticated (401), not as malformed, so never parsed
        long start = System.nanoTime();
        Http.Reply anonymous = http.post(PATH, null, null, "text/xml", "x".repeat(TWENTY_MB));
        System.out.println("SOAP: unauthenticated 20 MB body refused in " + (System.nanoTime() - start) / 1_000_000
                + " ms");
        assertEquals(anonymous.body(), 401, anonymous.status());
        assertFault(anonymous.body(), "Client", "UNAUTHENTICATED");

        Http.Reply wrong = soap(ADMIN, "wrong", envelope("<d:listVendors/>"));
        assertEquals(401, wrong.status());
        assertFault(wrong.body(), "Client", "UNAUTHENTICATED");
        assertFalse(wrong.body(), wrong.body().contains("canon"));
    }

    @Test
    public void aTruncatedEnvelopeIsRefusedAndChangesNothing() throws Exception {
        String whole = submit(deviceId, reading("2026-02-01", 200));
        String truncated = whole.substring(0, whole.indexOf("</soapenv:Body>"));
        Http.Reply refused = soap(ADMIN, ADMIN_PW, truncated);
        assertFault(refused.body(), "Client", "INVALID");
        Http.Reply garbage = soap(ADMIN, ADMIN_PW, whole.replace("</soapenv:Envelope>", "</soapenv:Envelope><x"));
        assertFault(garbage.body(), "Client", "INVALID");
        assertFalse(history(deviceId), history(deviceId).contains("2026-02-01"));
    }

    @Test
    public void aMissingIdOrCounterIsRefusedNotReadAsZero() throws Exception {
        Http.Reply noDevice = soap(ADMIN, ADMIN_PW, envelope("<d:submitMeterReadings>"
                + reading("2026-02-02", 300) + "</d:submitMeterReadings>"));
        assertFault(noDevice.body(), "Client", "INVALID");
        assertTrue(noDevice.body(), noDevice.body().contains("<field>deviceId</field>"));
        assertTrue(noDevice.body(), noDevice.body().contains("<error>deviceId is required</error>"));
        Http.Reply noHistoryDevice = soap(ADMIN, ADMIN_PW, envelope("<d:meterReadingHistory/>"));
        assertTrue(noHistoryDevice.body(), noHistoryDevice.body().contains("<field>deviceId</field>"));

        String noCounters = "<reading><date>2026-02-03</date></reading>";
        Http.Reply zeros = soap(ADMIN, ADMIN_PW, submit(deviceId, noCounters));
        assertFault(zeros.body(), "Client", "INVALID");
        assertTrue(zeros.body(), zeros.body().contains("<field>monoA4</field>"));
        String oneMissing = reading("2026-02-04", 400).replace("<scans>400</scans>", "");
        Http.Reply batch = soap(ADMIN, ADMIN_PW, submit(deviceId, reading("2026-02-03", 400) + oneMissing));
        assertTrue(batch.body(), batch.body().contains("<field>readings[1].scans</field>"));
        Http.Reply noDate = soap(ADMIN, ADMIN_PW, submit(deviceId, reading("2026-02-05", 400)
                .replace("<date>2026-02-05</date>", "")));
        assertTrue(noDate.body(), noDate.body().contains("<field>date</field>"));
        String history = history(deviceId);
        assertFalse(history, history.contains("2026-02-0"));
        assertFalse(history, history.contains("<monoA4>0</monoA4>"));
    }

    @Test
    public void aFaultNamesTheFieldAndNeverEchoesTheValue() throws Exception {
        String value = "x".repeat(10_000);
        Http.Reply notANumber = soap(ADMIN, ADMIN_PW, envelope("<d:meterReadingHistory><deviceId>" + value
                + "</deviceId></d:meterReadingHistory>"));
        assertFault(notANumber.body(), "Client", "INVALID");
        assertTrue(notANumber.body(), notANumber.body().contains("<field>deviceId</field>"));
        assertFalse(notANumber.body(), notANumber.body().contains("xxxxxxxxxx"));
        assertTrue(notANumber.body().length() + " characters", notANumber.body().length() < 1000);

        Http.Reply market = soap(ADMIN, ADMIN_PW, envelope("<d:listPackages><vendor>canon</vendor><market>" + value
                + "</market></d:listPackages>"));
        assertFault(market.body(), "Client", "INVALID");
        assertTrue(market.body(), market.body().contains("<field>market</field>"));
        assertFalse(market.body(), market.body().contains("xxxxxxxxxx"));

        // the 20 MB string that was once echoed twice (a 42 MB answer) now stops the parser at its text limit
        Http.Reply huge = soap(ADMIN, ADMIN_PW, envelope("<d:meterReadingHistory><deviceId>" + "x".repeat(TWENTY_MB)
                + "</deviceId></d:meterReadingHistory>"));
        assertFault(huge.body(), "Client", "INVALID");
        assertTrue(huge.body().length() + " characters", huge.body().length() < 1000);
    }

    @Test
    public void clientErrorsAreClientOrSenderFaultsWithTheRule() throws Exception {
        // PORTAL-METER-1: a counter lower than the last reading's, refused in the item's outcome like over REST
        Http.Reply lower = soap(ADMIN, ADMIN_PW, submit(deviceId, reading("2026-03-01", 1)));
        assertEquals(lower.body(), 200, lower.status());
        assertTrue(lower.body(), lower.body().contains("<accepted>false</accepted>"));
        assertTrue(lower.body(), lower.body().contains("<rule>PORTAL-METER-1</rule>"));
        Http.Reply unknown = soap(ADMIN, ADMIN_PW, envelope("<d:meterReadingHistory><deviceId>999999"
                + "</deviceId></d:meterReadingHistory>"));
        assertFault(unknown.body(), "Client", "NOT_FOUND");
        Http.Reply noOperation = soap(ADMIN, ADMIN_PW, envelope("<d:dropEverything/>"));
        assertFault(noOperation.body(), "Client", "INVALID");

        String soap12 = "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:d=\"http://dealerhub.org/soap/v1\"><env:Body><d:meterReadingHistory/></env:Body>"
                + "</env:Envelope>";
        // the binding is SOAP 1.1: a SOAP 1.2 envelope is the client's mistake too
        Http.Reply soap12Reply = http.post(PATH, ADMIN, ADMIN_PW, "application/soap+xml", soap12);
        assertFault(soap12Reply.body(), "Client", "INVALID");
    }

    @Test
    public void dtdsEntityExpansionAndHugeEnvelopesAreRefused() throws Exception {
        Path secret = Files.writeString(Paths.get(System.getProperty("karaf.data"), "xxe-secret.txt"),
                "TOP-SECRET-XXE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>"
                + envelope("<d:listPackages><vendor>canon</vendor><market>&s;</market></d:listPackages>");
        Http.Reply external = soap(ADMIN, ADMIN_PW, xxe);
        assertFault(external.body(), "Client", "INVALID");
        assertFalse(external.body(), external.body().contains("TOP-SECRET"));

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>").append(envelope("<d:listPackages><vendor>canon</vendor><market>&l9;</market>"
                + "</d:listPackages>"));
        long start = System.nanoTime();
        Http.Reply expanded = soap(ADMIN, ADMIN_PW, laughs.toString());
        assertFault(expanded.body(), "Client", "INVALID");
        assertFalse(expanded.body(), expanded.body().contains("lollol"));
        assertTrue("refused at once", System.nanoTime() - start < 5_000_000_000L);

        // authenticated, but over the 10 MB character limit: refused while reading, nothing stored
        StringBuilder many = new StringBuilder();
        for (int day = 0; many.length() < TWENTY_MB; day++) {
            many.append(reading(LocalDate.of(2025, 1, 1).plusDays(day % 300).toString(), 500 + day));
        }
        Http.Reply huge = soap(ADMIN, ADMIN_PW, submit(deviceId, many.toString()));
        assertFault(huge.body(), "Client", "INVALID");
        assertFalse(history(deviceId), history(deviceId).contains("2025-"));

        Http.Reply deep = soap(ADMIN, ADMIN_PW, envelope("<d:listVendors>" + "<x>".repeat(10_000)
                + "</x>".repeat(10_000) + "</d:listVendors>"));
        assertFault(deep.body(), "Client", "INVALID");
    }

    @Test
    public void theServedWsdlIsTheOneTheClientIsGeneratedFrom() throws Exception {
        String served = http.get(PATH + "?wsdl", null, null).body()
                .replace("localhost:" + Integer.getInteger(Distribution.HTTP_PORT), "localhost:8181");
        Path committed = Paths.get(System.getProperty(Distribution.WSDL));
        Path copy = Paths.get(System.getProperty(Distribution.DISTRIBUTION)).resolveSibling("served.wsdl");
        Files.writeString(copy, served);
        // compared line by line in any order: CXF may list the schema's types in another order
        assertEquals("the published WSDL changed: update " + committed + " from " + copy,
                Files.readString(committed).lines().sorted().toList(), served.lines().sorted().toList());
    }

    /**
     * PORTAL-ACCT-1 over SOAP, by construction: every operation the WSDL lists, called as every user of the realm
     * and anonymously with the ids of an organisation created here, that no customer user belongs to. Customers
     * get nothing of it and change nothing; the dealer roles get answers (the same requests are valid); anonymous
     * callers get 401. A new operation is walked without a new test (it needs only a sample value per new element).
     */
    @Test
    public void noOperationShowsOrChangesAnotherOrganisationsData() throws Exception {
        long foreign = newDevice(http, "SOAP-WALK");
        String marker = "987654321";
        assertEquals(200, soap(ADMIN, ADMIN_PW, submit(foreign, reading("2026-01-02", Long.parseLong(marker))))
                .status());
        String before = history(foreign);
        long contract = newContract(http, foreign);
        Http.Reply registered = soap(ADMIN, ADMIN_PW, envelope("<d:registerOrder>" + orderDraft(foreign, contract,
                "jammed " + marker) + "</d:registerOrder>"));
        assertEquals(registered.body(), 200, registered.status());
        String order = registered.body().replaceFirst("(?s).*?<id>(\\d+)</id>.*", "$1");
        int ordersBefore = ordersOf(foreign);
        long foreignOrganisation = Http.number(http.get("/api/v1/devices/" + foreign, ADMIN, ADMIN_PW).body(),
                "organisationId");
        Map<String, String> samples = Map.of(
                "deviceId", "<deviceId>" + foreign + "</deviceId>",
                "organisationId", "<organisationId>" + foreignOrganisation + "</organisationId>",
                "reading", reading("2026-01-03", 999_999_999L),
                "vendor", "<vendor>canon</vendor>",
                "packageCode", "<packageCode>STANDARD</packageCode>",
                "market", "<market>NO</market>",
                "registeredAt", "<registeredAt>2026-11-20T14:59:00Z</registeredAt>",
                "fact", "",
                "draft", orderDraft(foreign, contract, "walked"),
                "orderId", "<orderId>" + order + "</orderId>");
        Map<String, List<String>> operations = operations(http.get(PATH + "?wsdl", null, null).body());
        assertTrue(operations.toString(), operations.size() >= 9);

        Properties realm = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get(System.getProperty("karaf.etc"), "users.properties"))) {
            realm.load(in);
        }
        List<String> users = new ArrayList<>(realm.stringPropertyNames());
        users.removeIf(u -> u.startsWith("_g_:"));
        // customers first: the dealer roles' submissions change the device on purpose
        users.sort(Comparator.comparing((String u) -> dealer(realm, u)).thenComparing(u -> u));
        users.add(null);
        int calls = 0;
        for (String user : users) {
            for (Map.Entry<String, List<String>> op : operations.entrySet()) {
                StringBuilder body = new StringBuilder("<d:" + op.getKey() + ">");
                for (String element : op.getValue()) {
                    String sample = samples.get(element);
                    assertTrue("no sample value for " + element + " of " + op.getKey() + ": add one", sample != null);
                    body.append(sample);
                }
                String call = op.getKey() + " as " + user + ": ";
                Http.Reply reply = soap(user, user + "-demo", envelope(body + "</d:" + op.getKey() + ">"));
                calls++;
                if (user == null) {
                    assertEquals(call + reply.body(), 401, reply.status());
                    assertFault(reply.body(), "Client", "UNAUTHENTICATED");
                } else if (dealer(realm, user)) {
                    boolean refusedByRule = reply.body().contains("<kind>RULE</kind>")
                            || reply.body().contains("<accepted>false</accepted>");
                    assertTrue(call + reply.body(), reply.status() == 200 || refusedByRule);
                } else {
                    assertFalse(call + reply.body(), reply.body().contains(marker));
                    assertFalse(call + reply.body(), reply.body().contains("<kind>UNAUTHENTICATED</kind>"));
                    if (op.getValue().stream().anyMatch(List.of("deviceId", "orderId", "draft", "organisationId")::contains)) {
                        assertFault(reply.body(), "Client", "NOT_FOUND");
                    } else {
                        assertEquals(call + reply.body(), 200, reply.status());
                    }
                }
            }
            if (user != null && !dealer(realm, user)) {
                assertEquals("changed by " + user, before, history(foreign));
                assertEquals("an order registered by " + user, ordersBefore, ordersOf(foreign));
            }
        }
        System.out.println("SOAP tenant walk: " + operations.size() + " operations x " + users.size()
                + " callers (" + users.stream().map(String::valueOf).toList() + ") = " + calls + " calls");
        assertTrue("the dealer roles' submission was accepted", history(foreign).contains("999999999"));
    }

    private static boolean dealer(Properties realm, String user) {
        List<String> roles = List.of(realm.getProperty(user).split(","));
        return roles.contains("dealer-admin") || roles.contains("dealer-staff");
    }

    /** Each operation of the WSDL's port type with the element names of its request, in schema order. */
    static Map<String, List<String>> operations(String wsdl) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl)));
        String wsdlNs = "http://schemas.xmlsoap.org/wsdl/";
        String xsd = "http://www.w3.org/2001/XMLSchema";
        Map<String, List<String>> operations = new TreeMap<>();
        for (Element op : elements(doc, wsdlNs, "operation")) {
            if (!"portType".equals(op.getParentNode().getLocalName())) {
                continue;
            }
            String message = local(elements(op, wsdlNs, "input").get(0).getAttribute("message"));
            Element part = elements(named(doc, wsdlNs, "message", message), wsdlNs, "part").get(0);
            String type = local(named(doc, xsd, "element", local(part.getAttribute("element"))).getAttribute("type"));
            List<String> children = new ArrayList<>();
            for (Element child : elements(named(doc, xsd, "complexType", type), xsd, "element")) {
                children.add(child.getAttribute("name"));
            }
            operations.put(op.getAttribute("name"), children);
        }
        return operations;
    }

    private static Element named(Node scope, String ns, String tag, String name) {
        return elements(scope, ns, tag).stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " named " + name));
    }

    private static List<Element> elements(Node scope, String ns, String tag) {
        NodeList list = scope instanceof Document d ? d.getElementsByTagNameNS(ns, tag)
                : ((Element) scope).getElementsByTagNameNS(ns, tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    private static String local(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    /** The WSDL serves integrators: a client generated from it in the build submits readings and reads them. */
    @Test
    public void aClientGeneratedFromTheWsdlSubmitsAndReadsReadings() throws Exception {
        long device = newDevice(http, "SOAP-CLIENT");
        Dealerhub client = client();

        List<Outcome> outcomes = client.submitMeterReadings(device, List.of(generated("2026-04-01", 10),
                generated("2026-05-01", 20)));
        assertEquals(2, outcomes.size());
        assertTrue(outcomes.stream().allMatch(Outcome::isAccepted));
        List<Reading> history = client.meterReadingHistory(device);
        assertEquals(List.of("2026-04-01", "2026-05-01"), history.stream().map(Reading::getDate).toList());
        assertEquals(20L, history.get(1).getMonoA4());
        assertEquals(ADMIN, history.get(1).getAcceptedBy());

        // PORTAL-METER-1 in the item's outcome; a refused request as the declared fault with its detail
        Outcome lower = client.submitMeterReadings(device, List.of(generated("2026-06-01", 5))).get(0);
        assertFalse(lower.isAccepted());
        assertEquals("PORTAL-METER-1", lower.getRule());
        try {
            client.meterReadingHistory(999_999L);
            throw new AssertionError("an unknown device was answered");
        } catch (DealerhubFault e) {
            assertEquals("NOT_FOUND", e.getFaultInfo().getKind());
        }
        assertEquals(2, client.meterReadingHistory(device).size());
    }

    /**
     * Service orders from system to system (issue 9) through the generated client: registered with channel SOAP
     * and the vendor's deadline, its status read back, listed among the open orders until cancelled; an incomplete
     * one held (KMUA-ORDER-1); bad input refused as a Client fault with the field.
     */
    @Test
    public void aClientGeneratedFromTheWsdlRegistersAndFollowsOrders() throws Exception {
        long device = newDevice(http, "SOAP-ORDERS");
        long contract = newContract(http, device);
        Dealerhub client = client();

        OrderDraft draft = new OrderDraft();
        draft.setDeviceId(device);
        draft.setContractId(contract);
        draft.setKind("REPAIR");
        draft.setServiceNumber("SI-SOAP-1");
        draft.setSymptom("paper jam in tray 2");
        draft.setErrorCode("J-0102");
        draft.setMeterReading(1234L);
        draft.setContactName("Kari Nordmann");
        draft.setContactEmail("kari@example.no");
        Order order = client.registerOrder(draft);
        assertTrue(order.getNumber(), order.getNumber().startsWith("SO-"));
        assertEquals("SOAP", order.getChannel());
        assertEquals("REGISTERED", order.getState());
        assertTrue("a Canon STANDARD order has a deadline", order.getDeadline() != null);
        assertEquals(List.of(), order.getMissing());
        assertTrue(order.isRunning());

        Order status = client.orderStatus(order.getId());
        assertEquals(order.getNumber(), status.getNumber());
        assertTrue(client.openOrders().stream().anyMatch(o -> o.getId() == order.getId()));

        // KMUA-ORDER-1: accepted without the contact, held, its clock stopped
        draft.setContactEmail(null);
        Order held = client.registerOrder(draft);
        assertEquals(List.of("contactEmail"), held.getMissing());
        assertFalse(held.isRunning());

        draft.setKind("TELEPATHY");
        try {
            client.registerOrder(draft);
            throw new AssertionError("an unknown kind was accepted");
        } catch (DealerhubFault e) {
            assertEquals("kind", e.getFaultInfo().getField());
        }
        try {
            client.orderStatus(999_999L);
            throw new AssertionError("an unknown order was answered");
        } catch (DealerhubFault e) {
            assertEquals("NOT_FOUND", e.getFaultInfo().getKind());
        }

        Http.Reply cancelled = http.postJson("/api/v1/orders/" + order.getId() + "/transitions", ADMIN, ADMIN_PW,
                "{\"to\":\"CANCELLED\",\"reason\":\"duplicate\"}", version(order.getId()));
        assertEquals(cancelled.body(), 200, cancelled.status());
        assertFalse(client.openOrders().stream().anyMatch(o -> o.getId() == order.getId()));
        assertEquals("CANCELLED", client.orderStatus(order.getId()).getState());
    }

    private Dealerhub client() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(Dealerhub.class);
        factory.setAddress("http://localhost:" + Integer.getInteger(Distribution.HTTP_PORT) + PATH);
        factory.setUsername(ADMIN);
        factory.setPassword(ADMIN_PW);
        return (Dealerhub) factory.create();
    }

    private long version(long order) throws Exception {
        return Http.number(http.get("/api/v1/orders/" + order, ADMIN, ADMIN_PW).body(), "version");
    }

    private int ordersOf(long device) throws Exception {
        Http.Reply list = http.get("/api/v1/orders?deviceId=" + device + "&limit=500", ADMIN, ADMIN_PW);
        assertEquals(list.body(), 200, list.status());
        return list.body().split("\"number\"", -1).length - 1;
    }

    private static String orderDraft(long device, long contract, String symptom) {
        return "<draft><deviceId>" + device + "</deviceId><contractId>" + contract + "</contractId>"
                + "<kind>REPAIR</kind><symptom>" + symptom + "</symptom><errorCode>E-1</errorCode>"
                + "<meterReading>1</meterReading><contactName>Ola</contactName>"
                + "<contactEmail>ola@example.no</contactEmail></draft>";
    }

    private static Reading generated(String date, long count) {
        Reading r = new Reading();
        r.setDate(date);
        r.setMonoA4(count);
        r.setColourA4(count);
        r.setMonoA3(count);
        r.setColourA3(count);
        r.setBanner(count);
        r.setScans(count);
        return r;
    }

    // ---- helpers

    static void assertFault(String body, String code, String kind) {
        assertTrue(body, body.matches("(?s).*<faultcode>[a-zA-Z0-9]+:" + code + "</faultcode>.*"));
        assertTrue(body, body.contains("<kind>" + kind + "</kind>"));
        assertFalse(body, body.contains("Exception") || body.contains("\tat "));
    }

    /** A new organisation with one device, created over REST as the admin; answers the device id. */
    static long newDevice(Http http, String name) throws Exception {
        Http.Reply org = http.postJson("/api/v1/organisations", ADMIN, ADMIN_PW, "{\"name\":\"" + name + " AS\","
                + "\"customerAccountNumber\":\"" + name + "\",\"systemAccountNumber\":\"" + name + "-S\","
                + "\"market\":\"NO\"}");
        assertEquals(org.body(), 201, org.status());
        long orgId = Http.number(org.body(), "id");
        Http.Reply device = http.postJson("/api/v1/devices", ADMIN, ADMIN_PW, "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"model\":\"iR-ADV C3530\",\"modelFamily\":\"iR-ADV C3xxx\","
                + "\"format\":\"A3_COLOUR\",\"serialNumber\":\"" + name + "-SN\",\"remotelyMonitored\":true}");
        assertEquals(device.body(), 201, device.status());
        return Http.number(device.body(), "id");
    }

    /** A Canon STANDARD contract in Norway from 2026-01-01 for the device, created over REST as the admin. */
    static long newContract(Http http, long device) throws Exception {
        long organisation = Http.number(http.get("/api/v1/devices/" + device, ADMIN, ADMIN_PW).body(),
                "organisationId");
        Http.Reply contract = http.postJson("/api/v1/contracts", ADMIN, ADMIN_PW, "{\"organisationId\":"
                + organisation + ",\"vendor\":\"canon\",\"market\":\"NO\",\"packageCode\":\"STANDARD\","
                + "\"start\":\"2026-01-01\",\"deviceIds\":[" + device + "]}");
        assertEquals(contract.body(), 201, contract.status());
        return Http.number(contract.body(), "id");
    }

    private String history(long device) throws Exception {
        Http.Reply reply = soap(ADMIN, ADMIN_PW, envelope("<d:meterReadingHistory><deviceId>" + device
                + "</deviceId></d:meterReadingHistory>"));
        assertEquals(reply.body(), 200, reply.status());
        return reply.body();
    }

    private Http.Reply soap(String user, String password, String envelope) throws Exception {
        return http.post(PATH, user, password, "text/xml", envelope);
    }

    static String submit(long device, String readings) {
        return envelope("<d:submitMeterReadings><deviceId>" + device + "</deviceId>" + readings
                + "</d:submitMeterReadings>");
    }

    static String reading(String date, long count) {
        return "<reading><date>" + date + "</date><monoA4>" + count + "</monoA4><colourA4>" + count
                + "</colourA4><monoA3>" + count + "</monoA3><colourA3>" + count + "</colourA3><banner>" + count
                + "</banner><scans>" + count + "</scans></reading>";
    }

    static String envelope(String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:d=\"http://dealerhub.org/soap/v1\"><soapenv:Body>" + body
                + "</soapenv:Body></soapenv:Envelope>";
    }
}
