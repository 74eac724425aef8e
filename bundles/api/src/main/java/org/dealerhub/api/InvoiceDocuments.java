package org.dealerhub.api;

import java.util.Locale;

/**
 * An invoice as documents (issue 10, Outputs): a PDF a customer reads and the UBL XML of Norwegian e-invoicing.
 * Pure functions of the invoice: nothing is stored, the same invoice gives the same document.
 */
public interface InvoiceDocuments {

    /** The invoice as a PDF, its dates, money and headings in the locale's language and format. */
    byte[] pdf(Invoice invoice, Locale locale);

    /**
     * The invoice as PEPPOL BIS Billing 3.0 / EHF UBL 2.1 XML: an {@code Invoice} (type code 380), or a
     * {@code CreditNote} (381) when its total including VAT is negative.
     */
    byte[] ubl(Invoice invoice);
}
