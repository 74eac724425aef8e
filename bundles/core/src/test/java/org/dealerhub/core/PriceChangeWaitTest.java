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
        Map<String, Object> map = new java.util.HashMap<>();
        for (String key : java.util.Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        PriceSource.Entry entry = new PriceSource.Entry("acme", "NO", "BASIC", PriceBookService.versions(map));
        return () -> entry;
    }

    private static PriceBookService service(TestPlatform platform, boolean deliver, Duration wait) {
        AtomicReference<PriceBookService> self = new AtomicReference<>();
        PriceBookService prices = new PriceBookService(configurationAdmin(properties -> {
            if (deliver) {
                self.get().bindSource(source(properties));
            }
        }), platform.markets, platform.vendors, platform.clock, wait);
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

    @Test
    void BILL_PRICE_1_aDatedChangeAddsAVersionAndKeepsTheEarlierPrices() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.deploy(TestPlatform.acme("2026", "Basic"));
            platform.clock.set(java.time.Instant.parse("2026-11-29T12:00:00Z"));
            PriceBookService prices = service(platform, true, Duration.ofSeconds(5));
            // today (29 November in Oslo): 820, both prices; then from 1 January a fee of 900, the click kept
            prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", null, new PriceList.Change(Map.of(
                    "monthlyFee", new BigDecimal("820"), "clickMonoA4", new BigDecimal("0.04"))));
            String before = prices.price(TestPlatform.ADMIN, "acme", "NO", "BASIC").tag();
            PriceBook.Changed changed = prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", before,
                    new PriceList.Change(Map.of("monthlyFee", new BigDecimal("900")),
                            java.time.LocalDate.of(2027, 1, 1)));
            assertTrue(changed.applied());
            PriceList list = changed.prices();
            assertEquals(0, new BigDecimal("820").compareTo(list.prices().get("monthlyFee")), "today's price");
            assertEquals(List.of(java.time.LocalDate.of(2026, 11, 29), java.time.LocalDate.of(2027, 1, 1)),
                    list.versions().stream().map(PriceList.Version::validFrom).toList());
            assertEquals(0, new BigDecimal("900").compareTo(list.on(java.time.LocalDate.of(2027, 1, 1))
                    .get("monthlyFee")));
            assertEquals(0, new BigDecimal("0.04").compareTo(list.on(java.time.LocalDate.of(2027, 1, 1))
                    .get("clickMonoA4")), "a dated version is complete: the click is kept");
            assertEquals(0, new BigDecimal("820").compareTo(list.on(java.time.LocalDate.of(2026, 12, 31))
                    .get("monthlyFee")));
            // before the first version: the earliest one
            assertEquals(0, new BigDecimal("820").compareTo(list.on(java.time.LocalDate.of(2020, 1, 1))
                    .get("monthlyFee")));
            assertTrue(!before.equals(list.tag()), "a future version changes the ETag");
        }
    }

    @Test
    void BILL_PRICE_1_undatedAndDatedKeysReadAsVersions() {
        List<PriceList.Version> versions = PriceBookService.versions(Map.of("vendor", "acme",
                "price.monthlyFee", "800", "price.option.USER-TRAINING", "1290",
                "price.2027-01-01.monthlyFee", "900", "price.2027-01-01.option.USER-TRAINING", "1290"));
        assertEquals(2, versions.size());
        assertEquals(null, versions.get(0).validFrom());
        assertEquals(Map.of("monthlyFee", new BigDecimal("800"), "option.USER-TRAINING", new BigDecimal("1290")),
                versions.get(0).prices());
        assertEquals(java.time.LocalDate.of(2027, 1, 1), versions.get(1).validFrom());
        assertEquals(new BigDecimal("900"), versions.get(1).prices().get("monthlyFee"));
    }

    @Test
    void BILL_PRICE_1_twoDatedChangesFromOneVersionNeverBothSucceed() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.deploy(TestPlatform.acme("2026", "Basic"));
            PriceBookService prices = service(platform, true, Duration.ofSeconds(5));
            prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", null,
                    new PriceList.Change(Map.of("monthlyFee", new BigDecimal("820"))));
            String tag = prices.price(TestPlatform.ADMIN, "acme", "NO", "BASIC").tag();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            PriceList list;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
                for (String fee : List.of("900", "950")) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            return prices.change(TestPlatform.ADMIN, "acme", "NO", "BASIC", tag,
                                    new PriceList.Change(Map.of("monthlyFee", new BigDecimal(fee)),
                                            java.time.LocalDate.of(2027, 1, 1))).prices();
                        } catch (org.dealerhub.api.DomainException e) {
                            return e.kind().name();
                        }
                    }));
                }
                List<Object> results = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Object> f : outcomes) {
                    results.add(f.get());
                }
                assertEquals(1, results.stream().filter("PRECONDITION_FAILED"::equals).count(), results.toString());
                list = (PriceList) results.stream().filter(PriceList.class::isInstance).findFirst().orElseThrow();
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2, list.versions().size(), "one dated version, the earlier one kept");
            BigDecimal fee = list.on(java.time.LocalDate.of(2027, 1, 1)).get("monthlyFee");
            assertTrue(fee.compareTo(new BigDecimal("900")) == 0 || fee.compareTo(new BigDecimal("950")) == 0);
        }
    }
}
