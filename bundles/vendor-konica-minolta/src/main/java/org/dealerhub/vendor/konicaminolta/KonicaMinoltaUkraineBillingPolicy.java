package org.dealerhub.vendor.konicaminolta;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dealerhub.api.Counters;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.BillingResult.Notice;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.MeterHistory;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Konica Minolta Ukraine's billable items (source 003), in UAH excluding VAT: prints on a loan device (KMUA-ORDER-4),
 * CRUs not returned when a device leaves service or the contract ends (KMUA-STOCK-5) and paid extras (KMUA-EXTRA-1).
 * The source prices the service itself nowhere, so nothing else is billed here.
 *
 * <p>Terms: none. Prices it reads: {@code clickMonoA4}, {@code clickColourA4}, {@code clickMonoA3},
 * {@code clickColourA3} (optional: 2 x the A4 price without them) for loan-device prints, billed per calendar month
 * once the month is over (or the loan has ended); the price named by a work item for CRUs and extras.
 *
 * <p>Work it reads (not covered): {@code cru-unreturned} with the CRU's price name as item and the count as quantity
 * (KMUA-STOCK-5, recorded at the stock reconciliation when a device leaves or the contract ends); {@code extra}
 * with the extra's price name as item (e.g. {@code extra.DELIVERY}, one per service of
 * {@link KonicaMinoltaUkraineExtras}) and the count as quantity (KMUA-EXTRA-1).
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaUkraineProfile.ID)
public class KonicaMinoltaUkraineBillingPolicy implements BillingPolicy {

    @Override
    public String vendorId() {
        return KonicaMinoltaUkraineProfile.ID;
    }

    @Override
    public BillingResult bill(BillingContext ctx) {
        List<Charge> charges = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (DeviceUsage d : ctx.devices()) {
            if (d.loanFor() != null) {
                loan(ctx, d, charges, notices);
            }
        }
        Map<String, List<Work>> groups = new TreeMap<>();
        for (Work w : ctx.work()) {
            if (!w.covered() && !w.date().isAfter(ctx.periodEnd())
                    && (w.kind().equals("cru-unreturned") || w.kind().equals("extra"))) {
                groups.computeIfAbsent("work/" + w.orderNumber() + "/" + w.kind() + "/" + w.item() + "/" + w.date(),
                        k -> new ArrayList<>()).add(w);
            }
        }
        groups.forEach((key, list) -> {
            Work w = list.get(0);
            String rule = w.kind().equals("extra") ? "KMUA-EXTRA-1" : "KMUA-STOCK-5";
            BigDecimal quantity = list.stream().map(Work::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            price(ctx, w.item(), w.date(), rule, w.deviceId(), notices).ifPresent(p -> charges.add(new Charge(key,
                    (rule.equals("KMUA-EXTRA-1") ? "Paid extra: " : "CRU not returned: ") + w.item() + ", order "
                            + w.orderNumber(), w.deviceId(), w.item(), w.date(), w.date(), quantity, p, rule)));
        });
        return BillingResult.of(charges, notices.stream().distinct().toList());
    }

    /** KMUA-ORDER-4: the loan device's prints between its handover readings, per calendar month. */
    private static void loan(BillingContext ctx, DeviceUsage d, List<Charge> charges, List<Notice> notices) {
        LocalDate last = d.to() != null && d.to().isBefore(ctx.periodEnd()) ? d.to() : ctx.periodEnd();
        for (YearMonth month = YearMonth.from(d.from()); !month.atDay(1).isAfter(last); month = month.plusMonths(1)) {
            LocalDate from = d.from().isAfter(month.atDay(1)) ? d.from() : month.atDay(1);
            LocalDate to = d.to() != null && d.to().isBefore(month.atEndOfMonth()) ? d.to() : month.atEndOfMonth();
            if (to.isAfter(ctx.periodEnd())) {
                continue; // the month is not over and the loan goes on
            }
            Counters used = MeterHistory.used(d.readings(), from, to);
            long[] counts = {used.monoA4(), used.colourA4(), used.monoA3(), used.colourA3()};
            String[] names = {"clickMonoA4", "clickColourA4", "clickMonoA3", "clickColourA3"};
            for (int i = 0; i < counts.length; i++) {
                String key = "loan/" + d.deviceId() + "/" + month + "/" + names[i];
                if (counts[i] == 0 && ctx.billedUnder(key).signum() == 0) {
                    continue;
                }
                boolean a3 = i >= 2;
                Optional<BigDecimal> price = a3 && ctx.price(names[i], from).isEmpty()
                        ? price(ctx, names[i - 2], from, "KMUA-ORDER-4", d.deviceId(), notices).map(p -> p.add(p))
                        : price(ctx, names[i], from, "KMUA-ORDER-4", d.deviceId(), notices);
                long n = counts[i];
                String name = names[i];
                price.ifPresent(p -> charges.add(new Charge(key, String.format(Locale.ROOT,
                        "%,d prints (%s) on loan device %s lent for device %d", n, name.substring(5), d.model(),
                        d.loanFor()), d.deviceId(), name, from, to, BigDecimal.valueOf(n), p, "KMUA-ORDER-4")));
            }
        }
    }

    /** The named price in force on {@code day}, a charge's first day (BILL-PRICE-1), or a notice. */
    private static Optional<BigDecimal> price(BillingContext ctx, String name, LocalDate day, String rule,
            Long deviceId, List<Notice> notices) {
        Optional<BigDecimal> price = ctx.price(name, day);
        if (price.isEmpty()) {
            notices.add(new Notice(deviceId, "Price " + name + " is not set: its charge is left out until it is",
                    rule));
        }
        return price;
    }
}
