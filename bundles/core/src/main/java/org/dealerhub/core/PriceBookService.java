package org.dealerhub.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * Prices are configuration: read from the {@link ConfiguredPrice} factory configurations, changed through
 * ConfigAdmin (Karaf writes the change back to the etc/ file, so it survives restarts), in the market's currency.
 */
@Component
public class PriceBookService implements PriceBook {

    static final String FACTORY_PID = "org.dealerhub.price";
    static final String PRICE_PREFIX = "price.";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z0-9-]+)?");
    /** Amounts are kept to at most four decimals (click prices are fractions of the currency unit). */
    private static final int MAX_SCALE = 4;
    /** The highest price of one unit (platform decision: no printer service costs more; more is a typing error). */
    static final int MAX_PRICES = 200;
    static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);
    private static final long APPLY_TIMEOUT_NANOS = 5_000_000_000L;

    private final List<PriceSource> sources = new CopyOnWriteArrayList<>();
    private final ConfigurationAdmin configurationAdmin;
    private final MarketService markets;
    private final VendorCatalog vendors;

    @Activate
    public PriceBookService(@Reference ConfigurationAdmin configurationAdmin, @Reference MarketService markets,
            @Reference VendorCatalog vendors) {
        this.configurationAdmin = configurationAdmin;
        this.markets = markets;
        this.vendors = vendors;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(PriceSource source) {
        sources.add(source);
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
                .map(e -> toList(e, m)).toList();
    }

    @Override
    public PriceList price(Caller caller, String vendor, String market, String packageCode) {
        Access.requireDealer(caller);
        Market m = market(market);
        return entry(vendor, market, packageCode).map(e -> toList(e, m))
                .orElseThrow(() -> DomainException.notFound("prices of " + vendor + " " + market, packageCode));
    }

    @Override
    public PriceList change(Caller caller, String vendor, String market, String packageCode, PriceList.Change change) {
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
        try {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID,
                    vendor + "-" + market + "-" + packageCode, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                properties = new Hashtable<>();
                properties.put("vendor", vendor);
                properties.put("market", market);
                properties.put("package", packageCode);
            }
            for (Map.Entry<String, BigDecimal> e : valid.entrySet()) {
                properties.put(PRICE_PREFIX + e.getKey(), e.getValue().toPlainString());
            }
            configuration.update(properties);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the prices of " + vendor + " " + packageCode, e);
        }
        return new PriceList(vendor, market, packageCode, m.currency(), awaitApplied(vendor, market, packageCode,
                valid));
    }

    /**
     * ConfigAdmin hands the change to the price component on its own thread: wait (briefly) until the component
     * has it, so a read right after a change sees it.
     */
    private TreeMap<String, BigDecimal> awaitApplied(String vendor, String market, String packageCode,
            Map<String, BigDecimal> changed) {
        long deadline = System.nanoTime() + APPLY_TIMEOUT_NANOS;
        Map<String, BigDecimal> current = current(vendor, market, packageCode);
        while (!applied(current, changed) && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current = current(vendor, market, packageCode);
        }
        TreeMap<String, BigDecimal> merged = new TreeMap<>(current);
        merged.putAll(changed);
        return merged;
    }

    private Map<String, BigDecimal> current(String vendor, String market, String packageCode) {
        return entry(vendor, market, packageCode).map(PriceSource.Entry::prices).orElse(Map.of());
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

    private static PriceList toList(PriceSource.Entry e, Market m) {
        return new PriceList(e.vendor(), e.market(), e.packageCode(), m.currency(), new TreeMap<>(e.prices()));
    }
}
