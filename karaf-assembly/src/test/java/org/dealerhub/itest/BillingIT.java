package org.dealerhub.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * A billing run over real HTTP on data it creates (issue 10): the example vendor's billing policy deployed through
 * deploy/, its operator prices from etc/ (250 NOK a month), a contract billed for a quarter, the same run again
 * creating nothing, the invoice as JSON with each line explained and as CSV, and a customer kept out.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BillingIT {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PW = "admin-demo";

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Test
    public void aRunBillsOnceExplainsItselfAndExportsCsv() throws Exception {
        Http http = new Http(Integer.getInteger(Distribution.HTTP_PORT));
        http.awaitReady(Duration.ofSeconds(90));
        Path deployed = Paths.get(System.getProperty("karaf.base"), "deploy", "example-vendor.jar");
        Files.copy(Paths.get(System.getProperty(Distribution.VENDOR_JAR)), deployed,
                StandardCopyOption.REPLACE_EXISTING);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.get("/api/v1/vendors/example-printers", ADMIN, ADMIN_PW).status() != 200) {
            assertTrue("the example vendor never appeared", System.nanoTime() < until);
            Thread.sleep(200);
        }
        Http.Reply org = http.postJson("/api/v1/organisations", ADMIN, ADMIN_PW, "{\"name\":\"Billing IT AS\","
                + "\"customerAccountNumber\":\"BILL-IT\",\"systemAccountNumber\":\"BILL-IT-S\",\"market\":\"NO\"}");
        assertEquals(org.body(), 201, org.status());
        long orgId = Http.number(org.body(), "id");
        Http.Reply contract = http.postJson("/api/v1/contracts", ADMIN, ADMIN_PW, "{\"organisationId\":" + orgId
                + ",\"vendor\":\"example-printers\",\"market\":\"NO\",\"packageCode\":\"BASIC\","
                + "\"start\":\"2026-01-01\",\"deviceIds\":[]}");
        assertEquals(contract.body(), 201, contract.status());
        long contractId = Http.number(contract.body(), "id");
        String run = "{\"from\":\"2026-01-01\",\"to\":\"2026-03-31\",\"selection\":{\"kind\":\"ORGANISATION\","
                + "\"value\":\"" + orgId + "\"}}";

        // a customer starts no run, and a dry run writes nothing
        assertEquals(403, http.postJson("/api/v1/billing/runs", "fjordvik", "fjordvik-demo", run).status());
        Http.Reply dry = http.postJson("/api/v1/billing/runs", ADMIN, ADMIN_PW, run.replace("}}",
                "},\"dryRun\":true}"));
        assertEquals(dry.body(), 200, dry.status());
        assertTrue(dry.body(), dry.body().contains("\"invoiced\":1"));
        assertEquals("[]", http.get("/api/v1/invoices?contract=" + contractId, ADMIN, ADMIN_PW).body());

        // three months at 250.00: net 750.00, VAT 25 % 187.50, gross 937.50
        Http.Reply first = http.postJson("/api/v1/billing/runs", ADMIN, ADMIN_PW, run);
        System.out.println("Billing run over REST: " + first.body());
        assertEquals(first.body(), 201, first.status());
        assertTrue(first.body(), first.body().contains("\"invoiced\":1"));
        assertTrue(first.body(), first.body().contains("\"gross\":937.50"));
        long runId = Http.number(first.body(), "id");

        Http.Reply again = http.postJson("/api/v1/billing/runs", ADMIN, ADMIN_PW, run);
        assertEquals(again.body(), 201, again.status());
        assertTrue(again.body(), again.body().contains("\"invoiced\":0") && again.body().contains("\"unchanged\":1"));

        Http.Reply invoices = http.get("/api/v1/invoices?contract=" + contractId, ADMIN, ADMIN_PW);
        assertEquals(invoices.body(), 200, invoices.status());
        assertEquals("the same run again created nothing", 1, invoices.body().split("\"runId\"").length - 1);
        long invoiceId = Http.number(invoices.body(), "id");
        Http.Reply json = http.get("/api/v1/invoices/" + invoiceId, ADMIN, ADMIN_PW);
        assertEquals(json.body(), 200, json.status());
        assertTrue(json.body(), json.body().contains("\"runId\":" + runId));
        assertTrue(json.body(), json.body().contains("\"net\":750.00") && json.body().contains("\"vat\":187.50"));
        assertTrue(json.body(), json.body().contains("Basic service, monthly fee 2026-02 for 2026-02-01 to"
                + " 2026-02-28: 1 × 250 = 250.00 (rule EXAMPLE-FEE)"));
        assertTrue(json.body(), json.body().contains("\"buyer\":{\"name\":\"Billing IT AS\",\"account\":\"BILL-IT\"}"));

        Http.Reply csv = http.get("/api/v1/invoices/" + invoiceId, ADMIN, ADMIN_PW, "text/csv");
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        System.out.println("Invoice as CSV:\n" + csv.body());
        assertEquals(4, rows.size());
        assertTrue(rows.get(0), rows.get(0).startsWith("invoice,number,issued,seller"));
        assertTrue(rows.get(1), rows.get(1).contains(",fee/2026-01,") && rows.get(1).contains(",250.00,0.00,250.00,"
                + "EXAMPLE-FEE,"));

        // the PDF a customer reads (PDFBox reads it back) and the PEPPOL BIS 3 UBL (parsed, its sums checked)
        byte[] pdf = http.bytes("/api/v1/invoices/" + invoiceId, ADMIN, ADMIN_PW, "application/pdf", "nb-NO");
        assertTrue("no PDF", pdf != null && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[\\s\u00a0\u202f]+", " ");
            System.out.println("Invoice as PDF text:\n" + text);
            assertTrue(text, text.contains("Faktura") && text.contains("Billing IT AS")
                    && text.contains("Kundenummer: BILL-IT") && text.contains("(rule EXAMPLE-FEE)")
                    && text.contains("Sum eks. mva. 750,00") && text.contains("Sum inkl. mva. 937,50"));
        }
        Http.Reply ubl = http.get("/api/v1/invoices/" + invoiceId, ADMIN, ADMIN_PW, "application/xml");
        assertEquals(ubl.body(), 200, ubl.status());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(ubl.body())));
        XPath path = XPathFactory.newInstance().newXPath();
        assertEquals("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
                path.evaluate("/Invoice/CustomizationID", xml));
        assertEquals("380", path.evaluate("/Invoice/InvoiceTypeCode", xml));
        assertEquals("750.00", path.evaluate("/Invoice/LegalMonetaryTotal/TaxExclusiveAmount", xml));
        assertEquals("937.50", path.evaluate("/Invoice/LegalMonetaryTotal/TaxInclusiveAmount", xml));
        assertEquals("750", path.evaluate("sum(/Invoice/InvoiceLine/LineExtensionAmount)", xml));
        assertEquals(null, http.bytes("/api/v1/invoices/" + invoiceId, "fjordvik", "fjordvik-demo",
                "application/pdf", "nb-NO"));
        assertEquals(404, http.get("/api/v1/invoices/" + invoiceId, "fjordvik", "fjordvik-demo", "application/xml")
                .status());

        // the customer of another organisation sees neither the invoice nor it in a list
        assertEquals(404, http.get("/api/v1/invoices/" + invoiceId, "fjordvik", "fjordvik-demo").status());
        assertEquals(404, http.get("/api/v1/invoices/" + invoiceId, "fjordvik", "fjordvik-demo", "text/csv")
                .status());
        assertTrue(!http.get("/api/v1/invoices", "fjordvik", "fjordvik-demo").body().contains("BILL-IT"));

        // the run is recorded, and the preview of the next month bills one more fee
        Http.Reply recorded = http.get("/api/v1/billing/runs/" + runId, ADMIN, ADMIN_PW);
        assertTrue(recorded.body(), recorded.body().contains("\"startedBy\":\"admin\"")
                && recorded.body().contains("\"finishedAt\""));
        Http.Reply preview = http.get("/api/v1/contracts/" + contractId + "/invoice-preview?date=2026-04-30", ADMIN,
                ADMIN_PW);
        assertEquals(preview.body(), 200, preview.status());
        assertTrue(preview.body(), preview.body().contains("\"status\":\"INVOICED\"")
                && preview.body().contains("\"net\":250.00"));

        // the running bill: staff see any contract's, a customer its own organisation's, another's answers 404
        Http.Reply running = http.get("/api/v1/contracts/" + contractId + "/running-bill", "staff", "staff-demo");
        assertEquals(running.body(), 200, running.status());
        assertTrue(running.body(), running.body().contains("\"contractId\":" + contractId)
                && running.body().contains("\"invoice\":{") && running.body().contains("\"allowances\":[]"));
        long own = Http.number(http.postJson("/api/v1/contracts", ADMIN, ADMIN_PW, "{\"organisationId\":1,"
                + "\"vendor\":\"example-printers\",\"market\":\"NO\",\"packageCode\":\"BASIC\","
                + "\"start\":\"2026-01-01\",\"deviceIds\":[]}").body(), "id");
        Http.Reply mine = http.get("/api/v1/contracts/" + own + "/running-bill", "fjordvik", "fjordvik-demo");
        assertEquals(mine.body(), 200, mine.status());
        assertTrue(mine.body(), mine.body().contains("\"organisationId\":1"));
        Http.Reply theirs = http.get("/api/v1/contracts/" + contractId + "/running-bill", "fjordvik",
                "fjordvik-demo");
        assertEquals(theirs.body(), 404, theirs.status());
        assertTrue(theirs.body(), theirs.body().contains("\"error\""));
        Http.Reply alerts = http.get("/api/v1/billing/alerts?limit=10", "staff", "staff-demo");
        assertEquals(alerts.body(), 200, alerts.status());
        assertTrue(alerts.body(), alerts.body().contains("\"contracts\":["));
        assertEquals(403, http.get("/api/v1/billing/alerts", "fjordvik", "fjordvik-demo").status());
        Files.delete(deployed);
    }
}
