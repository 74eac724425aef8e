package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A price change answers "applied" only once the price component has the new amounts (the configuration event),
 * and "stored, not applied" with the old prices in effect when that does not happen within the wait.
 */
class PriceChangeWaitTest {

    /** ConfigAdmin's part: stores the properties and hands them on, asynchronously, to whoever listens. */
    private static ConfigurationAdmin configurationAdmin(Consumer<Dictionary<String, Object>> delivery) {
        AtomicReference<Dictionary<String, Object>> stored = new AtomicReference<>();
        Configuration configuration = (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> stored.get() == null ? null : copy(stored.get());
                    case "update" -> {
                        @SuppressWarnings("unchecked")
                        Dictionary<String, Object> properties = copy((Dictionary<String, Object>) args[0]);
                        stored.set(properties);
                        CompletableFuture.runAsync(() -> delivery.accept(properties));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getFactoryConfiguration")) {
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (String key : java.util.Collections.list(d.keys())) {
            copy.put(key, d.get(key));
        }
        return copy;
    }

    /** The price component as DS runs it: configured from the delivered properties. */
    private static PriceSource source(Dictionary<String, Object> properties) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            if (key.startsWith(PriceBookService.PRICE_PREFIX)) {
                prices.put(key.substring(PriceBookService.PRICE_PREFIX.length()),
                        new BigDecimal(String.valueOf(properties.get(key))));
            }
        }
        PriceSource.Entry entry = new PriceSource.Entry("acme", "NO", "BASIC", prices);
        return () -> entry;
    }

    private static PriceBookService service(TestPlatform platform, boolean deliver, Duration wait) {
        AtomicReference<PriceBookService> self = new AtomicReference<>();
        PriceBookService prices = new PriceBookService(configurationAdmin(properties -> {
            if (deliver) {
                self.get().bindSource(source(properties));
            }
        }), platform.markets, platform.vendors, wait);
        self.set(prices);
        return prices;
    }

    @Test
    void aChangeIsReportedAppliedOnlyOnceTheConfigurationEventHasIt() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.deploy(TestPlatform.acme("2026", "Basic"));
            PriceBookService prices = service(platform, true, Duration.ofSeconds(5));
            PriceBook.Changed changed = prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", null,
                    new PriceList.Change(Map.of("monthlyFee", new BigDecimal("820"))));
            assertTrue(changed.applied());
            assertEquals(0, new BigDecimal("820").compareTo(changed.prices().prices().get("monthlyFee")));
            assertEquals(changed.prices(), prices.price(TestPlatform.ADMIN, "acme", "NO", "BASIC"));
        }
    }

    @Test
    void aChangeNotAppliedWithinTheWaitSaysSoAndShowsThePricesStillInEffect() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.deploy(TestPlatform.acme("2026", "Basic"));
            PriceBookService prices = service(platform, false, Duration.ofMillis(300));
            long start = System.nanoTime();
            PriceBook.Changed changed = prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", null,
                    new PriceList.Change(Map.of("monthlyFee", new BigDecimal("820"))));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertFalse(changed.applied());
            assertTrue(changed.prices().prices().isEmpty(), "nothing was in effect, nothing is claimed");
            assertTrue(changed.message().contains("etc/org.dealerhub.price-acme-NO-BASIC.cfg"), changed.message());
            assertTrue(tookMs >= 300 && tookMs < 3000, "waited " + tookMs + " ms");
            assertEquals(List.of(), prices.prices(TestPlatform.ADMIN, "acme", "NO"));
        }
    }
}
