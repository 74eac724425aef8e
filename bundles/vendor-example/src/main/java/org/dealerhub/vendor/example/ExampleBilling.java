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
        YearMonth last = YearMonth.from(c.contract().end() == null || c.contract().end().isAfter(c.periodEnd())
                ? c.periodEnd() : c.contract().end());
        for (YearMonth m = YearMonth.from(c.contract().start()); !m.isAfter(last); m = m.plusMonths(1)) {
            YearMonth month = m;
            // BILL-PRICE-1: each month at the fee in force on its first day
            c.price("monthlyFee", m.atDay(1)).ifPresent(fee -> charges.add(new Charge("fee/" + month,
                    "Basic service, monthly fee " + month, null, "monthlyFee", month.atDay(1), month.atEndOfMonth(),
                    BigDecimal.ONE, fee, RULE)));
        }
        return BillingResult.of(charges, List.of());
    }
}
