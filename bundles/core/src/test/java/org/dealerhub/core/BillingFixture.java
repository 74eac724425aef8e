package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.spi.Allowance;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.MeterHistory;
import org.dealerhub.core.billing.BillingEngine;

/**
 * The billing engine on a {@link TestPlatform}, with vendor acme's test policy deployed: NO at 25 % VAT, prices
 * {@code monthlyFee} 100.00, {@code clickMonoA4} 0.0333 and {@code slaBreachCredit} 250.00 NOK.
 */
final class BillingFixture implements AutoCloseable {

    public static final Caller ADMIN = TestPlatform.ADMIN;

    /**
     * Acme's test terms, a pure function of the whole history: {@code monthlyFee} for every calendar month from the
     * contract's start to the period's end (key {@code fee/YYYY-MM}); per device and month the mono A4 clicks
     * between the last readings before and in that month (key {@code mono/<device>/YYYY-MM}). Terms:
     * {@code deferAtOrBelow} defers small invoices, {@code explode} makes the policy throw.
     */
    public static final BillingPolicy ACME_POLICY = new BillingPolicy() {
        @Override
        public String vendorId() {
            return "acme";
        }

        @Override
        public BillingResult bill(BillingContext c) {
            if (c.term("explode").isPresent()) {
                throw new IllegalStateException("acme's policy fails on purpose");
            }
            List<Charge> charges = new ArrayList<>();
            for (YearMonth m = YearMonth.from(c.contract().start()); !m.atDay(1).isAfter(c.periodEnd());
                    m = m.plusMonths(1)) {
                charges.add(new Charge("fee/" + m, "Monthly fee " + m, null, "monthlyFee", m.atDay(1),
                        m.atEndOfMonth(), BigDecimal.ONE, c.price("monthlyFee", m.atDay(1)).orElseThrow(),
                        "ACME-FEE"));
            }
            for (BillingContext.DeviceUsage d : c.devices()) {
                TreeMap<YearMonth, Long> lastOfMonth = new TreeMap<>();
                d.readings().forEach(r -> lastOfMonth.put(YearMonth.from(r.date()), r.counters().monoA4()));
                Long previous = null;
                for (Map.Entry<YearMonth, Long> e : lastOfMonth.entrySet()) {
                    if (previous != null) {
                        YearMonth m = e.getKey();
                        charges.add(new Charge("mono/" + d.deviceId() + "/" + m, "Mono A4 clicks " + m,
                                d.deviceId(), "clickMonoA4", m.atDay(1), m.atEndOfMonth(),
                                BigDecimal.valueOf(e.getValue() - previous),
                                c.price("clickMonoA4", m.atDay(1)).orElseThrow(), "ACME-CLICK"));
                    }
                    previous = e.getValue();
                }
            }
            BigDecimal defer = c.term("deferAtOrBelow").map(BigDecimal::new).orElse(null);
            // term capMonoA4: a yearly cap of mono A4 clicks over the calendar year of the period's end
            List<Allowance> allowances = c.term("capMonoA4").map(cap -> c.devices().stream().map(d -> {
                LocalDate from = c.periodEnd().withDayOfYear(1);
                return Allowance.measured("cap/" + d.deviceId() + "/" + from.getYear(), "Mono A4 cap", d.deviceId(),
                        Allowance.Kind.CAP, "mono A4 pages", from, from.plusYears(1).minusDays(1),
                        Long.parseLong(cap), c.periodEnd(), d.readings().isEmpty() ? null
                                : d.readings().get(d.readings().size() - 1).date(),
                        (x, y) -> MeterHistory.used(d.readings(), x, y).monoA4(), "clickMonoA4",
                        c.price("clickMonoA4").orElse(null), "ACME-CAP");
            }).toList()).orElse(List.of());
            return new BillingResult(charges, List.of(), defer, defer == null ? null : "KMNO-BILL-4", allowances);
        }
    };

    public final TestPlatform platform = new TestPlatform();
    /** Acme's dated prices (BILL-PRICE-1), oldest first. */
    private final List<PriceList.Version> priceVersions = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(
            new PriceList.Version(null, new TreeMap<>(Map.of("monthlyFee", new BigDecimal("100.00"), "clickMonoA4",
                    new BigDecimal("0.0333"), BillingEngine.SLA_CREDIT, new BigDecimal("250.00"))))));
    public final BillingEngine engine;

    public BillingFixture() throws Exception {
        this(Map.of());
    }

    public BillingFixture(Map<String, Object> config) throws Exception {
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindBillingPolicy(ACME_POLICY, TestPlatform.ACME);
        PriceBook prices = new PriceBook() {
            @Override
            public List<PriceList> prices(Caller caller, String vendor, String market) {
                return List.of(price(caller, vendor, market, "BASIC"));
            }

            @Override
            public PriceList price(Caller caller, String vendor, String market, String packageCode) {
                if (!"acme".equals(vendor)) {
                    throw DomainException.notFound("prices", packageCode);
                }
                return new PriceList(vendor, market, packageCode, java.util.Currency.getInstance("NOK"),
                        priceVersions.get(priceVersions.size() - 1).prices(), priceVersions);
            }

            @Override
            public Changed change(Caller caller, String vendor, String market, String packageCode,
                    String expectedTag, PriceList.Change change) {
                throw new UnsupportedOperationException();
            }
        };
        engine = new BillingEngine(platform.store, platform.vendors, platform.contracts, prices, platform.clock,
                Configs.of(BillingEngine.Config.class, config));
        ConfiguredMarket norway = new ConfiguredMarket();
        norway.configure(ConfiguredMarketTest.config(Map.of("code", "NO", "currency", "NOK", "zone", "Europe/Oslo",
                "vatRate", "25")));
        engine.bindMarket(norway);
    }

    public long organisation(String name) {
        return platform.organisations.create(ADMIN, new Organisation.Draft(name, "C-" + name, "S-" + name, "NO"))
                .id();
    }

    public long device(long organisation, String serial) {
        return platform.devices.create(ADMIN, new Device.Draft(organisation, "acme", "A1", "A", DeviceFormat.A4_MONO,
                serial, null, null, false)).id();
    }

    public Contract contract(long organisation, LocalDate start, long... devices) {
        return platform.contracts.create(ADMIN, new Contract.Draft(organisation, "acme", "NO", "BASIC", start, null,
                java.util.Arrays.stream(devices).boxed().toList()));
    }

    /** A reading of the mono A4 counter only. */
    public void reading(long device, LocalDate day, long monoA4) {
        List<MeterReading.Outcome> outcomes = platform.readings.submit(ADMIN, device,
                List.of(new MeterReading.Draft(day, new Counters(monoA4, 0, 0, 0, 0, 0))));
        if (!outcomes.get(0).accepted()) {
            throw new IllegalStateException(outcomes.get(0).error());
        }
    }

    /** A new version of acme's prices from {@code day}: the latest one with {@code name} set to {@code amount}. */
    public void price(LocalDate day, String name, String amount) {
        TreeMap<String, BigDecimal> prices = new TreeMap<>(priceVersions.get(priceVersions.size() - 1).prices());
        prices.put(name, new BigDecimal(amount));
        priceVersions.add(new PriceList.Version(day, prices));
    }

    public BillingRun run(LocalDate from, LocalDate to) {
        return engine.run(ADMIN, new BillingRun.Request(from, to, null, false), null);
    }

    public void terms(long contract, Map<String, String> terms) {
        platform.contracts.setBillingTerms(ADMIN, contract, platform.contracts.get(ADMIN, contract).version(),
                terms);
    }

    @Override
    public void close() {
        platform.close();
    }
}
