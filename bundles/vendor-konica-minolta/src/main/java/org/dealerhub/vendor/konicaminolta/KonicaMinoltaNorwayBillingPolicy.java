package org.dealerhub.vendor.konicaminolta;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.spi.Allowance;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingContext.DeviceUsage;
import org.dealerhub.api.spi.BillingContext.IndexValue;
import org.dealerhub.api.spi.BillingContext.Work;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.BillingResult.Notice;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.MeterHistory;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Konica Minolta Norway's billing terms (source 004, sections 4.9-4.11, 5, 6.10). Every period is counted from the
 * contract's start: half-years and years for prepaid agreements, quarters for postpaid ones. Amounts exclude VAT.
 *
 * <p>Terms it reads (all optional):
 * <ul>
 * <li>{@code billing}: {@code prepaid} (default, KMNO-BILL-1) or {@code postpaid} (KMNO-BILL-5)</li>
 * <li>{@code minimumMonoA4}, {@code minimumColourA4}: the agreed yearly minimum volume in A4 pages, A3 counting as
 * two (KMNO-BILL-2)</li>
 * <li>{@code committedMonoA4}, {@code committedColourA4}: the committed yearly volume, billed on account in a prepaid
 * agreement and compared with the use (KMNO-BILL-1, -6); the minimum when not given</li>
 * <li>{@code terminatedOn}: the day written notice was received; the agreement ends at the first expiry at least 4
 * whole calendar months later (KMNO-RENEW-1)</li>
 * <li>{@code endedEarlyOn}: the day the agreement was ended before its expiry: the remaining period is billed
 * (KMNO-RENEW-2), unless {@code tradeIn=true}</li>
 * <li>{@code cpiAdjust}: {@code false} to keep the agreed prices; otherwise fees and click prices follow the
 * operator-entered index {@code CPI} yearly from the contract's start, never below the agreed price (KMNO-PRICE-1)</li>
 * <li>{@code yearlyIncreasePercent}: a further yearly increase of the agreed prices the provider has announced, e.g.
 * for used equipment or rising costs (KMNO-PRICE-2); changes of exchange rates and new fees are the operator's changes
 * of the price list</li>
 * <li>{@code readingGraceDays}: how old a device's last reading may be at a period's end before the use is estimated
 * (default 7, KMNO-METER-1)</li>
 * <li>{@code remoteMonitoring}: {@code true} when the devices report their meters themselves (CSRC): a missing
 * reading is then estimated without the estimation fee, which the source sets only for customers who read their
 * meters (KMNO-METER-1)</li>
 * <li>{@code supportAgreement}: {@code true} when a support agreement covers 2 hours a year (KMNO-SUPPORT-1)</li>
 * <li>{@code portal}: {@code true} for customer-portal licences per machine (KMNO-REMOTE-1)</li>
 * <li>{@code saasReadyOn}: the day the provider reported SaaS/KMSky ready; {@code saasUsers}: the users from a day
 * on, e.g. {@code 2026-01-01:10,2026-07-01:12}; {@code saasTrialDays}: the trial's days when another length was
 * agreed (default 10) (KMNO-SAAS-1)</li>
 * </ul>
 * Prices it reads: {@code monthlyFee} (fixed fees), {@code clickMonoA4}, {@code clickColourA4}, {@code clickMonoA3}
 * and {@code clickColourA3} (optional: 2 x the A4 price without them, KMNO-BILL-3), {@code clickScan} (KMNO-BILL-7;
 * scans are not billed without it), {@code baseSubscription} (per month, KMNO-RENEW-3), {@code estimationFee}
 * (KMNO-METER-1), {@code hourlyRate} (work by time), {@code saasUser} (per user and quarter), {@code portalLicence}
 * (per machine and year), and the price named by a {@code delivery} work item (e.g. {@code returnFreight},
 * {@code failedDelivery}, KMNO-DELIV-2). A price not set leaves its charge out with a notice; the first run after the
 * operator sets it bills it.
 *
 * <p>Work it reads (not covered, quantity in minutes unless said): {@code operator-training} (KMNO-OPER-1),
 * {@code support} (KMNO-SUPPORT-1), {@code waiting} (KMNO-WAIT-1, only a wait over 15 minutes, then all of it),
 * {@code move} (KMNO-MOVE-1), {@code installation} (KMNO-INST-1), {@code meter-reading} (KMNO-METER-1: the time spent
 * reading), {@code delivery} (a count of the item's price, KMNO-DELIV-2).
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaNorwayProfile.ID)
public class KonicaMinoltaNorwayBillingPolicy implements BillingPolicy {

    /** KMNO-BILL-4: an invoice of 100 NOK or less (excluding VAT, as every amount here) may wait for the next. */
    static final BigDecimal DEFER_AT_OR_BELOW = new BigDecimal("100");
    /** KMNO-BILL-6: the deviation between committed and used volume the customer must report. */
    static final BigDecimal DEVIATION = new BigDecimal("0.15");
    /** KMNO-RENEW-3: service prices once the agreed period has run out. */
    static final BigDecimal RENEWAL_MARKUP = new BigDecimal("1.30");
    static final long SUPPORT_MINUTES_PER_YEAR = 120;
    static final long WAITING_FREE_MINUTES = 15;
    static final int SAAS_TRIAL_DAYS = 10;

    /** A billed volume counter: its price, its A4 price when it is an A3 one, and how to read it. */
    record Counter(String price, String a4Price, String text, ToLongFunction<Counters> read) {
    }

    static final Counter MONO_A4 = new Counter("clickMonoA4", null, "mono A4", Counters::monoA4);
    static final Counter COLOUR_A4 = new Counter("clickColourA4", null, "colour A4", Counters::colourA4);
    static final Counter MONO_A3 = new Counter("clickMonoA3", "clickMonoA4", "mono A3", Counters::monoA3);
    static final Counter COLOUR_A3 = new Counter("clickColourA3", "clickColourA4", "colour A3", Counters::colourA3);
    static final Counter SCANS = new Counter("clickScan", null, "scans", Counters::scans);

    @Override
    public String vendorId() {
        return KonicaMinoltaNorwayProfile.ID;
    }

    @Override
    public BillingResult bill(BillingContext context) {
        Bill bill = new Bill(context);
        if (bill.prepaid) {
            bill.prepaid();
        } else {
            bill.postpaid();
        }
        bill.minimum();
        bill.earlyTermination();
        bill.saas();
        bill.portal();
        bill.work();
        return new BillingResult(bill.charges, bill.notices.stream().distinct().toList(), DEFER_AT_OR_BELOW,
                "KMNO-BILL-4", bill.allowances);
    }

    /** One run's working state. */
    private static final class Bill {
        final BillingContext ctx;
        final Contract contract;
        final boolean prepaid;
        /** The last day of service: an early end, the expiry after a notice, or none while it renews. */
        final LocalDate serviceEnd;
        /** The last day billed now: the service end or the period's end, whichever is first. */
        final LocalDate end;
        final int graceDays;
        final List<Charge> charges = new ArrayList<>();
        final List<Notice> notices = new ArrayList<>();
        final List<Allowance> allowances = new ArrayList<>();

        Bill(BillingContext ctx) {
            this.ctx = ctx;
            this.contract = ctx.contract();
            String billing = ctx.term("billing").orElse("prepaid");
            if (!billing.equals("prepaid") && !billing.equals("postpaid")) {
                throw new IllegalArgumentException("term billing must be prepaid or postpaid: " + billing);
            }
            this.prepaid = billing.equals("prepaid");
            this.serviceEnd = ctx.term("endedEarlyOn").map(LocalDate::parse)
                    .or(() -> ctx.term("terminatedOn").map(LocalDate::parse).map(this::expiryAfterNotice))
                    .orElse(null);
            this.end = serviceEnd != null && serviceEnd.isBefore(ctx.periodEnd()) ? serviceEnd : ctx.periodEnd();
            this.graceDays = ctx.term("readingGraceDays").map(Integer::parseInt).orElse(7);
        }

        /**
         * KMNO-RENEW-1: the agreement renews for a year at a time; a notice ends it at the first expiry at least 4
         * whole calendar months after the notice.
         */
        LocalDate expiryAfterNotice(LocalDate notice) {
            LocalDate expiry = contract.end() != null ? contract.end() : contract.start().plusYears(1).minusDays(1);
            while (wholeMonthsBetween(notice, expiry) < 4) {
                expiry = expiry.plusDays(1).plusYears(1).minusDays(1);
            }
            return expiry;
        }

        // --- KMNO-BILL-1: prepaid

        void prepaid() {
            for (LocalDate[] half : windows(6)) {
                fixedFees(half, half[0], "in advance", "KMNO-BILL-1");
                onAccount(half);
                if (closed(half)) {
                    // KMNO-BILL-3: A3 by actual use every 6 months; KMNO-BILL-7: scans with them
                    for (DeviceUsage d : ctx.devices()) {
                        volume("volume", half, d, List.of(MONO_A3, COLOUR_A3, SCANS));
                    }
                }
            }
            for (LocalDate[] year : windows(12)) {
                if (closed(year)) {
                    settle(year);
                }
                deviation(year);
            }
        }

        /** KMNO-BILL-1: the committed volume billed on account for each half-year, in advance. */
        void onAccount(LocalDate[] half) {
            LocalDate[] year = yearOf(half[0]);
            for (Counter c : List.of(MONO_A4, COLOUR_A4)) {
                long committed = committed(c);
                if (committed == 0) {
                    continue;
                }
                BigDecimal volume = share(committed, half);
                price(c.price(), year[0], "KMNO-BILL-1", null).ifPresent(p -> charges.add(new Charge(
                        "on-account/" + half[0] + "/" + c.price(), "On account: half of the committed yearly "
                        + c.text() + " volume", null, c.price(), half[0], half[1], volume, p, "KMNO-BILL-1")));
            }
        }

        /** KMNO-BILL-1: every 12 months the A4 use is settled against what was billed on account. */
        void settle(LocalDate[] year) {
            for (Counter c : List.of(MONO_A4, COLOUR_A4)) {
                long used = used(year, c);
                BigDecimal onAccount = windows(6).stream().filter(h -> !h[0].isBefore(year[0])
                        && !h[0].isAfter(year[1])).map(h -> share(committed(c), h))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal quantity = BigDecimal.valueOf(used).subtract(onAccount);
                if (used == 0 && onAccount.signum() == 0) {
                    continue;
                }
                String key = "settlement/" + year[0] + "/" + c.price();
                price(c.price(), year[0], "KMNO-BILL-1", null).ifPresent(p -> keepEstimate(new Charge(key,
                        String.format(Locale.ROOT, "Settlement: %,d %s pages used, %s billed on account", used,
                                c.text(), onAccount.stripTrailingZeros().toPlainString()),
                        null, c.price(), year[0], year[1], quantity, p, "KMNO-BILL-1"), ctx.devices()));
            }
        }

        // --- KMNO-BILL-5: postpaid

        void postpaid() {
            for (LocalDate[] quarter : windows(3)) {
                if (!closed(quarter)) {
                    continue;
                }
                fixedFees(quarter, quarter[0], "in arrears", "KMNO-BILL-5");
                for (DeviceUsage d : ctx.devices()) {
                    volume("volume", quarter, d, List.of(MONO_A4, COLOUR_A4, MONO_A3, COLOUR_A3, SCANS));
                }
            }
            for (LocalDate[] year : windows(12)) {
                deviation(year);
            }
        }

        /** Fixed fees of a window; KMNO-RENEW-3: with the standard base subscription once the agreed period is over. */
        void fixedFees(LocalDate[] window, LocalDate priced, String when, String rule) {
            BigDecimal months = months(window[0], window[1]);
            price("monthlyFee", priced, rule, null).ifPresent(p -> charges.add(new Charge("fee/" + window[0],
                    "Fixed fees " + window[0] + " to " + window[1] + ", " + when, null, "monthlyFee", window[0],
                    window[1], months, p, rule)));
            if (afterAgreedPeriod(window[0])) {
                ctx.price("baseSubscription", window[0]).ifPresentOrElse(p -> charges.add(new Charge("base/" + window[0],
                        "Standard base subscription after the agreed period", null, "baseSubscription", window[0],
                        window[1], months, adjusted(window[0], p), "KMNO-RENEW-3")),
                        () -> missing("baseSubscription", "KMNO-RENEW-3", null));
            }
        }

        /** Use of a device's counters over a closed window, A3 at its own price or 2 x A4 (KMNO-BILL-3). */
        void volume(String kind, LocalDate[] window, DeviceUsage d, List<Counter> counters) {
            Usage usage = usage(d, window);
            if (usage == null) {
                return;
            }
            estimationFee(d, window[1], usage.estimated());
            for (Counter c : counters) {
                long n = c.read().applyAsLong(usage.counters());
                String key = kind + "/" + window[0] + "/" + d.deviceId() + "/" + c.price();
                if (n == 0 && ctx.billedUnder(key).signum() == 0) {
                    continue;
                }
                if (c == SCANS && ctx.price(SCANS.price(), window[0]).isEmpty()) {
                    continue; // KMNO-BILL-7: scans are billed per the price list; without a price they are not
                }
                Optional<BigDecimal> price = c.a4Price() != null && ctx.price(c.price(), window[0]).isEmpty()
                        ? price(c.a4Price(), window[0], "KMNO-BILL-3", d.deviceId()).map(p -> p.add(p))
                        : price(c.price(), window[0], c == SCANS ? "KMNO-BILL-7" : "KMNO-BILL-5", d.deviceId());
                String rule = c == SCANS ? "KMNO-BILL-7" : c.a4Price() != null ? "KMNO-BILL-3"
                        : prepaid ? "KMNO-BILL-1" : "KMNO-BILL-5";
                String text = String.format(Locale.ROOT, "%,d %s%s%s", n, c.text(),
                        c.a4Price() != null && ctx.price(c.price(), window[0]).isEmpty() ? " (billed as 2 x A4)" : "",
                        usage.estimated() ? ", estimated: corrected at the next settlement" : "");
                price.ifPresent(p -> keepEstimate(new Charge(key, text, d.deviceId(), c.price(), window[0],
                        window[1], BigDecimal.valueOf(n), p, rule), List.of(d)));
            }
        }

        // --- KMNO-BILL-2, -6: minimum and committed volume

        /** KMNO-BILL-2: the yearly minimum is paid whatever the use; what is not used is never credited. */
        void minimum() {
            for (LocalDate[] year : windows(12)) {
                if (!closed(year)) {
                    minimumAllowance(year);
                    continue;
                }
                for (Counter c : List.of(MONO_A4, COLOUR_A4)) {
                    long minimum = ctx.term("minimum" + capital(c)).map(Long::parseLong).orElse(0L);
                    if (minimum == 0) {
                        continue;
                    }
                    long due = share(minimum, year).setScale(0, RoundingMode.DOWN).longValueExact();
                    long used = usedA4Equivalent(year, c);
                    long shortfall = Math.max(0, due - used);
                    String key = "minimum/" + year[0] + "/" + c.price();
                    if (shortfall == 0 && ctx.billedUnder(key).signum() == 0) {
                        continue;
                    }
                    price(c.price(), year[0], "KMNO-BILL-2", null).ifPresent(p -> charges.add(new Charge(key,
                            String.format(Locale.ROOT, "Yearly minimum %,d %s pages, %,d used (A3 as 2 x A4):"
                                    + " %,d not used", due, c.text(), used, shortfall),
                            null, c.price(), year[0], year[1], BigDecimal.valueOf(shortfall), p, "KMNO-BILL-2")));
                }
            }
        }

        /** KMNO-BILL-2: the running year's minimum as measured so far, for the running bill's forecast. */
        void minimumAllowance(LocalDate[] year) {
            LocalDate lastReading = ctx.devices().stream().filter(d -> d.loanFor() == null)
                    .map(d -> d.readings().isEmpty() ? null : d.readings().get(d.readings().size() - 1).date())
                    .reduce((a, b) -> a == null || b == null ? null : a.isBefore(b) ? a : b).orElse(null);
            for (Counter c : List.of(MONO_A4, COLOUR_A4)) {
                long minimum = ctx.term("minimum" + capital(c)).map(Long::parseLong).orElse(0L);
                if (minimum > 0) {
                    allowances.add(Allowance.measured("minimum/" + year[0] + "/" + c.price(), String.format(
                            Locale.ROOT, "Yearly minimum volume of %s pages (A3 as 2 x A4), paid whatever the use",
                            c.text()), null, Allowance.Kind.MINIMUM, c.text() + " pages", year[0], year[1],
                            share(minimum, year).setScale(0, RoundingMode.DOWN).longValueExact(), ctx.periodEnd(),
                            lastReading, (a, b) -> usedA4Equivalent(new LocalDate[] {a, b}, c), c.price(),
                            ctx.price(c.price()).map(p -> price(p, ctx.periodEnd())).orElse(null), "KMNO-BILL-2"));
                }
            }
        }

        /** KMNO-BILL-6: a deviation over 15 % between committed and used volume is reported for renegotiation. */
        void deviation(LocalDate[] year) {
            if (year[1].isBefore(ctx.periodStart())) {
                return;
            }
            LocalDate to = year[1].isAfter(end) ? end : year[1];
            for (Counter c : List.of(MONO_A4, COLOUR_A4)) {
                long committed = committed(c);
                if (committed == 0) {
                    continue;
                }
                BigDecimal expected = share(committed, new LocalDate[] {year[0], to});
                long used = usedA4Equivalent(new LocalDate[] {year[0], to}, c);
                BigDecimal deviation = BigDecimal.valueOf(used).subtract(expected).abs();
                if (expected.signum() > 0 && deviation.compareTo(expected.multiply(DEVIATION)) > 0) {
                    notices.add(new Notice(null, String.format(Locale.ROOT, "%s use %,d pages from %s to %s"
                            + " deviates more than 15 %% from the committed %s: consider renegotiating", c.text(),
                            used, year[0], to, expected.setScale(0, RoundingMode.HALF_UP).toPlainString()),
                            "KMNO-BILL-6"));
                }
            }
        }

        // --- KMNO-RENEW-2

        /** KMNO-RENEW-2: ended early, the remaining period is billed from the average of fees and use so far. */
        void earlyTermination() {
            Optional<LocalDate> ended = ctx.term("endedEarlyOn").map(LocalDate::parse);
            if (ended.isEmpty() || ended.get().isAfter(ctx.periodEnd())
                    || ctx.term("tradeIn").map(Boolean::parseBoolean).orElse(false)) {
                return;
            }
            LocalDate day = ended.get();
            LocalDate expiry = contract.end() == null || day.isAfter(contract.end())
                    ? yearOf(day)[1] : contract.end();
            if (!expiry.isAfter(day)) {
                return;
            }
            BigDecimal elapsed = months(contract.start(), day);
            BigDecimal remaining = months(day.plusDays(1), expiry);
            BigDecimal perMonth = ctx.price("monthlyFee", day).map(p -> price(p, day)).orElse(BigDecimal.ZERO);
            LocalDate[] all = {contract.start(), day};
            for (Counter c : List.of(MONO_A4, COLOUR_A4, MONO_A3, COLOUR_A3)) {
                Optional<BigDecimal> p = ctx.price(c.price(), day).or(() -> c.a4Price() == null ? Optional.empty()
                        : ctx.price(c.a4Price(), day).map(a4 -> a4.add(a4)));
                if (p.isPresent()) {
                    perMonth = perMonth.add(price(p.get(), day).multiply(BigDecimal.valueOf(used(all, c)))
                            .divide(elapsed, 4, RoundingMode.HALF_UP));
                }
            }
            charges.add(new Charge("early-termination", String.format(Locale.ROOT, "Remaining period to %s after the"
                    + " agreement ended on %s: fixed fees and the average use since signing", expiry, day), null,
                    "remainingPeriod", day.plusDays(1), expiry, remaining, perMonth.setScale(4, RoundingMode.HALF_UP),
                    "KMNO-RENEW-2"));
        }

        // --- KMNO-SAAS-1, KMNO-REMOTE-1

        /** KMNO-SAAS-1: per user quarterly in advance, after a 10-day trial from the day after the service was ready. */
        void saas() {
            Optional<LocalDate> ready = ctx.term("saasReadyOn").map(LocalDate::parse);
            if (ready.isEmpty()) {
                return;
            }
            TreeMap<LocalDate, Long> users = new TreeMap<>();
            for (String entry : ctx.term("saasUsers").orElse("").split(",")) {
                if (!entry.isBlank()) {
                    String[] p = entry.trim().split(":");
                    users.put(LocalDate.parse(p[0]), Long.parseLong(p[1]));
                }
            }
            int trial = ctx.term("saasTrialDays").map(Integer::parseInt).orElse(SAAS_TRIAL_DAYS);
            LocalDate first = ready.get().plusDays(1L + trial);
            for (int i = 0; !first.plusMonths(3L * i).isAfter(end); i++) {
                LocalDate qs = first.plusMonths(3L * i);
                Map.Entry<LocalDate, Long> n = users.floorEntry(qs);
                if (n == null || n.getValue() == 0) {
                    continue;
                }
                LocalDate qe = first.plusMonths(3L * (i + 1)).minusDays(1);
                LocalDate from = qs;
                agreedPrice("saasUser", qs, "KMNO-SAAS-1", null).ifPresent(p -> charges.add(new Charge("saas/" + from,
                        n.getValue() + " SaaS users, quarter in advance", null, "saasUser", from, qe,
                        BigDecimal.valueOf(n.getValue()), p, "KMNO-SAAS-1")));
            }
        }

        /** KMNO-REMOTE-1: customer-portal licences per machine, yearly in advance. */
        void portal() {
            if (!ctx.term("portal").map(Boolean::parseBoolean).orElse(false)) {
                return;
            }
            for (LocalDate[] year : windows(12)) {
                for (DeviceUsage d : ctx.devices()) {
                    LocalDate from = d.from().isAfter(year[0]) ? d.from() : year[0];
                    if (d.loanFor() != null || from.isAfter(year[1]) || from.isAfter(end)
                            || (d.to() != null && d.to().isBefore(from))) {
                        continue;
                    }
                    agreedPrice("portalLicence", year[0], "KMNO-REMOTE-1", d.deviceId()).ifPresent(p -> charges.add(
                            new Charge("portal/" + year[0] + "/" + d.deviceId(), "Customer-portal licence, year in"
                                    + " advance", d.deviceId(), "portalLicence", from, year[1], BigDecimal.ONE, p,
                                    "KMNO-REMOTE-1")));
                }
            }
        }

        // --- work by time and priced items

        void work() {
            Map<String, List<Work>> groups = new TreeMap<>();
            for (Work w : ctx.work()) {
                if (!w.covered() && !w.date().isAfter(ctx.periodEnd())) {
                    String key = w.kind().equals("support") ? "support/" + yearOf(w.date())[0]
                            : "work/" + w.orderNumber() + "/" + w.kind() + "/" + w.item() + "/" + w.date();
                    groups.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
                }
            }
            groups.forEach((key, list) -> {
                Work w = list.get(0);
                BigDecimal quantity = list.stream().map(Work::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                switch (w.kind()) {
                    case "operator-training" -> hours(key, w, quantity, "Training a new main operator",
                            "KMNO-OPER-1");
                    case "move" -> hours(key, w, quantity, "Moving equipment", "KMNO-MOVE-1");
                    case "installation" -> hours(key, w, quantity, "Installation time (installation form incomplete)",
                            "KMNO-INST-1");
                    case "meter-reading" -> hours(key, w, quantity, "Meter reading by the provider", "KMNO-METER-1");
                    case "waiting" -> {
                        // KMNO-WAIT-1: each wait over 15 minutes is billed whole
                        BigDecimal billable = list.stream().map(Work::quantity)
                                .filter(q -> q.compareTo(BigDecimal.valueOf(WAITING_FREE_MINUTES)) > 0)
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (billable.signum() > 0) {
                            hours(key, w, billable, "Waiting for the customer over 15 minutes", "KMNO-WAIT-1");
                        }
                    }
                    case "support" -> {
                        // KMNO-SUPPORT-1: a support agreement covers 2 hours a year; without one all is billed
                        boolean agreement = ctx.term("supportAgreement").map(Boolean::parseBoolean).orElse(false);
                        BigDecimal beyond = quantity.subtract(BigDecimal.valueOf(agreement
                                ? SUPPORT_MINUTES_PER_YEAR : 0));
                        if (beyond.signum() > 0 || ctx.billedUnder(key).signum() != 0) {
                            hours(key, w, beyond.max(BigDecimal.ZERO), agreement
                                    ? "Support beyond the 2 hours of the support agreement, contract year"
                                    : "Support without a support agreement, contract year", "KMNO-SUPPORT-1");
                        }
                    }
                    case "delivery" -> listed(w.item(), w.date(), "KMNO-DELIV-2", w.deviceId()).ifPresent(p -> charges.add(
                            new Charge(key, "Delivery: " + w.item() + ", order " + w.orderNumber(), w.deviceId(),
                                    w.item(), w.date(), w.date(), quantity, p, "KMNO-DELIV-2")));
                    default -> {
                    }
                }
            });
        }

        /** Minutes billed as hours (to 4 decimals, so the line's quantity x price is its amount) at the hourly rate. */
        void hours(String key, Work w, BigDecimal minutes, String text, String rule) {
            BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP);
            ctx.price("hourlyRate", w.date()).ifPresentOrElse(p -> charges.add(new Charge(key, text + (key.startsWith("work/")
                    ? ", order " + w.orderNumber() : ""), w.deviceId(), "hourlyRate", w.date(), w.date(), hours, p,
                    rule)), () -> missing("hourlyRate", rule, w.deviceId()));
        }

        // --- KMNO-METER-1: estimates

        record Usage(Counters counters, boolean estimated) {
        }

        /** A device's use over a window, its end estimated when the last reading is older than the grace days. */
        Usage usage(DeviceUsage d, LocalDate[] window) {
            LocalDate from = d.from().isAfter(window[0]) ? d.from() : window[0];
            LocalDate to = d.to() != null && d.to().isBefore(window[1]) ? d.to() : window[1];
            if (to.isBefore(from) || d.loanFor() != null) {
                return null;
            }
            return new Usage(MeterHistory.minus(counters(d, to), counters(d, from.minusDays(1))), estimated(d, to));
        }

        Counters counters(DeviceUsage d, LocalDate day) {
            if (estimated(d, day)) {
                return MeterHistory.extrapolated(d.readings(), day).orElse(MeterHistory.at(d.readings(), day));
            }
            return MeterHistory.at(d.readings(), day);
        }

        /** No reading on or after the day, and the last one more than the grace days before it. */
        boolean estimated(DeviceUsage d, LocalDate day) {
            if (d.readings().isEmpty()) {
                return false;
            }
            LocalDate last = d.readings().get(d.readings().size() - 1).date();
            return last.plusDays(graceDays).isBefore(day) && d.readings().size() > 1;
        }

        /** KMNO-METER-1: the estimation fee of a window's end, kept once billed even when the reading came later. */
        void estimationFee(DeviceUsage d, LocalDate day, boolean estimated) {
            String key = feeKey(d, day);
            boolean remote = ctx.term("remoteMonitoring").map(Boolean::parseBoolean).orElse(false);
            if ((!estimated || remote) && ctx.billedUnder(key).signum() == 0) {
                return;
            }
            if (!estimated) {
                charges.add(new Charge(key, "Estimation fee (kept: an estimate is never refunded)", d.deviceId(),
                        "estimationFee", day, day, BigDecimal.ONE, ctx.billedUnder(key), "KMNO-METER-1"));
                return;
            }
            listed("estimationFee", day, "KMNO-METER-1", d.deviceId()).ifPresent(p -> charges.add(new Charge(key,
                    "Estimation fee: no meter reading by " + day, d.deviceId(), "estimationFee", day, day,
                    BigDecimal.ONE, p, "KMNO-METER-1")));
        }

        static String feeKey(DeviceUsage d, LocalDate day) {
            return "estimate-fee/" + d.deviceId() + "/" + day;
        }

        /**
         * KMNO-METER-1: billed estimated use is never refunded. When a window was billed on an estimate and the
         * reading that came later shows less, the difference is kept as a line of its own.
         */
        void keepEstimate(Charge charge, List<DeviceUsage> devices) {
            charges.add(charge);
            boolean wasEstimated = devices.stream()
                    .anyMatch(d -> ctx.billedUnder(feeKey(d, charge.to())).signum() != 0);
            String keptKey = charge.key() + "/estimate-kept";
            BigDecimal amount = charge.quantity().multiply(charge.unitPrice())
                    .setScale(ctx.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP);
            BigDecimal kept = ctx.billedUnder(charge.key()).add(ctx.billedUnder(keptKey)).subtract(amount);
            if (wasEstimated && (kept.signum() > 0 || ctx.billedUnder(keptKey).signum() != 0)) {
                charges.add(new Charge(keptKey, "Estimated use billed before and not refunded", charge.deviceId(),
                        charge.item(), charge.from(), charge.to(), BigDecimal.ONE, kept.max(BigDecimal.ZERO),
                        "KMNO-METER-1"));
            }
        }

        // --- prices: KMNO-PRICE-1 (CPI), KMNO-RENEW-3 (+30 %)

        /** A named price as it applies on {@code day}, or a notice when it is not set. */
        Optional<BigDecimal> price(String name, LocalDate day, String rule, Long deviceId) {
            return listed(name, day, rule, deviceId).map(p -> price(p, day));
        }

        /**
         * BILL-PRICE-1: the operator's price in force on {@code day} (a charge's first day), unadjusted, or a notice
         * when it is not set. KMNO-PRICE-1, -2 adjust it from there; a change dated later never re-prices the past.
         */
        Optional<BigDecimal> listed(String name, LocalDate day, String rule, Long deviceId) {
            Optional<BigDecimal> price = ctx.price(name, day);
            if (price.isEmpty()) {
                missing(name, rule, deviceId);
            }
            return price;
        }

        /** A price that follows the CPI but is not a service price (KMNO-RENEW-3 does not raise it). */
        Optional<BigDecimal> agreedPrice(String name, LocalDate day, String rule, Long deviceId) {
            return listed(name, day, rule, deviceId).map(p -> adjusted(day, p));
        }

        BigDecimal price(BigDecimal agreed, LocalDate day) {
            BigDecimal p = adjusted(day, agreed);
            return afterAgreedPeriod(day) ? p.multiply(RENEWAL_MARKUP).setScale(4, RoundingMode.HALF_UP) : p;
        }

        /**
         * KMNO-PRICE-1: from each anniversary of the contract, the agreed price x CPI at the anniversary / CPI at the
         * start (the latest values entered on or before those days), never below the agreed price; KMNO-PRICE-2: x
         * (1 + the agreed yearly increase) for each contract year passed.
         */
        BigDecimal adjusted(LocalDate day, BigDecimal agreed) {
            BigDecimal p = indexed(day, agreed);
            Optional<BigDecimal> increase = ctx.term("yearlyIncreasePercent").map(BigDecimal::new);
            long years = ChronoUnit.YEARS.between(contract.start(), day);
            if (increase.isEmpty() || increase.get().signum() <= 0 || years <= 0) {
                return p;
            }
            BigDecimal factor = BigDecimal.ONE.add(increase.get().movePointLeft(2)).pow((int) years);
            return p.multiply(factor).setScale(4, RoundingMode.HALF_UP);
        }

        BigDecimal indexed(LocalDate day, BigDecimal agreed) {
            List<IndexValue> cpi = ctx.indices().getOrDefault("CPI", List.of());
            if (cpi.isEmpty() || !ctx.term("cpiAdjust").map(Boolean::parseBoolean).orElse(true)) {
                return agreed;
            }
            LocalDate anniversary = yearOf(day)[0];
            if (!anniversary.isAfter(contract.start())) {
                return agreed;
            }
            List<IndexValue> sorted = cpi.stream().sorted(Comparator.comparing(IndexValue::date)).toList();
            BigDecimal base = latest(sorted, contract.start()).orElse(sorted.get(0).value());
            Optional<BigDecimal> now = latest(sorted, anniversary);
            if (now.isEmpty() || now.get().compareTo(base) <= 0) {
                return agreed;
            }
            return agreed.multiply(now.get()).divide(base, 4, RoundingMode.HALF_UP);
        }

        static Optional<BigDecimal> latest(List<IndexValue> sorted, LocalDate day) {
            return sorted.stream().filter(v -> !v.date().isAfter(day)).reduce((a, b) -> b).map(IndexValue::value);
        }

        boolean afterAgreedPeriod(LocalDate day) {
            return contract.end() != null && day.isAfter(contract.end());
        }

        void missing(String name, String rule, Long deviceId) {
            notices.add(new Notice(deviceId, "Price " + name + " is not set: its charge is left out until it is",
                    rule));
        }

        // --- periods

        /** Windows of {@code months} from the contract's start that have begun by the end, cut at the service end. */
        List<LocalDate[]> windows(int months) {
            List<LocalDate[]> list = new ArrayList<>();
            for (int i = 0; !contract.start().plusMonths((long) months * i).isAfter(end); i++) {
                LocalDate from = contract.start().plusMonths((long) months * i);
                LocalDate to = contract.start().plusMonths((long) months * (i + 1)).minusDays(1);
                list.add(new LocalDate[] {from, serviceEnd != null && serviceEnd.isBefore(to) ? serviceEnd : to});
            }
            return list;
        }

        /** Whether a window is over by the period's end, so its use can be billed. */
        boolean closed(LocalDate[] window) {
            return !window[1].isAfter(ctx.periodEnd());
        }

        LocalDate[] yearOf(LocalDate day) {
            long years = ChronoUnit.YEARS.between(contract.start(), day);
            return fullYear(contract.start().plusYears(Math.max(0, years)));
        }

        static LocalDate[] fullYear(LocalDate from) {
            return new LocalDate[] {from, from.plusYears(1).minusDays(1)};
        }

        long committed(Counter c) {
            return ctx.term("committed" + capital(c)).or(() -> ctx.term("minimum" + capital(c))).map(Long::parseLong)
                    .orElse(0L);
        }

        /** A4 pages of a counter family used by all the contract's own devices in a window. */
        long used(LocalDate[] window, Counter c) {
            return ctx.devices().stream().map(d -> usage(d, window)).filter(u -> u != null)
                    .mapToLong(u -> c.read().applyAsLong(u.counters())).sum();
        }

        /** A4 plus 2 x A3 (KMNO-BILL-3), towards a minimum or committed volume. */
        long usedA4Equivalent(LocalDate[] window, Counter c) {
            return used(window, c) + 2 * used(window, c == MONO_A4 ? MONO_A3 : COLOUR_A3);
        }

        static String capital(Counter c) {
            return c == MONO_A4 ? "MonoA4" : "ColourA4";
        }

        /** A yearly volume's share for a window (pro rata by months: 6 of 12 is half), to 4 decimals. */
        static BigDecimal share(long yearly, LocalDate[] window) {
            return plain(BigDecimal.valueOf(yearly).multiply(months(window[0], window[1]))
                    .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP));
        }

        /** Months from {@code from} to the end of {@code to}: whole months plus the rest's share of its month. */
        static BigDecimal months(LocalDate from, LocalDate to) {
            LocalDate stop = to.plusDays(1);
            long whole = ChronoUnit.MONTHS.between(from, stop);
            LocalDate rest = from.plusMonths(whole);
            long restDays = ChronoUnit.DAYS.between(rest, stop);
            long monthDays = ChronoUnit.DAYS.between(rest, rest.plusMonths(1));
            return plain(BigDecimal.valueOf(whole).add(BigDecimal.valueOf(restDays)
                    .divide(BigDecimal.valueOf(monthDays), 4, RoundingMode.HALF_UP)));
        }

        /** Without trailing zeros, never in exponent notation. */
        static BigDecimal plain(BigDecimal x) {
            BigDecimal stripped = x.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }

    /** KMNO-RENEW-1: whole calendar months after the notice's month up to the expiry (its month when it is the last). */
    static long wholeMonthsBetween(LocalDate notice, LocalDate expiry) {
        LocalDate firstWhole = notice.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWhole = expiry.plusDays(1).withDayOfMonth(1);
        return Math.max(0, ChronoUnit.MONTHS.between(firstWhole, afterLastWhole));
    }
}
