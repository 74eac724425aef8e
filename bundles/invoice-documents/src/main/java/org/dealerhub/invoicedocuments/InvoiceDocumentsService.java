package org.dealerhub.invoicedocuments;

import java.time.LocalDate;
import java.util.Locale;

import org.dealerhub.api.Invoice;
import org.dealerhub.api.InvoiceDocuments;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Invoices as PDF and PEPPOL BIS 3 UBL (issue 10, Outputs); the due date is the issue date plus the payment days. */
@Component(configurationPid = "org.dealerhub.invoicedocuments")
@Designate(ocd = InvoiceDocumentsService.Config.class)
public class InvoiceDocumentsService implements InvoiceDocuments {

    @ObjectClassDefinition(name = "Dealerhub invoice documents", description = "PDF and UBL of invoices")
    public @interface Config {
        @AttributeDefinition(description = "Days from the invoice date to its due date", min = "0")
        int paymentDays() default 14;
    }

    private volatile int paymentDays;

    @Activate
    public InvoiceDocumentsService(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        paymentDays = config.paymentDays();
    }

    @Override
    public byte[] pdf(Invoice invoice, Locale locale) {
        return InvoicePdf.write(invoice, due(invoice), locale);
    }

    @Override
    public byte[] ubl(Invoice invoice) {
        return InvoiceUbl.write(invoice, due(invoice));
    }

    private LocalDate due(Invoice invoice) {
        return invoice.issued().plusDays(paymentDays);
    }
}
