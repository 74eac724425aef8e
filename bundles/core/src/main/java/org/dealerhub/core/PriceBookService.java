package org.dealerhub.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.VendorCatalog;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices are configuration: read from the {@link ConfiguredPrice} factory configurations, changed through
 * ConfigAdmin (Karaf writes the change back to the etc/ file, so it survives restarts), in the market's currency.
 * BILL-PRICE-1 (platform decision): prices are dated. A change takes effect from its {@code validFrom} day (today
 * in the market when not given) as a complete version of the package's prices; the versions before that day keep
 * their amounts in the same file, so billing a period again, or billing it late, uses the prices in force in it.
 */
@Component
public class PriceBookService implements PriceBook {

    static final String FACTORY_PID = "org.dealerhub.price";
    static final String PRICE_PREFIX = "price.";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z0-9-]+)?");
    /** Amounts are kept to at most four decimals (click prices are fractions of the currency unit). */
    private static final int MAX_SCALE = 4;
    /** How long a change waits for ConfigAdmin to apply it before it answers "stored, not yet applied". */
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PriceBookService.class);
    /** At most this many prices per change, each at most MAX_AMOUNT per unit (platform decision: no printer service
     * costs more; more is a typing error). */
    static final int MAX_PRICES = 200;
    static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);

    private final List<PriceSource> sources = new CopyOnWriteArrayList<>();
    private final Set<Pending> waiting = ConcurrentHashMap.newKeySet();
    private final Duration applyTimeout;
    private final ConfigurationAdmin configurationAdmin;
    private final MarketService markets;
    private final VendorCatalog vendors;
    private final Clock clock;

    @Activate
    public PriceBookService(@Reference ConfigurationAdmin configurationAdmin, @Reference MarketService markets,
            @Reference VendorCatalog vendors, @Reference Clock clock) {
        this(configurationAdmin, markets, vendors, clock, APPLY_TIMEOUT);
    }

    PriceBookService(ConfigurationAdmin configurationAdmin, MarketService markets, VendorCatalog vendors,
            Clock clock, Duration applyTimeout) {
        this.configurationAdmin = configurationAdmin;
        this.markets = markets;
        this.vendors = vendors;
        this.clock = clock;
        this.applyTimeout = applyTimeout;
    }

    /** ConfigAdmin delivers a change on its own thread: a new price component, or new service properties. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedSource")
    void bindSource(PriceSource source) {
        sources.add(source);
        updatedSource(source);
    }

    void updatedSource(PriceSource source) {
        PriceSource.Entry entry = source.entry();
        waiting.forEach(p -> p.offer(entry));
    }

    void unbindSource(PriceSource source) {
        sources.remove(source);
    }

    @Override
    public List<PriceList> prices(Caller caller, String vendor, String market) {
        Access.requireDealer(caller);
        Market m = market(market);
        return sources.stream().map(PriceSource::entry)
                .filter(e -> e.vendor().equals(vendor) && e.market().equals(market))
                .sorted(Comparator.comparing(PriceSource.Entry::packageCode))
                .map(e -> toList(e, m, today(m))).toList();
    }

    @Override
    public PriceList price(Caller caller, String vendor, String market, String packageCode) {
        Access.requireDealer(caller);
        Market m = market(market);
        return entry(vendor, market, packageCode).map(e -> toList(e, m, today(m)))
                .orElseThrow(() -> DomainException.notFound("prices of " + vendor + " " + market, packageCode));
    }

    @Override
    public Changed change(Caller caller, String vendor, String market, String packageCode, String expectedTag,
            PriceList.Change change) {
        Access.requireAdmin(caller, "change prices");
        Market m = market(market);
        if (vendors.packages(vendor, market).stream().noneMatch(p -> p.code().equals(packageCode))) {
            throw DomainException.invalid("packageCode", "vendor " + vendor + " has no package " + packageCode
                    + " in market " + market);
        }
        if (change == null || change.prices() == null || change.prices().isEmpty()) {
            throw DomainException.invalid("prices", "at least one named price is required");
        }
        if (change.prices().size() > MAX_PRICES) {
            throw DomainException.invalid("prices", "at most " + MAX_PRICES + " prices per change");
        }
        Map<String, BigDecimal> valid = new TreeMap<>();
        change.prices().forEach((name, amount) -> valid.put(name, validAmount(name, amount)));
        LocalDate validFrom = change.validFrom() == null ? today(m) : Checks.date(change.validFrom(), "validFrom");
        String instance = vendor + "-" + market + "-" + packageCode;
        // registered before the write, so the configuration event cannot pass unseen
        Pending pending = new Pending(vendor, market, packageCode, validFrom, valid, new CompletableFuture<>());
        waiting.add(pending);
        try {
            write(instance, vendor, market, packageCode, m, expectedTag, validFrom, valid);
            entry(vendor, market, packageCode).ifPresent(pending::offer);
            PriceSource.Entry applied = pending.applied().get(applyTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Changed(true, toList(applied, m, today(m)), "applied");
        } catch (TimeoutException | ExecutionException e) {
            return notApplied(vendor, market, packageCode, m, instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notApplied(vendor, market, packageCode, m, instance);
        } finally {
            waiting.remove(pending);
        }
    }

    /** Stored, but the price component did not take it within the wait: say so, with the prices in effect. */
    private Changed notApplied(String vendor, String market, String packageCode, Market m, String instance) {
        LOG.warn("Price change of {} not applied within {} ms", instance, applyTimeout.toMillis());
        PriceList inEffect = entry(vendor, market, packageCode).map(e -> toList(e, m, today(m)))
                .orElse(new PriceList(vendor, market, packageCode, m.currency(), new TreeMap<>()));
        return new Changed(false, inEffect, "the change is stored in etc/" + FACTORY_PID + "-" + instance
                + ".cfg but was not applied within " + applyTimeout.toSeconds() + " s; GET this price list to see"
                + " when it is, and the log (ConfiguredPrice) if it never is");
    }

    /**
     * One writer at a time: read, compare with the version the change is based on and write as one step, so two
     * changes based on one version never both succeed and no admin loses another's prices. BILL-PRICE-1: the change
     * goes into the version from {@code validFrom}, made as a complete copy of the version in force that day when
     * there is none from that very day; other versions keep their amounts.
     */
    private synchronized void write(String instance, String vendor, String market, String packageCode, Market m,
            String expectedTag, LocalDate validFrom, Map<String, BigDecimal> valid) {
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, instance, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            List<PriceList.Version> versions = versions(properties);
            if (expectedTag != null && !expectedTag.equals(new PriceList(vendor, market, packageCode, m.currency(),
                    new TreeMap<>(), versions).tag())) {
                throw new DomainException(DomainException.Kind.PRECONDITION_FAILED, "the prices of " + vendor + " "
                        + market + " " + packageCode + " have changed since you read them: read them again",
                        "If-Match", null);
            }
            if (properties == null) {
                properties = new Hashtable<>();
                properties.put("vendor", vendor);
                properties.put("market", market);
                properties.put("package", packageCode);
            }
            Map<String, BigDecimal> version = new TreeMap<>(versions.isEmpty() ? Map.of()
                    : PriceList.Version.inForce(versions, validFrom).prices());
            version.putAll(valid);
            for (Map.Entry<String, BigDecimal> e : version.entrySet()) {
                properties.put(PRICE_PREFIX + validFrom + "." + e.getKey(), e.getValue().toPlainString());
            }
            configuration.update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the prices of " + vendor + " " + packageCode, e);
        }
    }

    /** The versions a configuration holds now (none before the first change). */
    private static List<PriceList.Version> versions(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
        }
        return versions(map);
    }

    /**
     * BILL-PRICE-1: the dated versions in configuration properties, oldest first: {@code price.<name>} in force
     * since ever, {@code price.<yyyy-MM-dd>.<name>} from that day (a price name starts with a letter, a day with a
     * digit).
     */
    static List<PriceList.Version> versions(Map<String, Object> properties) {
        Map<LocalDate, Map<String, BigDecimal>> byDay = new HashMap<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(PRICE_PREFIX)) {
                return;
            }
            String rest = key.substring(PRICE_PREFIX.length());
            LocalDate day = null;
            if (!rest.isEmpty() && Character.isDigit(rest.charAt(0)) && rest.indexOf('.') > 0) {
                try {
                    day = LocalDate.parse(rest.substring(0, rest.indexOf('.')));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("price key " + key + ": not a day before the name", e);
                }
                rest = rest.substring(rest.indexOf('.') + 1);
            }
            byDay.computeIfAbsent(day, d -> new TreeMap<>()).put(rest, new BigDecimal(String.valueOf(value).trim()));
        });
        List<PriceList.Version> versions = new ArrayList<>();
        byDay.forEach((day, prices) -> versions.add(new PriceList.Version(day, new TreeMap<>(prices))));
        versions.sort(Comparator.comparing(PriceList.Version::validFrom,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return versions;
    }

    /** A change waiting for its configuration event: done when the version from its day holds the amounts. */
    private record Pending(String vendor, String market, String packageCode, LocalDate validFrom,
            Map<String, BigDecimal> changed, CompletableFuture<PriceSource.Entry> applied) {
        void offer(PriceSource.Entry e) {
            if (e.vendor().equals(vendor) && e.market().equals(market) && e.packageCode().equals(packageCode)
                    && PriceBookService.applied(e.prices(validFrom), changed)) {
                applied.complete(e);
            }
        }
    }

    private Optional<PriceSource.Entry> entry(String vendor, String market, String packageCode) {
        return sources.stream().map(PriceSource::entry)
                .filter(e -> e.vendor().equals(vendor) && e.market().equals(market)
                        && e.packageCode().equals(packageCode))
                .findFirst();
    }

    private static boolean applied(Map<String, BigDecimal> current, Map<String, BigDecimal> changed) {
        return changed.entrySet().stream().allMatch(c -> current.containsKey(c.getKey())
                && current.get(c.getKey()).compareTo(c.getValue()) == 0);
    }

    /** A price name like monthlyFee or option.USER-TRAINING; an amount of 0..1,000,000 with at most four decimals. */
    static BigDecimal validAmount(String name, BigDecimal amount) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid("prices", "invalid price name " + name);
        }
        if (amount == null) {
            throw DomainException.invalid("prices." + name, "an amount is required");
        }
        return Checks.amount(amount, "prices." + name, MAX_AMOUNT, MAX_SCALE);
    }

    private Market market(String code) {
        return markets.market(code).orElseThrow(() -> DomainException.notFound("market", code));
    }

    private LocalDate today(Market m) {
        return LocalDate.now(clock.withZone(m.zone()));
    }

    private static PriceList toList(PriceSource.Entry e, Market m, LocalDate today) {
        return new PriceList(e.vendor(), e.market(), e.packageCode(), m.currency(), new TreeMap<>(e.prices(today)),
                e.versions());
    }
}
