package org.dealerhub.vendor.canon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.spi.Allowance;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.BillingResult.Notice;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.MeterHistory;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canon's billing terms (source 000), in Norway and, by CANON-MARKET-1, in Denmark with Danish prices (the policy
 * reads only the contract's prices and currency, so a DK contract bills the same rules in DKK).
 *
 * <p>Terms it reads (all optional):
 * <ul>
 * <li>{@code feeMonths}: the length of one prepaid period in months, 1-12 (default 3) (CANON-BILL-1)</li>
 * <li>{@code banner}: {@code true} when banner printing is agreed (CANON-VOL-4); banner clicks are then billed at
 * {@code clickBanner}, otherwise banner prints are only reported</li>
 * <li>{@code bannerColour}: {@code false} when the contract's banner prints are mono; by default a banner's A3 click
 * counts towards the colour cap (CANON-VOL-4, platform decision: the meter's banner counter has no colour split)</li>
 * </ul>
 * Prices it reads: {@code monthlyFee} (CANON-BILL-1), {@code clickColourA4} (the indicative colour click price,
 * CANON-VOL-3), {@code clickBanner} (CANON-VOL-4), {@code hourlyRate} (CANON-DMS-2, CANON-IMPL-4, -5), and for
 * excess toner the price named by the work item (CANON-TONER-1). A price that is not set leaves its charge out and
 * says so in a notice: the charge is billed by the first run after the operator sets it.
 *
 * <p>Work it reads: {@code labour} not covered (CANON-DMS-2, minutes at {@code hourlyRate});
 * {@code implementation} with the service code as item (minutes; CANON-IMPL-4: started hours beyond the included
 * hour of INSTALLATION-NETWORK, CANON-IMPL-5: time beyond the included hour of CONNECTIVITY-IMPLEMENT and
 * USER-TRAINING); {@code toner-excess} with a price name as item and a count as quantity, recorded by the operator
 * from the DMS coverage report (CANON-TONER-1: the meters carry no coverage). PREMIUM is never back-billed for colour
 * or toner (CANON-PKG-3).
 */
@Component(configurationPid = CanonBillingPolicy.PID, property = VendorProfile.VENDOR_ID + "=" + CanonProfile.ID)
@Designate(ocd = CanonBillingPolicy.Certificates.class)
public class CanonBillingPolicy implements BillingPolicy {

    static final String PID = "org.dealerhub.canon.certificates";
    private static final Logger LOG = LoggerFactory.getLogger(CanonBillingPolicy.class);

    /**
     * CANON-VOL-1 (platform decision): the operator records each model's monthly volume from its function
     * certificate; the source names no figure, so none is shipped.
     */
    @ObjectClassDefinition(name = "Canon function certificates", description = "CANON-VOL-1: the average maximum"
            + " monthly volume (A4 pages) of each model's function certificate, as the operator reads it")
    public @interface Certificates {
        @AttributeDefinition(description = "model=monthly A4 pages, one per model, e.g. iR-ADV C3530=20000;"
                + " a device whose model is missing is flagged and only its colour cap is checked")
        String[] monthlyVolumes() default {};
    }

    /** The configured volumes by model name (case and spacing ignored), replaced whole on each change. */
    private volatile Map<String, Long> certificates = Map.of();

    @Activate
    @Modified
    void configure(Certificates config) {
        Map<String, Long> volumes = new TreeMap<>();
        for (String entry : config.monthlyVolumes()) {
            int eq = entry.lastIndexOf('=');
            try {
                long volume = Long.parseLong(entry.substring(eq + 1).trim());
                if (eq <= 0 || volume <= 0) {
                    throw new NumberFormatException();
                }
                volumes.put(modelKey(entry.substring(0, eq)), volume);
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                LOG.warn("{}: '{}' is not model=monthly pages (a positive whole number); left out (CANON-VOL-1)",
                        PID, entry);
            }
        }
        certificates = Map.copyOf(volumes);
    }

    private static String modelKey(String model) {
        return model.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The device with its model's certificate volume when the core passed none and the operator recorded one. */
    private DeviceUsage withCertificate(DeviceUsage d) {
        Long volume = d.certificateMonthlyVolume() != null || d.model() == null ? d.certificateMonthlyVolume()
                : certificates.get(modelKey(d.model()));
        return Objects.equals(volume, d.certificateMonthlyVolume()) ? d : new DeviceUsage(d.deviceId(), d.model(), d.modelFamily(),
                d.loanFor(), d.from(), d.to(), volume, d.readings());
    }

    static final int DEFAULT_FEE_MONTHS = 3;
    /** Share of the colour allowance at which a notice says it is nearly used. */
    static final BigDecimal NEARLY_USED = new BigDecimal("0.9");
    static final long INCLUDED_IMPLEMENTATION_MINUTES = 60;

    @Override
    public String vendorId() {
        return CanonProfile.ID;
    }

    @Override
    public BillingResult bill(BillingContext context) {
        Bill bill = new Bill(context);
        bill.fees();
        boolean capped = !CanonPackages.PREMIUM.equals(context.contract().packageCode());
        for (DeviceUsage device : context.devices()) {
            if (device.loanFor() == null) { // the sources give Canon no loan devices: a loan's prints are not capped
                bill.device(withCertificate(device), capped);
            }
        }
        bill.work(capped);
        return BillingResult.of(bill.charges, bill.notices.stream().distinct().toList())
                .withAllowances(bill.allowances);
    }

    /** One run's working state. */
    private static final class Bill {
        final BillingContext ctx;
        final Contract contract;
        final LocalDate end;
        final List<Charge> charges = new ArrayList<>();
        final List<Notice> notices = new ArrayList<>();
        final List<Allowance> allowances = new ArrayList<>();

        Bill(BillingContext ctx) {
            this.ctx = ctx;
            this.contract = ctx.contract();
            this.end = contract.end() == null || contract.end().isAfter(ctx.periodEnd()) ? ctx.periodEnd()
                    : contract.end();
        }

        /** CANON-BILL-1: every prepaid period that has begun, billed in advance, pro rata when the contract ends in it. */
        void fees() {
            int months = ctx.term("feeMonths").map(Integer::parseInt).orElse(DEFAULT_FEE_MONTHS);
            if (months < 1 || months > 12) {
                throw new IllegalArgumentException("term feeMonths must be 1-12: " + months);
            }
            for (int i = 0; !contract.start().plusMonths((long) months * i).isAfter(end); i++) {
                LocalDate from = contract.start().plusMonths((long) months * i);
                LocalDate to = contract.start().plusMonths((long) months * (i + 1)).minusDays(1);
                BigDecimal quantity = BigDecimal.valueOf(months);
                if (contract.end() != null && contract.end().isBefore(to)) {
                    quantity = quantity.multiply(BigDecimal.valueOf(days(from, contract.end())))
                            .divide(BigDecimal.valueOf(days(from, to)), 4, RoundingMode.HALF_UP);
                    to = contract.end();
                }
                // BILL-PRICE-1: each prepaid period at the fee in force on its first day
                Optional<BigDecimal> fee = price("monthlyFee", from, "CANON-BILL-1", null);
                if (fee.isPresent()) {
                    charges.add(new Charge("fee/" + from, "Service package " + contract.packageCode() + ", prepaid "
                            + from + " to " + to, null, "monthlyFee", from, to, quantity, fee.get(), "CANON-BILL-1"));
                }
            }
        }

        void device(DeviceUsage device, boolean capped) {
            // the family as recorded on the device, else as read from its model name (CANON-VOL-2)
            Optional<String> family = CanonVolumes.monthlyColourCap(device.modelFamily()).map(c -> device.modelFamily())
                    .or(() -> CanonVolumes.family(device.model()));
            boolean bannerAgreed = ctx.term("banner").map(Boolean::parseBoolean).orElse(false);
            boolean bannerColour = ctx.term("bannerColour").map(Boolean::parseBoolean).orElse(true);
            if (capped && family.isEmpty()) {
                notices.add(new Notice(device.deviceId(), "Model " + device.model()
                        + " is in none of Canon's colour-cap model families: its colour use is not checked",
                        "CANON-VOL-2"));
            }
            if (capped && device.certificateMonthlyVolume() == null) {
                notices.add(new Notice(device.deviceId(), "No function-certificate volume recorded for model "
                        + device.model() + ": only its colour cap is checked", "CANON-VOL-1"));
            }
            for (int i = 0; !contract.start().plusYears(i).isAfter(end); i++) {
                LocalDate ys = contract.start().plusYears(i);
                LocalDate ye = contract.start().plusYears(i + 1).minusDays(1);
                LocalDate from = later(ys, device.from());
                LocalDate to = earlier(earlier(ye, end), device.to());
                if (to.isBefore(from)) {
                    continue;
                }
                boolean current = !to.isBefore(ctx.periodStart()); // notices only for what reaches into the period
                // a contract year is settled once it has ended for the device (its end, the contract's or the device's)
                boolean settled = !ye.isAfter(ctx.periodEnd()) || to.isBefore(earlier(ye, ctx.periodEnd()))
                        || (contract.end() != null && !contract.end().isAfter(ctx.periodEnd()));
                Counters used = MeterHistory.used(device.readings(), from, to);
                long colour = colour(used, bannerColour);
                long total = total(used);
                // the allowance of a year is 12 x the monthly cap, pro rata for the days the device counted in it
                long yearDays = days(ys, ye);
                long spanDays = days(from, settled ? to : earlier(ye, device.to()));
                if (capped && family.isPresent()) {
                    long cap = CanonVolumes.monthlyColourCap(family.get()).orElseThrow();
                    long allowance = prorata(12 * cap, spanDays, yearDays);
                    colour(device, ys, from, to, settled, colour, allowance);
                    if (!settled) {
                        allowances.add(Allowance.measured("colour-cap/" + device.deviceId() + "/" + ys,
                                String.format(Locale.ROOT, "Colour pages of the contract year (12 x %,d a month,"
                                        + " A3 = 2 x A4%s)", cap, bannerColour ? ", a banner = one A3" : ""),
                                device.deviceId(), Allowance.Kind.CAP, "colour A4 pages", from,
                                earlier(ye, device.to()), allowance, ctx.periodEnd(), lastReading(device),
                                (a, b) -> colour(MeterHistory.used(device.readings(), a, b), bannerColour),
                                "clickColourA4", ctx.price("clickColourA4").orElse(null), "CANON-VOL-3"));
                    }
                }
                if (capped && !settled && device.certificateMonthlyVolume() != null) {
                    allowances.add(Allowance.measured("certificate/" + device.deviceId() + "/" + ys,
                            String.format(Locale.ROOT, "Total pages of the contract year under the function"
                                    + " certificate (12 x %,d a month; reported, not billed)",
                                    device.certificateMonthlyVolume()), device.deviceId(), Allowance.Kind.CAP,
                            "A4 pages", from, earlier(ye, device.to()), prorata(12 * device
                                    .certificateMonthlyVolume(), spanDays, yearDays), ctx.periodEnd(),
                            lastReading(device), (a, b) -> total(MeterHistory.used(device.readings(), a, b)), null,
                            null, "CANON-VOL-1"));
                }
                if (capped && current && device.certificateMonthlyVolume() != null) {
                    // CANON-VOL-1: total use above the certificate's volume is reported, not billed
                    long allowance = prorata(12 * device.certificateMonthlyVolume(), days(from, to), yearDays);
                    if (total > allowance) {
                        notices.add(new Notice(device.deviceId(), String.format(Locale.ROOT,
                                "Total use %,d A4 pages from %s to %s is above the function certificate's %,d"
                                        + " (not billed)", total, from, to, allowance), "CANON-VOL-1"));
                    }
                }
                if (used.banner() > 0 && (settled || current)) {
                    banner(device, ys, from, to, settled, current, used.banner(), bannerAgreed);
                }
            }
        }

        /** CANON-VOL-4: a banner print is one A3 click (colour unless agreed mono) and one banner click. */
        static long colour(Counters used, boolean bannerColour) {
            return CanonVolumes.colourA4Equivalent(used.colourA4(), used.colourA3(), bannerColour ? used.banner() : 0);
        }

        /** CANON-VOL-1: every page in A4, A3 = 2 x A4, a banner's A3 click counted. */
        static long total(Counters used) {
            return Math.addExact(Math.addExact(used.monoA4(), 2 * used.monoA3()),
                    Math.addExact(CanonVolumes.colourA4Equivalent(used.colourA4(), used.colourA3(), 0),
                            2 * used.banner()));
        }

        static LocalDate lastReading(DeviceUsage device) {
            return device.readings().isEmpty() ? null : device.readings().get(device.readings().size() - 1).date();
        }

        /** CANON-VOL-1, -3: colour over 12 x the monthly cap back-billed once a year at the indicative price. */
        void colour(DeviceUsage device, LocalDate ys, LocalDate from, LocalDate to, boolean settled, long colour,
                long allowance) {
            String key = "colour-overuse/" + device.deviceId() + "/" + ys;
            long over = Math.max(0, colour - allowance);
            if (!settled) {
                if (BigDecimal.valueOf(colour).compareTo(NEARLY_USED.multiply(BigDecimal.valueOf(allowance))) >= 0) {
                    notices.add(new Notice(device.deviceId(), String.format(Locale.ROOT,
                            "Colour use %,d of the year's allowance of %,d A4 pages by %s%s", colour, allowance, to,
                            over > 0 ? ": the over-use is back-billed when the contract year ends" : ""),
                            "CANON-VOL-3"));
                }
                return;
            }
            if (over == 0 && ctx.billedUnder(key).signum() == 0) {
                return;
            }
            price("clickColourA4", from, "CANON-VOL-3", device.deviceId()).ifPresent(p -> charges.add(new Charge(key,
                    String.format(Locale.ROOT, "Colour over-use: %,d A4 pages over the year's allowance of %,d", over, allowance),
                    device.deviceId(), "clickColourA4", from, to, BigDecimal.valueOf(over), p, "CANON-VOL-3")));
        }

        /** CANON-VOL-4: banner clicks billed with the contract year when agreed, otherwise reported. */
        void banner(DeviceUsage device, LocalDate ys, LocalDate from, LocalDate to, boolean settled, boolean current,
                long banners, boolean agreed) {
            if (!agreed && current) {
                notices.add(new Notice(device.deviceId(), String.format(Locale.ROOT, "%,d banner prints from %s to %s, but banner"
                        + " printing is not agreed (term banner=true)", banners, from, to), "CANON-VOL-4"));
            } else if (agreed && settled) {
                price("clickBanner", from, "CANON-VOL-4", device.deviceId()).ifPresent(p -> charges.add(new Charge(
                        "banner/" + device.deviceId() + "/" + ys, "Banner prints", device.deviceId(), "clickBanner",
                        from, to, BigDecimal.valueOf(banners), p, "CANON-VOL-4")));
            }
        }

        void work(boolean capped) {
            Map<String, List<Work>> groups = new TreeMap<>();
            for (Work w : ctx.work()) {
                // covered work is not billed; an implementation service is billed beyond its included hour
                if (!w.date().isAfter(ctx.periodEnd()) && (!w.covered() || w.kind().equals("implementation"))) {
                    groups.computeIfAbsent("work/" + w.orderNumber() + "/" + w.kind() + "/" + w.item() + "/"
                            + w.date(), k -> new ArrayList<>()).add(w);
                }
            }
            groups.forEach((key, list) -> {
                Work w = list.get(0);
                BigDecimal quantity = list.stream().map(Work::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                switch (w.kind()) {
                    case "labour" -> hours(key, w, quantity, "Work outside Canon's responsibility", "CANON-DMS-2");
                    case "implementation" -> implementation(key, w, quantity);
                    case "toner-excess" -> {
                        if (capped) { // CANON-TONER-1, never for PREMIUM (CANON-PKG-3)
                            price(w.item(), w.date(), "CANON-TONER-1", w.deviceId()).ifPresent(p -> charges.add(new Charge(
                                    key, "Toner beyond 5 % coverage (" + w.item() + ")", w.deviceId(), w.item(),
                                    w.date(), w.date(), quantity, p, "CANON-TONER-1")));
                        }
                    }
                    default -> {
                    }
                }
            });
        }

        /** CANON-IMPL-4 (sold in whole hours), CANON-IMPL-5 (by time): what lies beyond the included hour. */
        void implementation(String key, Work w, BigDecimal minutes) {
            BigDecimal beyond = minutes.subtract(BigDecimal.valueOf(INCLUDED_IMPLEMENTATION_MINUTES));
            if (beyond.signum() <= 0) {
                return;
            }
            if (CanonImplementationServices.INSTALLATION_NETWORK.equals(w.item())) {
                BigDecimal hours = beyond.divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING);
                price("hourlyRate", w.date(), "CANON-IMPL-4", w.deviceId()).ifPresent(p -> charges.add(new Charge(key,
                        "Installation & Network Configuration beyond the included hour, started hours", w.deviceId(),
                        "hourlyRate", w.date(), w.date(), hours, p, "CANON-IMPL-4")));
            } else if (CanonImplementationServices.CONNECTIVITY.equals(w.item())
                    || CanonImplementationServices.USER_TRAINING.equals(w.item())) {
                hours(key, w, beyond, w.item() + " beyond the included hour", "CANON-IMPL-5");
            }
        }

        /** Minutes billed as hours (to 4 decimals, so the line's quantity x price is its amount) at the hourly rate. */
        void hours(String key, Work w, BigDecimal minutes, String text, String rule) {
            BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
            price("hourlyRate", w.date(), rule, w.deviceId()).ifPresent(p -> charges.add(new Charge(key, text + ", order "
                    + w.orderNumber(), w.deviceId(), "hourlyRate", w.date(), w.date(), hours, p, rule)));
        }

        /** The named price in force on {@code day}, a charge's first day (BILL-PRICE-1), or a notice. */
        Optional<BigDecimal> price(String name, LocalDate day, String rule, Long deviceId) {
            Optional<BigDecimal> price = ctx.price(name, day);
            if (price.isEmpty()) {
                notices.add(new Notice(deviceId, "Price " + name + " is not set: its charge is left out until it is",
                        rule));
            }
            return price;
        }
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    static long prorata(long yearly, long days, long yearDays) {
        return days >= yearDays ? yearly : Math.multiplyExact(yearly, days) / yearDays;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        return b != null && b.isBefore(a) ? b : a;
    }
}
