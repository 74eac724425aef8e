package org.dealerhub.invoicedocuments;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dealerhub.api.Invoice;

/**
 * An invoice as PEPPOL BIS Billing 3.0 / EHF UBL 2.1 XML, written with the JDK's StAX writer in the UBL 2.1 element
 * order (the tests validate it against the UBL 2.1 schemas). A negative total makes a {@code CreditNote} (381)
 * whose amounts are the invoice's negated, so a credit note's total is positive as BIS 3 wants.
 * <p>
 * A line whose amount is its quantity × unit price is written so; an adjustment line (or one whose price would be
 * negative) as quantity ±1 at the absolute amount, so that LineExtensionAmount = quantity × price always holds
 * (PEPPOL-EN16931-R120); the explanation with its rule is the item's description.
 */
final class InvoiceUbl {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    /** The PEPPOL electronic address scheme of an organisation number per market (ISO 6523 ICD). */
    private static final Map<String, String> ENDPOINT_SCHEME = Map.of("NO", "0192", "DK", "0184");

    private final Invoice invoice;
    private final LocalDate due;
    private final boolean credit;
    private final int digits;
    private XMLStreamWriter x;

    private InvoiceUbl(Invoice invoice, LocalDate due) {
        this.invoice = invoice;
        this.due = due;
        this.credit = invoice.gross().signum() < 0;
        this.digits = invoice.currency().getDefaultFractionDigits();
    }

    static byte[] write(Invoice invoice, LocalDate due) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            InvoiceUbl ubl = new InvoiceUbl(invoice, due);
            ubl.x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            ubl.document();
            ubl.x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("invoice " + invoice.id() + " as UBL: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void document() throws XMLStreamException {
        String root = credit ? "CreditNote" : "Invoice";
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("", root, credit ? CREDIT_NOTE : INVOICE);
        x.writeDefaultNamespace(credit ? CREDIT_NOTE : INVOICE);
        x.writeNamespace("cac", CAC);
        x.writeNamespace("cbc", CBC);
        cbc("CustomizationID", CUSTOMIZATION);
        cbc("ProfileID", PROFILE);
        cbc("ID", invoice.number());
        cbc("IssueDate", invoice.issued().toString());
        if (!credit) {
            cbc("DueDate", due.toString()); // a credit note has no due date in UBL 2.1 (it is paid out, not due)
        }
        cbc(credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
        cbc("Note", "Contract " + invoice.contractId() + ", " + invoice.vendor() + ", period " + invoice.periodFrom()
                + " to " + invoice.periodTo());
        cbc("DocumentCurrencyCode", invoice.currency().getCurrencyCode());
        cbc("BuyerReference", invoice.buyer().account()); // BT-10: the customer's account number
        start("cac", "InvoicePeriod");
        cbc("StartDate", invoice.periodFrom().toString());
        cbc("EndDate", invoice.periodTo().toString());
        end();
        party("AccountingSupplierParty", invoice.seller(), true);
        party("AccountingCustomerParty", invoice.buyer(), false);
        if (credit) {
            start("cac", "PaymentMeans");
            cbc("PaymentMeansCode", "30"); // credit transfer
            end();
        } else {
            start("cac", "PaymentMeans");
            cbc("PaymentMeansCode", "30");
            cbc("PaymentDueDate", due.toString());
            end();
        }
        taxTotal();
        start("cac", "LegalMonetaryTotal");
        amount("LineExtensionAmount", signed(invoice.net()));
        amount("TaxExclusiveAmount", signed(invoice.net()));
        amount("TaxInclusiveAmount", signed(invoice.gross()));
        amount("PayableAmount", signed(invoice.gross()));
        end();
        for (Invoice.Line line : invoice.lines()) {
            line(line);
        }
        x.writeEndElement();
        x.writeEndDocument();
    }

    private void party(String role, Invoice.Party party, boolean seller) throws XMLStreamException {
        start("cac", role);
        start("cac", "Party");
        String scheme = ENDPOINT_SCHEME.get(invoice.market());
        if (seller) {
            x.writeStartElement("cbc", "EndpointID", CBC);
            if (scheme != null) {
                x.writeAttribute("schemeID", scheme);
            }
            x.writeCharacters(party.account());
            x.writeEndElement();
        }
        start("cac", "PartyIdentification");
        cbc("ID", party.account());
        end();
        start("cac", "PartyName");
        cbc("Name", party.name());
        end();
        start("cac", "PostalAddress");
        start("cac", "Country");
        cbc("IdentificationCode", invoice.market());
        end();
        end();
        if (seller) {
            start("cac", "PartyTaxScheme");
            cbc("CompanyID", invoice.market() + party.account() + ("NO".equals(invoice.market()) ? "MVA" : ""));
            taxScheme();
            end();
        }
        start("cac", "PartyLegalEntity");
        cbc("RegistrationName", party.name());
        if (seller) {
            cbc("CompanyID", party.account());
        }
        end();
        end();
        end();
    }

    /** One VAT category for the whole invoice: the market's rate on every line (KMNO-PRICE-1). */
    private void taxTotal() throws XMLStreamException {
        start("cac", "TaxTotal");
        amount("TaxAmount", signed(invoice.vat()));
        start("cac", "TaxSubtotal");
        amount("TaxableAmount", signed(invoice.net()));
        amount("TaxAmount", signed(invoice.vat()));
        taxCategory("TaxCategory");
        end();
        end();
    }

    private void taxCategory(String element) throws XMLStreamException {
        start("cac", element);
        cbc("ID", invoice.vatRate().signum() == 0 ? "Z" : "S");
        cbc("Percent", invoice.vatRate().stripTrailingZeros().toPlainString());
        taxScheme();
        end();
    }

    private void taxScheme() throws XMLStreamException {
        start("cac", "TaxScheme");
        cbc("ID", "VAT");
        end();
    }

    private void line(Invoice.Line line) throws XMLStreamException {
        BigDecimal amount = signed(line.amount());
        BigDecimal quantity = line.quantity();
        BigDecimal price = line.unitPrice();
        boolean exact = !line.adjustment() && price.signum() >= 0
                && quantity.multiply(price).setScale(digits, RoundingMode.HALF_UP).compareTo(line.amount()) == 0;
        if (credit || !exact) {
            quantity = exact ? quantity.negate() : BigDecimal.valueOf(amount.signum() < 0 ? -1 : 1);
            price = exact ? price : amount.abs();
        }
        start("cac", credit ? "CreditNoteLine" : "InvoiceLine");
        cbc("ID", Integer.toString(line.number()));
        x.writeStartElement("cbc", credit ? "CreditedQuantity" : "InvoicedQuantity", CBC);
        x.writeAttribute("unitCode", "C62");
        x.writeCharacters(quantity.stripTrailingZeros().toPlainString());
        x.writeEndElement();
        amount("LineExtensionAmount", amount);
        start("cac", "InvoicePeriod");
        cbc("StartDate", line.from().toString());
        cbc("EndDate", line.to().toString());
        end();
        start("cac", "Item");
        cbc("Description", line.explanation());
        cbc("Name", line.item());
        start("cac", "SellersItemIdentification");
        cbc("ID", line.rule());
        end();
        taxCategory("ClassifiedTaxCategory");
        end();
        start("cac", "Price");
        x.writeStartElement("cbc", "PriceAmount", CBC);
        x.writeAttribute("currencyID", invoice.currency().getCurrencyCode());
        x.writeCharacters(price.stripTrailingZeros().scale() < digits ? price.setScale(digits).toPlainString()
                : price.stripTrailingZeros().toPlainString());
        x.writeEndElement();
        end();
        end();
    }

    private BigDecimal signed(BigDecimal amount) {
        return credit ? amount.negate() : amount;
    }

    private void amount(String element, BigDecimal value) throws XMLStreamException {
        x.writeStartElement("cbc", element, CBC);
        x.writeAttribute("currencyID", invoice.currency().getCurrencyCode());
        x.writeCharacters(value.setScale(digits, RoundingMode.HALF_UP).toPlainString());
        x.writeEndElement();
    }

    private void start(String prefix, String element) throws XMLStreamException {
        x.writeStartElement(prefix, element, CAC);
    }

    private void end() throws XMLStreamException {
        x.writeEndElement();
    }

    private void cbc(String element, String value) throws XMLStreamException {
        x.writeStartElement("cbc", element, CBC);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
