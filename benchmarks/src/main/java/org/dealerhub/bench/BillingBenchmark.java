package org.dealerhub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Market;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.core.ContractServiceImpl;
import org.dealerhub.core.MarketSource;
import org.dealerhub.core.VendorRegistry;
import org.dealerhub.core.billing.BillingEngine;
import org.dealerhub.core.calendar.HolidaySource;
import org.dealerhub.persistence.JpaStore;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The billing engine at scale (issue 10), not a test: N contracts (one device each, 12 monthly readings each) on an
 * embedded Derby database on disk (or a fresh schema on PostgreSQL), billed for a year by the real engine (a page of
 * contracts per transaction), with the raw-JDBC floor measured in the same process beside it: the scan of all
 * readings and the batched insert rate, and what the run would take at that floor (scan + its rows written at that
 * rate). Peak heap is the JVM's peak over the run (run with a small -Xmx to prove it flat: the engine streams pages).
 *
 * <p>Usage: {@code java -cp ... org.dealerhub.bench.BillingBenchmark DIR [contracts] [PG-JDBC-URL]}; DIR must not
 * exist yet (the Derby database is created there); with a PostgreSQL URL (user and password {@code dealerhub}) the
 * data goes to a new schema there instead, dropped at the end.
 */
public final class BillingBenchmark {

    static final LocalDate YEAR = LocalDate.of(2025, 1, 1);
    /** A {@code ServicePackage} as the core writes a contract's snapshot. */
    static final String PACKAGE_SNAPSHOT = "{\"vendorId\":\"bench\",\"market\":\"NO\",\"code\":\"BASIC\","
            + "\"name\":\"Basic\",\"termsVersion\":\"2025\",\"response\":{\"kind\":\"NEXT_BUSINESS_DAY\","
            + "\"businessHours\":0,\"description\":\"NBD\",\"rule\":null},\"inclusions\":[],\"exclusions\":[],"
            + "\"volumeCaps\":[]}";

    /** A year's fee (12 × monthlyFee) and each device's mono clicks over the year: two lines per contract. */
    static final BillingPolicy POLICY = new BillingPolicy() {
        @Override
        public String vendorId() {
            return "bench";
        }

        @Override
        public BillingResult bill(BillingContext c) {
            BigDecimal fee = c.price("monthlyFee").orElseThrow();
            BigDecimal click = c.price("clickMonoA4").orElseThrow();
            List<Charge> charges = new java.util.ArrayList<>();
            charges.add(new Charge("fee/" + c.periodStart().getYear(), "Monthly fees " + c.periodStart().getYear(),
                    null, "monthlyFee", c.periodStart(), c.periodEnd(), BigDecimal.valueOf(12), fee, "BENCH-FEE"));
            for (BillingContext.DeviceUsage d : c.devices()) {
                if (d.readings().size() > 1) {
                    long clicks = d.readings().get(d.readings().size() - 1).counters().monoA4()
                            - d.readings().get(0).counters().monoA4();
                    charges.add(new Charge("mono/" + d.deviceId() + "/" + c.periodStart().getYear(), "Mono clicks",
                            d.deviceId(), "clickMonoA4", c.periodStart(), c.periodEnd(), BigDecimal.valueOf(clicks),
                            click, "BENCH-CLICK"));
                }
            }
            return BillingResult.of(charges, List.of());
        }
    };

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BillingBenchmark DIR [contracts]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int contracts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        if (Files.exists(dir)) {
            System.err.println("error: " + dir + " exists already");
            System.exit(2);
        }
        String pg = args.length > 2 ? args[2] : null;
        String schema = "bench" + ProcessHandle.current().pid();
        DataSource ds = pg == null ? derby(dir) : postgresql(pg, schema);
        System.out.printf("%s; %d cores; load average at start %s%n", pg == null ? "Derby " + dir : "PostgreSQL "
                + pg + " schema " + schema, Runtime.getRuntime().availableProcessors(), loadAverage());
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("dealerhub",
                Map.of("javax.persistence.nonJtaDataSource", ds, "eclipselink.logging.level", "SEVERE"));
        JpaStore store = JpaStore.migrating(ds, emf);
        long t0 = System.nanoTime();
        long rows = load(ds, contracts);
        double loadS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Loaded %,d contracts with %,d readings (%,d rows) by JDBC batches in %.1f s: %,.0f rows/s"
                + " (the batched-insert floor)%n", contracts, contracts * 12L, rows, loadS, rows / loadS);
        t0 = System.nanoTime();
        long scanned = scan(ds);
        double scanS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Raw JDBC scan of %,d readings: %.1f s%n", scanned, scanS);
        double insertRate = rows / loadS;

        Clock clock = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
        VendorRegistry vendors = new VendorRegistry(clock);
        vendors.bindBillingPolicy(POLICY, Map.of(VendorProfile.VENDOR_ID, "bench"));
        BillingEngine engine = new BillingEngine(store, vendors, new ContractServiceImpl(store, null, clock),
                prices(), clock, config());
        engine.bindMarket(norway());
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.gc();
        long heapBefore = used();
        long start = System.nanoTime();
        BillingRun run = engine.run(Caller.system(), new BillingRun.Request(YEAR, YEAR.plusYears(1).minusDays(1),
                null, false), (done, total) -> {
                    if (done % 10_000 == 0) {
                        System.out.printf("  %,d / %,d contracts after %.1f s, heap used %,d MB%n", done, total,
                                (System.nanoTime() - start) / 1e9, used() >> 20);
                    }
                });
        double runS = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("Billing run: %,d contracts, %,d invoices, %,d lines in %.1f s (%,.0f contracts/s);"
                + " heap used before %,d MB, peak (sum of the pools' peaks) %,d MB, -Xmx %,d MB%n", run.contracts(),
                run.invoiced(), run.lines(), runS, run.contracts() / runS, heapBefore >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        double floorS = scanS + (run.invoiced() + run.lines()) / insertRate;
        System.out.printf("Raw floor for this run: scan %.1f s + %,d rows at %,.0f rows/s = %.1f s; the run took %.1f"
                + " times that; load average now %s%n", scanS, run.invoiced() + run.lines(), insertRate, floorS,
                runS / floorS, loadAverage());
        if (run.parkedCount() > 0) {
            System.out.printf("Parked: %,d, e.g. %s%n", run.parkedCount(), run.parked().get(0));
        }
        long againStart = System.nanoTime();
        BillingRun again = engine.run(Caller.system(), new BillingRun.Request(YEAR, YEAR.plusYears(1).minusDays(1),
                null, false), null);
        System.out.printf("The same run again: %,d invoiced, %,d unchanged in %.1f s%n", again.invoiced(),
                again.unchanged(), (System.nanoTime() - againStart) / 1e9);
        emf.close();
        if (pg != null) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static DataSource derby(Path dir) {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName(dir.toAbsolutePath().toString());
        derby.setCreateDatabase("create");
        return derby;
    }

    static DataSource postgresql(String url, String schema) throws Exception {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser("dealerhub");
        pg.setPassword("dealerhub");
        try (Connection c = pg.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        pg.setCurrentSchema(schema);
        return pg;
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Organisations of 10 contracts each; one device per contract with 12 month-end readings of 2025. */
    static long load(DataSource ds, int contracts) throws Exception {
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
            try (PreparedStatement org = c.prepareStatement("INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT,"
                    + " SYSTEM_ACCOUNT, MARKET) VALUES (?, ?, ?, ?, 'NO')");
                    PreparedStatement dev = c.prepareStatement("INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR, MODEL,"
                            + " FORMAT, SERIAL_NUMBER, REMOTELY_MONITORED) VALUES (?, ?, 'bench', 'B1', 'A4_MONO', ?, 1)");
                    PreparedStatement con = c.prepareStatement("INSERT INTO CONTRACT (ID, ORGANISATION_ID, VENDOR,"
                            + " MARKET, PACKAGE_CODE, START_DATE, TERMS_VERSION, PACKAGE_SNAPSHOT, SIGNED_AT) VALUES"
                            + " (?, ?, 'bench', 'NO', 'BASIC', ?, '2025', ?, ?)");
                    PreparedStatement cd = c.prepareStatement("INSERT INTO CONTRACT_DEVICE (CONTRACT_ID, DEVICE_ID)"
                            + " VALUES (?, ?)");
                    PreparedStatement rd = c.prepareStatement("INSERT INTO METER_READING (ID, DEVICE_ID, READING_DATE,"
                            + " MONO_A4, COLOUR_A4, MONO_A3, COLOUR_A3, BANNER, SCANS, ACCEPTED_AT, ACCEPTED_BY)"
                            + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, 'bench')")) {
                long reading = 0;
                for (int i = 1; i <= contracts; i++) {
                    if (i % 10 == 1) {
                        long o = i / 10 + 1;
                        org.setLong(1, o);
                        org.setString(2, "Org " + o);
                        org.setString(3, "C" + o);
                        org.setString(4, "S" + o);
                        org.addBatch();
                        rows++;
                    }
                    long o = (i - 1) / 10 + 1;
                    dev.setLong(1, i);
                    dev.setLong(2, o);
                    dev.setString(3, "SN" + i);
                    dev.addBatch();
                    con.setLong(1, i);
                    con.setLong(2, o);
                    con.setDate(3, Date.valueOf(YEAR));
                    con.setString(4, PACKAGE_SNAPSHOT);
                    con.setTimestamp(5, now);
                    con.addBatch();
                    cd.setLong(1, i);
                    cd.setLong(2, i);
                    cd.addBatch();
                    for (int m = 1; m <= 12; m++) {
                        rd.setLong(1, ++reading);
                        rd.setLong(2, i);
                        rd.setDate(3, Date.valueOf(YEAR.plusMonths(m).minusDays(1)));
                        rd.setLong(4, 1000L * m + i % 500);
                        rd.setTimestamp(5, now);
                        rd.addBatch();
                    }
                    rows += 15;
                    if (i % 1000 == 0 || i == contracts) {
                        org.executeBatch();
                        dev.executeBatch();
                        con.executeBatch();
                        cd.executeBatch();
                        rd.executeBatch();
                        c.commit();
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE ID_SEQUENCE SET SEQ_COUNT = " + (contracts * 12L + 1)
                        + " WHERE SEQ_NAME = 'METER_READING'");
                st.executeUpdate("UPDATE ID_SEQUENCE SET SEQ_COUNT = " + (contracts + 1)
                        + " WHERE SEQ_NAME IN ('ORGANISATION', 'DEVICE', 'CONTRACT')");
            }
            c.commit();
        }
        return rows;
    }

    static long scan(DataSource ds) throws Exception {
        long n = 0;
        long sum = 0;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false); // PostgreSQL streams only in a transaction with a fetch size
            st.setFetchSize(10_000);
            ResultSet rs = st.executeQuery("SELECT DEVICE_ID, READING_DATE, MONO_A4 FROM METER_READING");
            while (rs.next()) {
                sum += rs.getLong(1) + rs.getLong(3);
                rs.getDate(2);
                n++;
            }
            rs.close();
            c.rollback();
        }
        return sum == 0 ? -1 : n;
    }

    static PriceBook prices() {
        return new PriceBook() {
            final PriceList list = new PriceList("bench", "NO", "BASIC", Currency.getInstance("NOK"), new TreeMap<>(
                    Map.of("monthlyFee", new BigDecimal("250"), "clickMonoA4", new BigDecimal("0.0333"))));

            @Override
            public List<PriceList> prices(Caller caller, String vendor, String market) {
                return List.of(list);
            }

            @Override
            public PriceList price(Caller caller, String vendor, String market, String packageCode) {
                return list;
            }

            @Override
            public Changed change(Caller caller, String vendor, String market, String packageCode, String tag,
                    PriceList.Change change) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static MarketSource norway() {
        Market no = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
                LocalTime.of(8, 0), LocalTime.of(16, 0));
        return new MarketSource() {
            @Override
            public Market market() {
                return no;
            }

            @Override
            public Optional<BigDecimal> vatRate() {
                return Optional.of(BigDecimal.valueOf(25));
            }

            @Override
            public Optional<String> problem() {
                return Optional.empty();
            }

            @Override
            public Optional<HolidaySource> customHolidays() {
                return Optional.empty();
            }

            @Override
            public Set<LocalDate> closedDays() {
                return Set.of();
            }

            @Override
            public String holidayCountry() {
                return "NO";
            }

            @Override
            public boolean observesPublicHolidays() {
                return true;
            }
        };
    }

    /** The engine's configuration with its defaults, as SCR hands it over. */
    static BillingEngine.Config config() {
        return (BillingEngine.Config) Proxy.newProxyInstance(BillingEngine.Config.class.getClassLoader(),
                new Class<?>[] {BillingEngine.Config.class}, (proxy, method, a) -> method.getName().equals(
                        "annotationType") ? BillingEngine.Config.class : method.getDefaultValue());
    }
}
