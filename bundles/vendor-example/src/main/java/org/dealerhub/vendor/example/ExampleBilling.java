package org.dealerhub.vendor.example;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * The README's example of a billing policy: the operator's {@code monthlyFee} for every calendar month from the
 * contract's start to the end of the period billed, each under its own key {@code fee/YYYY-MM}. A pure function of
 * the contract's history: the core bills only what was not billed before under a key.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + ExampleVendor.ID)
public class ExampleBilling implements BillingPolicy {

    static final String RULE = "EXAMPLE-FEE";

    @Override
    public String vendorId() {
        return ExampleVendor.ID;
    }

    @Override
    public BillingResult bill(BillingContext c) {
        List<Charge> charges = new ArrayList<>();
        BigDecimal fee = c.price("monthlyFee").orElse(null);
        YearMonth last = YearMonth.from(c.contract().end() == null || c.contract().end().isAfter(c.periodEnd())
                ? c.periodEnd() : c.contract().end());
        for (YearMonth m = YearMonth.from(c.contract().start()); fee != null && !m.isAfter(last); m = m.plusMonths(1)) {
            charges.add(new Charge("fee/" + m, "Basic service, monthly fee " + m, null, "monthlyFee", m.atDay(1),
                    m.atEndOfMonth(), BigDecimal.ONE, fee, RULE));
        }
        return BillingResult.of(charges, List.of());
    }
}
