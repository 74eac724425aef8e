package org.dealerhub.api.spi;

import java.util.List;

/** From a contract's terms, readings and a period to invoice lines. A pure function. */
public interface BillingPolicy {

    String vendorId();

    List<InvoiceLine> invoiceLines(BillingContext context);
}
