package org.dealerhub.vendor.printernorge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.BillingResult.Notice;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Printer Norge's billing (source 002): faults of the printer are covered by the operating agreement (PN-FAULT-1);
 * work the agreement does not cover (third-party faults PN-FAULT-2, user errors PN-FAULT-3, also by phone or remote
 * support) is billed at the service rate in 15-minute steps, a started step counting whole (PN-BILL-1).
 *
 * <p>Terms: none. Prices: {@code serviceRate} (per hour). Work: kind {@code labour} with {@code covered=false},
 * quantity in minutes; each piece of work is rounded up to whole steps on its own, and one order's steps of a day
 * make one line.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + PrinterNorgeVendor.ID)
public class PrinterNorgeBillingPolicy implements BillingPolicy {

    /** PN-BILL-1: "ned til 15 minutter". */
    static final BigDecimal STEP_MINUTES = BigDecimal.valueOf(15);
    static final BigDecimal STEP_HOURS = new BigDecimal("0.25");

    @Override
    public String vendorId() {
        return PrinterNorgeVendor.ID;
    }

    @Override
    public BillingResult bill(BillingContext context) {
        Map<String, List<Work>> groups = new TreeMap<>();
        for (Work w : context.work()) {
            if (!w.covered() && w.kind().equals("labour") && !w.date().isAfter(context.periodEnd())) {
                groups.computeIfAbsent("work/" + w.orderNumber() + "/labour/" + w.date(), k -> new ArrayList<>())
                        .add(w);
            }
        }
        if (groups.isEmpty()) {
            return BillingResult.of(List.of(), List.of());
        }
        if (groups.values().stream().anyMatch(l -> context.price("serviceRate", l.get(0).date()).isEmpty())) {
            return BillingResult.of(List.of(), List.of(new Notice(null,
                    "Price serviceRate is not set: uncovered work is left out until it is", "PN-BILL-1")));
        }
        List<Charge> charges = new ArrayList<>();
        groups.forEach((key, list) -> {
            Work w = list.get(0);
            BigDecimal rate = context.price("serviceRate", w.date()).orElseThrow(); // BILL-PRICE-1: the day's rate
            // PN-BILL-1 (platform decision): a started 15-minute step counts whole
            long steps = list.stream().mapToLong(x -> x.quantity().divide(STEP_MINUTES, 0, RoundingMode.CEILING)
                    .longValueExact()).sum();
            charges.add(new Charge(key, "Work not covered by the operating agreement, order " + w.orderNumber() + ", "
                    + steps + " started quarter hours", w.deviceId(), "serviceRate", w.date(), w.date(),
                    STEP_HOURS.multiply(BigDecimal.valueOf(steps)), rate, "PN-BILL-1"));
        });
        return BillingResult.of(charges, List.of());
    }
}
