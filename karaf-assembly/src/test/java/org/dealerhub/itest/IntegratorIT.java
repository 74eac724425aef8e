package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.dealerhub.itest.client.ApiClient;
import org.dealerhub.itest.client.ApiException;
import org.dealerhub.itest.client.api.DefaultApi;
import org.dealerhub.itest.client.model.Contract;
import org.dealerhub.itest.client.model.ContractDraft;
import org.dealerhub.itest.client.model.Counters;
import org.dealerhub.itest.client.model.Device;
import org.dealerhub.itest.client.model.DeviceDraft;
import org.dealerhub.itest.client.model.MeterReading;
import org.dealerhub.itest.client.model.MeterReadingDraft;
import org.dealerhub.itest.client.model.MeterReadingResourceBatchResult;
import org.dealerhub.itest.client.model.MeterReadingResourceSubmission;
import org.dealerhub.itest.client.model.Organisation;
import org.dealerhub.itest.client.model.OrganisationDraft;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What integrators meet, driven by the served OpenAPI document: a client generated from it works; hostile input
 * on every operation is refused cleanly and changes nothing; no role ever sees or changes another
 * organisation's data. New operations are covered by the probe and the walker without a new test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntegratorIT {

    private static final String API = "/api/v1";
    /** The legacy customer users of the users file, Administrators of their organisation. */
    private static final List<String> CUSTOMERS = List.of("fjordvik", "oresund");
    /** The demo portal users of each customer organisation, one per role (PORTAL-ROLE-1..5). */
    private static final List<String> PORTAL_ROLES = List.of("admin", "devices", "stock", "both", "self");
    /** Every demo user and its password: {@code <user>-demo}. */
    private static final Map<String, String> USERS = users();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000);

    private static Boolean containerReady;

    private Http http;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Before
    public void ready() throws Exception {
        http = new Http(Integer.getInteger(Distribution.HTTP_PORT));
        if (containerReady == null) {
            containerReady = false;
            http.awaitReady(Duration.ofSeconds(90));
            containerReady = true;
        }
        assertTrue("the container never became ready", containerReady);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the generated client

    @Test
    public void aClientGeneratedFromTheDocumentCreatesAndReadsBack() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + Integer.getInteger(Distribution.HTTP_PORT) + API);
        client.setRequestInterceptor(b -> b.header("Authorization", basic("admin")));
        DefaultApi api = new DefaultApi(client);
        long n = UNIQUE.incrementAndGet();
        Organisation org = api.createOrganisation(new OrganisationDraft().name("Generated Client AS")
                .customerAccountNumber("GEN-" + n).systemAccountNumber("GENS-" + n).market("NO"));
        Device device = api.createDevice(new DeviceDraft().organisationId(org.getId()).vendor("canon")
                .model("iR-ADV C3530").modelFamily("iR-ADV C3xxx").format(DeviceDraft.FormatEnum.A3_COLOUR)
                .serialNumber("GEN-SN-" + n).remotelyMonitored(true));
        Contract contract = api.createContract(new ContractDraft().organisationId(org.getId()).vendor("canon")
                .market("NO").packageCode("STANDARD").start(LocalDate.of(2026, 1, 1))
                .deviceIds(List.of(device.getId())));
        MeterReadingResourceBatchResult batch = api.submitMeterReadings(device.getId(),
                new MeterReadingResourceSubmission().readings(List.of(new MeterReadingDraft()
                        .date(LocalDate.of(2026, 3, 1)).counters(new Counters().monoA4(1200L).colourA4(300L)
                                .monoA3(10L).colourA3(5L).banner(0L).scans(40L)))));
        assertEquals(Integer.valueOf(1), batch.getAccepted());

        assertEquals("GEN-" + n, api.getOrganisation(org.getId()).getCustomerAccountNumber());
        assertEquals("GEN-SN-" + n, api.getDevice(device.getId()).getSerialNumber());
        Contract read = api.getContract(contract.getId());
        assertEquals(List.of(device.getId()), read.getDeviceIds());
        assertEquals("STANDARD", read.getPackageSnapshot().getCode());
        List<MeterReading> history = api.meterReadingHistory(device.getId());
        assertEquals(1, history.size());
        assertEquals(Long.valueOf(1200L), history.get(0).getCounters().getMonoA4());
        assertTrue(api.listMarkets().stream().anyMatch(m -> "Europe/Oslo".equals(m.getZone())));
        try {
            api.createOrganisation(new OrganisationDraft().name("Copy AS").customerAccountNumber("GEN-" + n)
                    .systemAccountNumber("GENS-X" + n).market("NO"));
            throw new AssertionError("a duplicate account number was accepted");
        } catch (ApiException e) {
            assertEquals(409, e.getCode());
            assertEquals("customerAccountNumber", JSON.readTree(e.getResponseBody()).path("field").asText());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the probe's findings, one by one

    @Test
    public void eachFindingOfTheBadInputProbeIsRefusedWithTheErrorShape() throws Exception {
        Fixture f = fixture();
        String readings = API + "/devices/" + f.device + "/meter-readings";
        String snapshot = snapshot(f);
        assertRefused(400, "body", http.send(readings, "POST", "admin", pw("admin"), "null"));
        assertRefused(400, "facts.category", http.send(API + "/response-deadline", "POST", "admin", pw("admin"),
                "{\"vendor\":\"konica-minolta-no\",\"packageCode\":\"SERVICE\",\"market\":\"NO\","
                        + "\"registeredAt\":\"2026-11-20T14:59:00Z\",\"facts\":{\"category\":null}}"));
        assertRefused(400, "organisationId", http.send(API + "/devices/" + f.device, "PUT", "admin", pw("admin"),
                deviceBody(f, "organisationId", "3.5"), etag(API + "/devices/" + f.device)));
        assertRefused(400, "counters.monoA4", http.send(readings, "POST", "admin", pw("admin"),
                "{\"date\":\"2026-03-01\",\"counters\":{\"monoA4\":3.5,\"colourA4\":1,\"monoA3\":1,\"colourA3\":1,"
                        + "\"banner\":0,\"scans\":0}}"));
        assertRefused(400, "date", http.send(readings, "POST", "admin", pw("admin"),
                "{\"date\":-1,\"counters\":{\"monoA4\":1,\"colourA4\":1,\"monoA3\":1,\"colourA3\":1,"
                        + "\"banner\":0,\"scans\":0}}"));
        for (String bool : List.of("\"\"", "0", "1e30")) {
            assertRefused(400, "remotelyMonitored", http.send(API + "/devices/" + f.device, "PUT", "admin",
                    pw("admin"), deviceBody(f, "remotelyMonitored", bool), etag(API + "/devices/" + f.device)));
        }
        assertRefused(400, "prices.monthlyFee", http.send(API + "/vendors/canon/prices/NO/PLUS", "PUT", "admin",
                pw("admin"), "{\"prices\":{\"monthlyFee\":1e30}}", etag(API + "/vendors/canon/prices/NO/PLUS")));
        assertRefused(400, null, http.send(API + "/organisations/" + f.organisation, "PUT", "admin", pw("admin"),
                "{\"name\":\"T AS\",\"customerAccountNumber\":\"T\",\"systemAccountNumber\":\"TS\",\"market\":\"NO\"}"
                        + "{\"trailing\":true}", etag(API + "/organisations/" + f.organisation)));
        assertRefused(400, "from", http.get(API + "/markets/NO/calendar?from=0001-01-01&to=0001-01-05", "admin",
                pw("admin")));
        assertRefused(400, "registeredAt", http.send(API + "/response-deadline", "POST", "admin", pw("admin"),
                "{\"vendor\":\"canon\",\"packageCode\":\"STANDARD\",\"market\":\"NO\","
                        + "\"registeredAt\":\"9999-12-31T10:00:00Z\"}"));
        // contract PUT is a full replacement: a missing signed field is refused, not kept
        assertRefused(400, "vendor", http.send(API + "/contracts/" + f.contract, "PUT", "admin", pw("admin"),
                "{\"organisationId\":" + f.organisation + ",\"market\":\"NO\",\"packageCode\":\"STANDARD\","
                        + "\"start\":\"2026-01-01\"}", etag(API + "/contracts/" + f.contract)));
        // bodies over their cap: declared (Content-Length) and chunked; a batch stops at reading 5,001
        assertRefused(413, "body", http.send(API + "/organisations", "POST", "admin", pw("admin"),
                "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"));
        assertRefused(413, "body", http.send(readings, "POST", "admin", pw("admin"),
                HttpRequest.BodyPublishers.ofInputStream(() -> endless("[", " "))));
        String reading = "{\"date\":\"2026-01-01\",\"counters\":{\"monoA4\":1,\"colourA4\":1,\"monoA3\":1,"
                + "\"colourA3\":1,\"banner\":0,\"scans\":0}},";
        assertRefused(400, "readings", http.send(readings, "POST", "admin", pw("admin"),
                HttpRequest.BodyPublishers.ofInputStream(() -> endless("[", reading))));
        assertEquals("a refused request changes nothing", snapshot, snapshot(f));
        assertTrue(Files.readString(Paths.get(System.getProperty("karaf.etc"),
                "org.dealerhub.price-canon-NO-PLUS.cfg")).indexOf("E+30") < 0);

        // ISO-8601 forms integrators send
        for (String at : List.of("2026-11-20T15:59+01:00", "2026-11-20T14:59Z", "2026-11-20T14:59:00.000Z")) {
            Http.Reply quote = http.send(API + "/response-deadline", "POST", "admin", pw("admin"),
                    "{\"vendor\":\"canon\",\"packageCode\":\"STANDARD\",\"market\":\"NO\",\"registeredAt\":\"" + at
                            + "\"}");
            assertEquals(quote.body(), 200, quote.status());
            assertTrue(quote.body(), quote.body().contains("\"deadline\":\"2026-11-23T15:00:00Z\""));
        }
    }

    private static InputStream endless(String start, String repeated) {
        byte[] unit = repeated.getBytes(StandardCharsets.UTF_8);
        return new SequenceInputStream(new ByteArrayInputStream(start.getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    private long sent;
                    private int at;

                    @Override
                    public int read() {
                        if (sent++ > 50_000_000L) {
                            return -1;
                        }
                        byte b = unit[at];
                        at = (at + 1) % unit.length;
                        return b;
                    }
                });
    }

    // ---------------------------------------------------------------------------------------------------------
    // the OpenAPI-driven probe: valid bodies with one hostile field at a time

    @Test
    public void hostileInputOnEveryOperationIsRefusedCleanlyAndChangesNothing() throws Exception {
        long started = System.nanoTime();
        JsonNode doc = JSON.readTree(http.get(API + "/openapi.json", null, null).body());
        Fixture f = fixture();
        Tally tally = new Tally();
        int groups = 0;
        int checkedGroups = 0;
        String before = snapshot(f);
        for (Operation op : operations(doc)) {
            List<Request> requests = hostile(doc, op, f);
            for (List<Request> group : groupByField(requests)) {
                groups++;
                boolean accepted = false;
                for (Request r : group) {
                    Http.Reply reply = r.send(http, "admin");
                    accepted |= tally.record(r, reply) && !op.method.equals("GET");
                }
                String after = snapshot(f);
                if (!accepted) {
                    checkedGroups++;
                    assertEquals("refused requests changed data: " + group.get(0), before, after);
                }
                before = after;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Bad-input probe: " + tally + ", " + groups + " groups of one operation and field, "
                + checkedGroups + " of them all refused and checked for no change, " + seconds + " s");
        assertTrue("5xx answers: " + tally.serverErrors, tally.serverErrors.isEmpty());
        assertTrue("stack traces or echoed input: " + tally.leaks, tally.leaks.isEmpty());
        assertTrue("4xx without the error shape: " + tally.shapeless, tally.shapeless.isEmpty());
        assertTrue("too few requests: " + tally, tally.requests > 1000);
    }

    /** A hostile request, and the field it is about (for grouping). */
    private record Request(String method, String path, String body, String field) {
        Http.Reply send(Http http, String user) throws Exception {
            if (body == null) {
                return method.equals("GET") ? http.get(path, user, pw(user))
                        : http.send(path, method, user, pw(user), HttpRequest.BodyPublishers.noBody());
            }
            return http.send(path, method, user, pw(user), body);
        }

        @Override
        public String toString() {
            return method + " " + abbreviate(path) + " " + field + " " + (body == null ? "" : abbreviate(body));
        }
    }

    private record Operation(String method, String template, JsonNode node) {
        String schema() {
            String ref = node.path("requestBody").path("content").path("application/json").path("schema")
                    .path("$ref").asText("");
            return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
        }

        List<String> query() {
            List<String> names = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    names.add(p.path("name").asText());
                }
            });
            return names;
        }
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                op -> ops.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()))));
        return ops;
    }

    private static List<List<Request>> groupByField(List<Request> requests) {
        Map<String, List<Request>> groups = new LinkedHashMap<>();
        requests.forEach(r -> groups.computeIfAbsent(r.field(), k -> new ArrayList<>()).add(r));
        return new ArrayList<>(groups.values());
    }

    /** Every hostile variant of one operation: path ids, query values, body shapes and each body field. */
    private List<Request> hostile(JsonNode doc, Operation op, Fixture f) throws Exception {
        List<Request> out = new ArrayList<>();
        String path = API + resolve(op.template, f);
        String query = validQuery(op);
        String schema = op.schema();
        ObjectNode valid = schema == null ? null : validBody(schema, f, op);
        String body = valid == null ? null : JSON.writeValueAsString(valid);
        if (op.template.contains("{")) {
            for (String bad : List.of("-1", "0", "1.5", "abc", "99999999999999999999", "9223372036854775807",
                    "%20", "1e3", "x".repeat(3000))) {
                String badPath = API + op.template.replaceAll("\\{[^}]+}", bad);
                if (!op.method.equals("DELETE") || bad.length() > 0) {
                    out.add(new Request(op.method, badPath + query, body, "path"));
                }
            }
        }
        if (op.method.equals("DELETE")) {
            return out;
        }
        for (String q : op.query()) {
            for (String bad : List.of("", "0001-01-01", "9999-12-31", "2026-02-30", "-1", "x".repeat(5000),
                    "%00", "1e30", "2026-01-01T00:00:00Z")) {
                out.add(new Request(op.method, path + query.replace(q + "=" + validValue(q),
                        q + "=" + bad), body, "query." + q));
            }
        }
        if (schema == null) {
            return out;
        }
        for (String whole : List.of("null", "[]", "\"x\"", "42", "{", "", "{}", body + "x", body + " {}",
                body.substring(0, body.length() - 1) + ",\"unknownField\":1}", "[".repeat(5000),
                "{\"a\":".repeat(3000))) {
            out.add(new Request(op.method, path + query, whole, "body"));
        }
        fieldVariants(doc, doc.path("components").path("schemas").path(schema), valid, "", out, op, path + query, 0);
        return out;
    }

    private void fieldVariants(JsonNode doc, JsonNode schema, ObjectNode valid, String prefix, List<Request> out,
            Operation op, String path, int depth) throws Exception {
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> prop = props.next();
            String name = prop.getKey();
            JsonNode type = deref(doc, prop.getValue());
            for (JsonNode bad : badValues(type)) {
                ObjectNode copy = valid.deepCopy();
                copy.set(name, bad);
                out.add(new Request(op.method, path, JSON.writeValueAsString(root(valid, copy, prefix)),
                        prefix + name));
            }
            if (depth < 2 && type.has("properties") && valid.get(name) instanceof ObjectNode nested) {
                fieldVariants(doc, type, nested, prefix + name + ".", out, op, path, depth + 1);
            }
            JsonNode items = deref(doc, type.path("items"));
            if (depth < 2 && items.has("properties") && valid.get(name) instanceof ArrayNode array
                    && array.size() > 0 && array.get(0) instanceof ObjectNode first) {
                fieldVariants(doc, items, first, prefix + name + "[0].", out, op, path, depth + 1);
            }
        }
    }

    /** The valid body being varied: nested objects are found in it by identity. */
    private ObjectNode currentRoot;

    /** The whole body with one (possibly nested) object replaced by its changed copy. */
    private JsonNode root(ObjectNode original, ObjectNode changed, String prefix) {
        if (prefix.isEmpty()) {
            return changed;
        }
        ObjectNode rootCopy = currentRoot.deepCopy();
        replace(rootCopy, currentRoot, original, changed);
        return rootCopy;
    }

    private static boolean replace(JsonNode copy, JsonNode source, JsonNode target, JsonNode changed) {
        if (copy instanceof ObjectNode o) {
            Iterator<String> names = source.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (source.get(n) == target) {
                    o.set(n, changed);
                    return true;
                }
                if (replace(o.get(n), source.get(n), target, changed)) {
                    return true;
                }
            }
        } else if (copy instanceof ArrayNode a) {
            for (int i = 0; i < source.size(); i++) {
                if (source.get(i) == target) {
                    a.set(i, changed);
                    return true;
                }
                if (replace(a.get(i), source.get(i), target, changed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.isEmpty() ? node : doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/')
                + 1));
    }

    private static List<JsonNode> badValues(JsonNode type) throws Exception {
        String t = type.path("type").asText(type.has("properties") ? "object" : "");
        String format = type.path("format").asText("");
        String values = switch (t) {
            case "integer" -> "[3.5, \"3\", \"\", true, 1e30, 99999999999999999999, -1, null, {}, []]";
            case "number" -> "[\"1\", true, 1e30, -1, null, {}, 1e-30, \"\"]";
            case "boolean" -> "[\"\", 0, 1, 1e30, \"true\", null, {}, []]";
            case "array" -> "[\"x\", {}, [null], [3.5], 5, [[]]]";
            case "object" -> "[\"x\", 3, [], true, {\"unknownField\": 1}]";
            default -> switch (format) {
                case "date" -> "[-1, \"0001-01-01\", \"9999-12-31\", \"2026-13-40\", \"\", 20260101, {}]";
                case "date-time" -> "[-1, \"0001-01-01T00:00:00Z\", \"9999-12-31T00:00:00Z\", \"2026-04-01T14:00\","
                        + " \"\", 1775044800, []]";
                default -> "[5, true, 1e30, {}, [], \"" + "x".repeat(100_000) + "\", \"\\u0000\"]";
            };
        };
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(values).forEach(out::add);
        if (type.has("enum")) {
            out.add(NODES.textNode("NOT_A_VALUE"));
        }
        if (t.equals("integer") || t.equals("number")) {
            out.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
        }
        return out;
    }

    /** A valid body for a schema, aimed at the fixture. */
    private ObjectNode validBody(String schema, Fixture f, Operation op) throws Exception {
        long n = UNIQUE.incrementAndGet();
        String json = switch (schema) {
            case "OrganisationDraft" -> "{\"name\":\"Probe AS\",\"customerAccountNumber\":\"PRB-" + n
                    + "\",\"systemAccountNumber\":\"PRBS-" + n + "\",\"market\":\"NO\"}";
            case "DeviceDraft" -> deviceBody(f, null, null).replace("\"serialNumber\":\"" + f.serial + "\"",
                    op.method.equals("POST") ? "\"serialNumber\":\"PRB-SN-" + n + "\"" : "\"serialNumber\":\""
                            + f.serial + "\"");
            case "ContractDraft" -> "{\"organisationId\":" + f.organisation + ",\"vendor\":\"canon\",\"market\":\"NO\","
                    + "\"packageCode\":\"STANDARD\",\"start\":\"2026-01-01\",\"end\":\"2027-01-01\",\"deviceIds\":["
                    + f.device + "]}";
            case "MeterReadingResourceSubmission" -> "{\"readings\":[{\"date\":\"2026-01-01\",\"counters\":"
                    + "{\"monoA4\":1,\"colourA4\":1,\"monoA3\":1,\"colourA3\":1,\"banner\":0,\"scans\":0}}]}";
            case "TermsPublicationDraft" -> "{\"version\":\"2020-Q3\",\"effectiveFrom\":\""
                    + LocalDate.now().plusDays(40) + "\"}";
            case "PriceListChange" -> "{\"prices\":{\"monthlyFee\":820}}";
            case "DeadlineResourceQuote" -> "{\"vendor\":\"konica-minolta-no\",\"packageCode\":\"SERVICE\","
                    + "\"market\":\"NO\",\"registeredAt\":\"2026-11-20T14:59:00Z\",\"facts\":{\"category\":"
                    + "\"Driftsstans\",\"distanceKm\":\"12\"}}";
            case "DeviceTransfer" -> "{\"organisationId\":" + f.organisation + ",\"date\":\"2026-06-01\"}";
            case "ServiceOrderDraft" -> "{\"deviceId\":" + f.device + ",\"contractId\":" + f.contract
                    + ",\"kind\":\"REPAIR\",\"symptom\":\"paper jam\",\"meterReading\":1000,"
                    + "\"contactName\":\"Probe\",\"contactEmail\":\"probe@example.com\"}";
            case "ServiceOrderDetails" -> "{\"symptom\":\"paper jam\"}";
            case "BillingRunRequest" -> "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\",\"selection\":"
                    + "{\"kind\":\"CONTRACT\",\"value\":\"" + f.contract + "\"},\"dryRun\":true}";
            case "ContractResourceBillingTerms" -> "{\"billingTerms\":{\"billing\":\"prepaid\"}}";
            case "ServiceOrderHold" -> "{\"reason\":\"CUSTOMER_QUESTION\",\"note\":\"probe\"}";
            case "ServiceOrderResponse" -> "{\"how\":\"remote diagnostics\"}";
            case "ServiceOrderTransition" -> "{\"to\":\"IN_PROGRESS\",\"reason\":\"probe\"}";
            case "MonitoringEvent" -> "{\"deviceId\":" + f.device + ",\"at\":\"2026-06-02T10:00:00Z\","
                    + "\"errorCode\":\"E000-0001\",\"toner\":{\"black\":8},\"counters\":" + COUNTERS + "}";
            case "LoanDraft" -> "{\"loanDeviceId\":" + f.device + ",\"cause\":\"DEVICE\",\"swap\":"
                    + "{\"deviceCounters\":" + COUNTERS + ",\"loanCounters\":" + COUNTERS + "}}";
            case "LoanHandover" -> "{\"deviceCounters\":" + COUNTERS + ",\"loanCounters\":" + COUNTERS + "}";
            case "Resolution" -> "{\"kind\":\"REPAIR\",\"note\":\"probe\"}";
            case "OrderWorkDraft" -> "{\"kind\":\"LABOUR\",\"minutes\":30,\"cause\":\"DEVICE\","
                    + "\"note\":\"probe\"}";
            case "SoftwareSupportPriorityChange" -> "{\"priority\":\"HIGH\",\"reason\":\"probe\"}";
            case "SoftwareSupportAnalysis", "SoftwareSupportFixRelease" -> "{}";
            case "SoftwareSupportLink" -> "{\"knownErrorId\":1}";
            case "SoftwareSupportClosure" -> "{\"reason\":\"SYMPTOM_GONE\",\"note\":\"probe\"}";
            case "SoftwareSupportReopening" -> "{\"reason\":\"probe\"}";
            case "SoftwareSupportDispute" -> "{\"text\":\"probe\"}";
            case "SoftwareSupportKnownErrorDraft" -> "{\"title\":\"Probe " + n + "\",\"description\":\"probe\"}";
            case "SoftwareSupportContactDraft" -> "{\"name\":\"Probe\",\"email\":\"probe-" + n
                    + "@example.com\",\"phone\":\"+47 1234\",\"registrationEmails\":true}";
            case "OrderExtrasOrderDraft" -> "{\"code\":\"SHORTER_RESPONSE\",\"reactionHours\":1}";
            case "OrderExtrasPeriodDraft" -> "{\"code\":\"OUT_OF_HOURS\",\"serviceHours\":\"08:00-22:00\","
                    + "\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}";
            case "PortalUserDraft" -> "{\"userName\":\"probe-" + n + "\",\"email\":\"probe-" + n
                    + "@example.com\",\"role\":\"SELF_SERVICE\",\"deviceIds\":[]}";
            case "PortalUserChange" -> "{\"role\":\"SELF_SERVICE\",\"deviceIds\":[]}";
            case "PasswordResetResourceResetRequest" -> "{\"email\":\"nobody-" + n + "@example.com\"}";
            case "PasswordResetResourceNewPassword" -> "{\"password\":\"probe-password-" + n + "\"}";
            case "KnowledgeArticleDraft" -> "{\"title\":\"Probe " + n + "\",\"body\":\"probe\",\"language\":\"en\","
                    + "\"tags\":[\"probe\"]}";
            case "StockLocationDraft" -> "{\"name\":\"Probe " + n + "\",\"shippingInstructions\":\"probe\","
                    + "\"levels\":{\"toner-black\":1}}";
            case "MeterCorrectionDraft" -> "{\"date\":\"2026-01-01\",\"voidReading\":true,\"reason\":\"probe\"}";
            default -> throw new AssertionError("no valid body known for schema " + schema
                    + ": add one so the probe covers the new operation");
        };
        currentRoot = (ObjectNode) JSON.readTree(json);
        return currentRoot;
    }

    /** Counters for the probe's bodies: at the fixture's reading, so nothing goes back. */
    private static final String COUNTERS = "{\"monoA4\":100,\"colourA4\":100,\"monoA3\":0,\"colourA3\":0,"
            + "\"banner\":0,\"scans\":0}";

    private static String resolve(String template, Fixture f) {
        String vendor = template.contains("/terms") ? "konica-minolta-no" : "canon";
        String id = template.startsWith("/organisations") ? String.valueOf(f.organisation)
                : template.startsWith("/contracts") ? String.valueOf(f.contract) : String.valueOf(f.device);
        return template.replace("{id}", id).replace("{vendor}", vendor).replace("{market}", "NO")
                .replace("{package}", "PLUS").replace("{pauseId}", "1")
                .replace("{loanId}", "1")
                .replace("{organisationId}", String.valueOf(f.organisation)).replace("{userId}", "1")
                .replace("{token}", "probe-token").replace("{articleId}", "1");
    }

    /** The current ETag of a record, for a change that must be refused for its body, not for a missing If-Match. */
    private String etag(String path) throws Exception {
        Http.Reply reply = http.get(path, "admin", pw("admin"));
        assertEquals(reply.body(), 200, reply.status());
        return reply.etag();
    }

    private static String validValue(String query) {
        return switch (query) {
            case "from" -> "2026-12-20";
            case "to" -> "2027-01-05";
            case "state" -> "REGISTERED";
            case "breached" -> "false";
            case "offset" -> "0";
            case "limit" -> "50";
            case "device", "organisation", "contract", "run" -> "1";
            case "format" -> "json";
            case "date" -> "2026-01-31";
            default -> "NO";
        };
    }

    private static String validQuery(Operation op) {
        StringBuilder q = new StringBuilder();
        for (String name : op.query()) {
            q.append(q.length() == 0 ? "?" : "&").append(name).append('=').append(validValue(name));
        }
        return q.toString();
    }

    /** Counts answers and keeps every one that breaks a rule. */
    private static final class Tally {
        int requests;
        int clientErrors;
        int accepted;
        final List<String> serverErrors = new ArrayList<>();
        final List<String> leaks = new ArrayList<>();
        final List<String> shapeless = new ArrayList<>();

        /** @return whether the request was accepted (2xx) */
        boolean record(Object request, Http.Reply reply) {
            requests++;
            String body = reply.body() == null ? "" : reply.body();
            if (reply.status() >= 500) {
                serverErrors.add(reply.status() + " " + request + " -> " + abbreviate(body));
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains("at org.")
                    || body.contains("at java.") || body.contains("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")) {
                leaks.add(request + " -> " + abbreviate(body));
            }
            if (reply.status() >= 400 && reply.status() < 500) {
                clientErrors++;
                // 414: the web server (Jetty) refuses a request line over its limit before any application code
                // runs, in its own words; nothing of the request reaches Dealerhub
                if (reply.status() != 414 && !errorShape(body)) {
                    shapeless.add(reply.status() + " " + request + " -> " + abbreviate(body));
                }
            }
            boolean ok = reply.status() < 300;
            if (ok) {
                accepted++;
            }
            return ok;
        }

        @Override
        public String toString() {
            return requests + " requests, " + clientErrors + " answered 4xx, " + accepted + " accepted, "
                    + serverErrors.size() + " answered 5xx";
        }
    }

    private static boolean errorShape(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (!error.isObject() || !error.path("error").isTextual()) {
                return false;
            }
            Iterator<String> names = error.fieldNames();
            while (names.hasNext()) {
                if (!List.of("error", "field", "rule").contains(names.next())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the cross-tenant walker

    @Test
    public void noRoleEverSeesOrChangesAnotherOrganisationsData() throws Exception {
        JsonNode doc = JSON.readTree(http.get(API + "/openapi.json", null, null).body());
        Fixture mine = fixture();
        List<Operation> ops = operations(doc);
        String before = null;
        int tried = 0;
        int requests = 0;
        List<String> failures = new ArrayList<>();
        for (String user : USERS.keySet()) {
            JsonNode organisations = list("/organisations");
            JsonNode devices = list("/devices");
            JsonNode contracts = list("/contracts");
            boolean customer = !user.equals("admin") && !user.equals("staff");
            // a portal user belongs to the organisation of the customer user its name starts with
            String legacy = user.contains("-") ? user.substring(0, user.indexOf('-')) : user;
            JsonNode own = JSON.readTree(http.get(API + "/organisations", legacy, pw(legacy)).body());
            if (customer && before == null) {
                // dealers' writes above were allowed; from here on nothing may change
                before = fullSnapshot(list("/devices"));
            }
            if (customer) {
                assertEquals(legacy + " sees exactly its own organisation", 1, own.size());
            }
            long ownId = customer ? own.get(0).path("id").asLong() : mine.organisation;
            // what the user's role lets it see of its own organisation's devices (PORTAL-ROLE-2..4)
            List<Long> visible = new ArrayList<>();
            JSON.readTree(http.get(API + "/devices", user, pw(user)).body()).forEach(d -> visible.add(d.path("id")
                    .asLong()));
            List<String> markers = new ArrayList<>();
            List<Long> otherOrgs = new ArrayList<>();
            List<Long> otherDevices = new ArrayList<>();
            List<Long> otherContracts = new ArrayList<>();
            List<Long> otherOrganisationsDevices = new ArrayList<>();
            organisations.forEach(o -> {
                if (customer && o.path("id").asLong() != ownId) {
                    otherOrgs.add(o.path("id").asLong());
                    markers.add(quoted(o.path("customerAccountNumber").asText()));
                    markers.add(quoted(o.path("systemAccountNumber").asText()));
                    markers.add(quoted(o.path("name").asText()));
                }
            });
            devices.forEach(d -> {
                if (customer && d.path("organisationId").asLong() != ownId) {
                    otherOrganisationsDevices.add(d.path("id").asLong());
                }
                if (customer && !visible.contains(d.path("id").asLong())) {
                    otherDevices.add(d.path("id").asLong());
                    markers.add(quoted(d.path("serialNumber").asText()));
                }
            });
            contracts.forEach(c -> {
                if (customer && c.path("organisationId").asLong() != ownId) {
                    otherContracts.add(c.path("id").asLong());
                }
            });
            for (Operation op : ops) {
                tried++;
                boolean targeted = op.template.contains("{id}") || op.template.contains("{organisationId}");
                List<Long> targets = !targeted ? List.of(-1L)
                        : !customer ? List.of(op.method.equals("DELETE") ? 999_999_999L
                                : op.template.startsWith("/organisations") ? mine.organisation
                                : op.template.startsWith("/contracts") ? mine.contract : mine.device)
                        : op.template.startsWith("/organisations") ? otherOrgs
                        : op.template.startsWith("/contracts") ? otherContracts
                        // stock data is the organisation's (PORTAL-ROLE-3), not limited to the devices a role lists
                        : op.template.endsWith("/stock") || op.template.endsWith("/stock/changes")
                                ? otherOrganisationsDevices : otherDevices;
                // bodies aim at another organisation too
                Fixture aim = customer ? new Fixture(otherOrgs.get(0), otherDevices.get(0), otherContracts.get(0),
                        "WALK-SN") : mine;
                for (long target : targets.subList(0, Math.min(targets.size(), 6))) {
                    Fixture at = target < 0 ? aim : new Fixture(target, target, target, aim.serial);
                    String path = API + resolve(op.template, at) + validQuery(op);
                    String body = op.schema() == null ? null : JSON.writeValueAsString(validBody(op.schema(), aim, op));
                    Http.Reply reply = new Request(op.method, path, body, "walk").send(http, user);
                    requests++;
                    String what = user + " " + op.method + " " + path + " -> " + reply.status();
                    if (reply.status() >= 500) {
                        failures.add(what + " " + abbreviate(reply.body()));
                    }
                    for (String marker : markers) {
                        if (reply.body().contains(marker)) {
                            failures.add(what + " shows " + marker);
                        }
                    }
                    // a password-reset request is aimed at an e-mail address, not at an organisation
                    boolean write = !op.method.equals("GET") && !op.template.equals("/response-deadline")
                            && !op.template.endsWith("/preview") && !op.template.equals("/password-reset");
                    if (customer && targeted && reply.status() != 404) {
                        failures.add(what + ": another organisation's resource must answer 404");
                    } else if (customer && write && reply.status() < 400) {
                        failures.add(what + ": a customer's write aimed at another organisation was accepted");
                    }
                }
            }
        }
        assertEquals("the customers' walk changed data", before, fullSnapshot(list("/devices")));
        System.out.println("Cross-tenant walker: " + ops.size() + " operations x " + USERS.size() + " users = "
                + tried + " tried, "
                + requests + " requests, " + failures.size() + " failures");
        assertTrue(String.join("\n", failures), failures.isEmpty());
    }

    private String fullSnapshot(JsonNode devices) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/organisations", "/devices", "/contracts",
                "/vendors/konica-minolta-no/terms", "/vendors/canon/prices?market=NO")) {
            all.append(http.get(API + path, "admin", pw("admin")).body());
        }
        for (JsonNode d : devices) {
            all.append(http.get(API + "/devices/" + d.path("id").asLong() + "/meter-readings", "admin", pw("admin"))
                    .body());
        }
        return all.toString();
    }

    private JsonNode list(String path) throws Exception {
        return JSON.readTree(http.get(API + path, "admin", pw("admin")).body());
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    // ---------------------------------------------------------------------------------------------------------
    // shared

    /** An organisation of this test class with a device, a contract and one reading. */
    private record Fixture(long organisation, long device, long contract, String serial) {
    }

    private Fixture fixture() throws Exception {
        long n = UNIQUE.incrementAndGet();
        Http.Reply org = http.postJson(API + "/organisations", "admin", pw("admin"), "{\"name\":\"Fixture " + n
                + " AS\",\"customerAccountNumber\":\"FX-" + n + "\",\"systemAccountNumber\":\"FXS-" + n
                + "\",\"market\":\"NO\"}");
        assertEquals(org.body(), 201, org.status());
        long orgId = Http.number(org.body(), "id");
        String serial = "FX-SN-" + n;
        Http.Reply device = http.postJson(API + "/devices", "admin", pw("admin"), "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"model\":\"iR-ADV C3530\",\"format\":\"A3_COLOUR\",\"serialNumber\":\""
                + serial + "\",\"remotelyMonitored\":true}");
        assertEquals(device.body(), 201, device.status());
        long deviceId = Http.number(device.body(), "id");
        Http.Reply contract = http.postJson(API + "/contracts", "admin", pw("admin"), "{\"organisationId\":" + orgId
                + ",\"vendor\":\"canon\",\"market\":\"NO\",\"packageCode\":\"STANDARD\",\"start\":\"2026-01-01\","
                + "\"end\":\"2027-01-01\",\"deviceIds\":[" + deviceId + "]}");
        assertEquals(contract.body(), 201, contract.status());
        Http.Reply reading = http.postJson(API + "/devices/" + deviceId + "/meter-readings", "admin", pw("admin"),
                "{\"date\":\"2026-06-01\",\"counters\":{\"monoA4\":100,\"colourA4\":100,\"monoA3\":0,"
                        + "\"colourA3\":0,\"banner\":0,\"scans\":0}}");
        assertEquals(reading.body(), 201, reading.status());
        return new Fixture(orgId, deviceId, Http.number(contract.body(), "id"), serial);
    }

    private static String deviceBody(Fixture f, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organisationId", String.valueOf(f.organisation));
        fields.put("vendor", "\"canon\"");
        fields.put("model", "\"iR-ADV C3530\"");
        fields.put("format", "\"A3_COLOUR\"");
        fields.put("serialNumber", "\"" + f.serial + "\"");
        fields.put("remotelyMonitored", "true");
        if (field != null) {
            fields.put(field, value);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() == 1 ? "" : ",").append('"').append(k).append("\":")
                .append(v));
        return json.append('}').toString();
    }

    /** What a refusal of a fixture's data would show: its lists, its readings, the prices and terms. */
    private String snapshot(Fixture f) throws Exception {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/organisations", "/devices", "/contracts",
                "/devices/" + f.device + "/meter-readings", "/vendors/konica-minolta-no/terms",
                "/vendors/canon/prices/NO/PLUS")) {
            all.append(http.get(API + path, "admin", pw("admin")).body());
        }
        return all.toString();
    }

    private static void assertRefused(int status, String field, Http.Reply reply) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.body(), errorShape(reply.body()));
        try {
            JsonNode error = JSON.readTree(reply.body());
            assertEquals(reply.body(), field, error.has("field") ? error.path("field").asText() : null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertFalse(reply.body(), reply.body().length() > 500);
    }

    private static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        for (String user : List.of("admin", "staff", "fjordvik", "oresund")) {
            users.put(user, user + "-demo");
        }
        for (String customer : CUSTOMERS) {
            PORTAL_ROLES.forEach(role -> users.put(customer + "-" + role, customer + "-" + role + "-demo"));
        }
        return users;
    }

    private static String pw(String user) {
        return USERS.get(user);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw(user)).getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
