package org.dealerhub.invoicedocuments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.dealerhub.api.Invoice;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The UBL against the UBL 2.1 schemas (as ph-ubl21 ships them), and its sums. */
class InvoiceUblTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 13);

    private static Document validated(byte[] xml, String schema) throws Exception {
        // UBL imports the core component types and the signature schemas by namespace only: they go first
        Source[] schemas = Stream.of("/schemas/CCTS_CCT_SchemaModule.xsd", "/schemas/xmldsig-core-schema.xsd",
                "/schemas/XAdES01903v132-201601.xsd", "/schemas/XAdES01903v141-201601.xsd",
                "/external/schemas/ubl21/maindoc/" + schema)
                .map(s -> new StreamSource(InvoiceUblTest.class.getResource(s).toString())).toArray(Source[]::new);
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schemas).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)); // no namespaces: plain paths
    }

    private static String at(Document d, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, d);
    }

    private static BigDecimal sum(Document d, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, d, XPathConstants.NODESET);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < nodes.getLength(); i++) {
            sum = sum.add(new BigDecimal(nodes.item(i).getTextContent()));
        }
        return sum;
    }

    @Test
    void anInvoiceIsValidUbl21WithTheBis3ElementsAndConsistentSums() throws Exception {
        Document d = validated(InvoiceUbl.write(Invoices.norwegian(), DUE), "UBL-Invoice-2.1.xsd");
        assertEquals(InvoiceUbl.CUSTOMIZATION, at(d, "/Invoice/CustomizationID"));
        assertEquals(InvoiceUbl.PROFILE, at(d, "/Invoice/ProfileID"));
        assertEquals("INV-00004711", at(d, "/Invoice/ID"));
        assertEquals("2026-11-29", at(d, "/Invoice/IssueDate"));
        assertEquals("2026-12-13", at(d, "/Invoice/DueDate"));
        assertEquals("380", at(d, "/Invoice/InvoiceTypeCode"));
        assertEquals("NOK", at(d, "/Invoice/DocumentCurrencyCode"));
        assertEquals("987654321", at(d, "/Invoice/AccountingSupplierParty/Party/EndpointID"));
        assertEquals("0192", at(d, "/Invoice/AccountingSupplierParty/Party/EndpointID/@schemeID"));
        assertEquals("Fjordvik Eiendom AS",
                at(d, "/Invoice/AccountingCustomerParty/Party/PartyLegalEntity/RegistrationName"));
        assertEquals("S", at(d, "/Invoice/TaxTotal/TaxSubtotal/TaxCategory/ID"));
        assertEquals("25", at(d, "/Invoice/TaxTotal/TaxSubtotal/TaxCategory/Percent"));
        assertEquals("3", at(d, "count(/Invoice/InvoiceLine)"));
        assertEquals("Fargeklikk A4", at(d, "/Invoice/InvoiceLine[2]/Item/Name"));
        assertEquals("0.40", at(d, "/Invoice/InvoiceLine[2]/Price/PriceAmount"));
        assertEquals("CANON-VOL-3", at(d, "/Invoice/InvoiceLine[2]/Item/SellersItemIdentification/ID"));
        // the adjustment line: -20.00 as -1 × 20.00
        assertEquals("-1", at(d, "/Invoice/InvoiceLine[3]/InvoicedQuantity"));
        assertEquals("-20.00", at(d, "/Invoice/InvoiceLine[3]/LineExtensionAmount"));
        sums(d, "Invoice", "InvoiceLine", "InvoicedQuantity", "2843.60", "710.90");
    }

    @Test
    void aNegativeTotalIsACreditNoteWithPositiveTotals() throws Exception {
        Document d = validated(InvoiceUbl.write(Invoices.credit(), DUE), "UBL-CreditNote-2.1.xsd");
        assertEquals("381", at(d, "/CreditNote/CreditNoteTypeCode"));
        assertEquals("INV-00004712", at(d, "/CreditNote/ID"));
        sums(d, "CreditNote", "CreditNoteLine", "CreditedQuantity", "400.00", "100.00");
    }

    @Test
    void aHryvniaInvoiceIsValidToo() throws Exception {
        Document d = validated(InvoiceUbl.write(Invoices.ukrainian(), DUE), "UBL-Invoice-2.1.xsd");
        assertEquals("UAH", at(d, "/Invoice/LegalMonetaryTotal/PayableAmount/@currencyID"));
        sums(d, "Invoice", "InvoiceLine", "InvoicedQuantity", "3000.00", "600.00");
    }

    /** Lines add up to LineExtensionAmount; inclusive = exclusive + tax; each line is quantity × price. */
    private static void sums(Document d, String root, String line, String quantity, String net, String vat)
            throws Exception {
        String total = "/" + root + "/LegalMonetaryTotal/";
        BigDecimal lines = sum(d, "/" + root + "/" + line + "/LineExtensionAmount");
        assertEquals(new BigDecimal(net), lines);
        assertEquals(lines, new BigDecimal(at(d, total + "LineExtensionAmount")));
        assertEquals(lines, new BigDecimal(at(d, total + "TaxExclusiveAmount")));
        assertEquals(new BigDecimal(vat), new BigDecimal(at(d, "/" + root + "/TaxTotal/TaxAmount")));
        assertEquals(new BigDecimal(at(d, total + "TaxExclusiveAmount")).add(new BigDecimal(vat)),
                new BigDecimal(at(d, total + "TaxInclusiveAmount")));
        assertEquals(new BigDecimal(at(d, total + "TaxInclusiveAmount")), new BigDecimal(at(d, total + "PayableAmount")));
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList items = (NodeList) x.evaluate("/" + root + "/" + line, d, XPathConstants.NODESET);
        for (int i = 1; i <= items.getLength(); i++) {
            String l = "/" + root + "/" + line + "[" + i + "]/";
            assertEquals(new BigDecimal(at(d, l + "LineExtensionAmount")),
                    new BigDecimal(at(d, l + quantity)).multiply(new BigDecimal(at(d, l + "Price/PriceAmount")))
                            .setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }
}
