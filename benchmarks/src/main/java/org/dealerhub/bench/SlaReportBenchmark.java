package org.dealerhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.SlaReport;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.core.SlaReportsImpl;
import org.dealerhub.core.calendar.JollydayHolidays;
import org.dealerhub.core.calendar.MarketCalendar;
import org.dealerhub.persistence.JpaStore;

/**
 * The time to compute the 6-month SLA report (issue 9) for {@code --devices} devices with {@code --orders} orders
 * each on embedded Derby on disk, through the real core service and persistence unit, beside the raw-JDBC floor of
 * the same SQL (the aggregates and the outage scan, read row by row, without the business-time arithmetic). The
 * data is seeded by JDBC directly: 10 devices per contract and organisation, every other device remotely
 * monitored, orders spread over the 6 months, a quarter of them Driftsstans.
 *
 * <p>Usage: {@code SlaReportBenchmark [--devices 10000] [--orders 20] [--runs 5] [--db target/sla-bench-db]}
 */
public final class SlaReportBenchmark {

    static final Market NORWAY = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
            LocalTime.of(8, 0), LocalTime.of(16, 0));
    static final LocalDate TO = LocalDate.of(2026, 11, 27);
    static final LocalDate FROM = TO.minusMonths(6);
    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

    private SlaReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = 10_000;
        int orders = 20;
        int runs = 5;
        Path db = Paths.get("target/sla-bench-db");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[i + 1]);
                case "--orders" -> orders = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--db" -> db = Paths.get(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (Files.exists(db)) {
            try (Stream<Path> old = Files.walk(db)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toAbsolutePath().toString());
        ds.setCreateDatabase("create");
        new org.dealerhub.persistence.Migrations(SlaReportBenchmark.class.getClassLoader()).migrate(ds);
        long seed = System.nanoTime();
        seed(ds, devices, orders);
        System.out.printf("seeded %,d devices, %,d orders in %.1f s%n", devices, (long) devices * orders,
                (System.nanoTime() - seed) / 1e9);

        MarketCalendar norway = new MarketCalendar(NORWAY, new JollydayHolidays("NO"), Set.of());
        MarketCalendars calendars = new MarketCalendars() {
            @Override
            public BusinessCalendar calendar(String market) {
                return norway;
            }

            @Override
            public View view(String market, LocalDate from, LocalDate to) {
                throw new UnsupportedOperationException();
            }
        };
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("dealerhub",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        SlaReportsImpl reports = new SlaReportsImpl(JpaStore.migrating(ds, emf), calendars, null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        SlaReport.Query query = new SlaReport.Query(null, null, FROM, TO);

        List<Long> report = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        SlaReport last = null;
        for (int run = -2; run < runs; run++) { // two warm-up runs
            long t = System.nanoTime();
            last = reports.sla(Caller.system(), query);
            long reportNs = System.nanoTime() - t;
            t = System.nanoTime();
            long rows = floor(ds);
            long floorNs = System.nanoTime() - t;
            if (run >= 0) {
                report.add(reportNs);
                floor.add(floorNs);
            } else if (run == -2) {
                System.out.printf("floor reads %,d rows per run%n", rows);
            }
        }
        long monitored = last.contracts().stream().flatMap(c -> c.devices().stream()).filter(d -> d.uptime() != null)
                .count();
        long breaches = last.contracts().stream().mapToLong(c -> c.breaches().size()).sum();
        System.out.printf("report: %,d contracts, %,d devices with uptime, %,d breaches%n", last.contracts().size(),
                monitored, breaches);
        System.out.printf("sla.report_ms median %.0f  min %.0f  (%d runs)%n", median(report), min(report), runs);
        System.out.printf("sla.jdbc_floor_ms median %.0f  min %.0f%n", median(floor), min(floor));
        System.out.printf("sla.ratio %.1f%n", median(report) / median(floor));
        emf.close();
    }

    /** Organisations, contracts and devices (10 per contract), orders with their ORDER_SLA rows, in batches. */
    static void seed(EmbeddedDataSource ds, int devices, int ordersPerDevice) throws SQLException {
        Random random = new Random(42);
        ZoneId oslo = NORWAY.zone();
        long days = FROM.until(TO).toTotalMonths() * 30;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT,"
                    + " SYSTEM_ACCOUNT, MARKET) VALUES (?, ?, ?, ?, 'NO')");
                    PreparedStatement contract = c.prepareStatement("INSERT INTO CONTRACT (ID, ORGANISATION_ID,"
                            + " VENDOR, MARKET, PACKAGE_CODE, START_DATE, TERMS_VERSION, PACKAGE_SNAPSHOT, SIGNED_AT)"
                            + " VALUES (?, ?, 'konica-minolta-no', 'NO', 'SERVICE', ?, '2020-Q3', '{}', ?)");
                    PreparedStatement device = c.prepareStatement("INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR,"
                            + " MODEL, FORMAT, SERIAL_NUMBER, REMOTELY_MONITORED) VALUES (?, ?, 'konica-minolta-no',"
                            + " 'bizhub C300i', 'A3_COLOUR', ?, ?)");
                    PreparedStatement member = c.prepareStatement("INSERT INTO CONTRACT_DEVICE (CONTRACT_ID,"
                            + " DEVICE_ID) VALUES (?, ?)")) {
                for (int d = 1; d <= devices; d++) {
                    long group = (d - 1) / 10 + 1;
                    if ((d - 1) % 10 == 0) {
                        org.setLong(1, group);
                        org.setString(2, "Org " + group);
                        org.setString(3, "C" + group);
                        org.setString(4, "S" + group);
                        org.executeUpdate();
                        contract.setLong(1, group);
                        contract.setLong(2, group);
                        contract.setObject(3, java.sql.Date.valueOf(FROM.minusYears(1)));
                        contract.setTimestamp(4, Timestamp.from(NOW.minusSeconds(400L * 86_400)));
                        contract.executeUpdate();
                    }
                    device.setLong(1, d);
                    device.setLong(2, group);
                    device.setString(3, "SN-" + d);
                    device.setInt(4, d % 2);
                    device.executeUpdate();
                    member.setLong(1, group);
                    member.setLong(2, d);
                    member.executeUpdate();
                }
            }
            c.commit();
            try (PreparedStatement order = c.prepareStatement("INSERT INTO SERVICE_ORDER (ID, ORDER_NUMBER,"
                    + " ORGANISATION_ID, DEVICE_ID, CONTRACT_ID, KIND, CHANNEL, STATE, MARKET, REGISTERED_AT,"
                    + " REGISTERED_BY, DEADLINE, DEADLINE_RULE, RESPONDED_AT, RESPONSE) VALUES (?, ?, ?, ?, ?,"
                    + " 'REPAIR', 'MONITORING', ?, 'NO', ?, 'bench', ?, 'KMNO-SLA-1', ?, ?)");
                    PreparedStatement sla = c.prepareStatement("INSERT INTO ORDER_SLA (ORDER_ID, CONTRACT_ID,"
                            + " DEVICE_ID, ORGANISATION_ID, MARKET, CATEGORY, REGISTERED_AT, DEADLINE, RESPONDED_AT,"
                            + " RESPONSE_MINUTES, BREACHED_AT, MISSED_MINUTES, ENDED_AT, ORDER_NUMBER)"
                            + " VALUES (?, ?, ?, ?, 'NO', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long id = 0;
                for (int d = 1; d <= devices; d++) {
                    long group = (d - 1) / 10 + 1;
                    for (int k = 0; k < ordersPerDevice; k++) {
                        id++;
                        LocalDate day = FROM.plusDays(random.nextInt((int) days));
                        Instant registered = day.atTime(8 + random.nextInt(8), random.nextInt(60)).atZone(oslo)
                                .toInstant();
                        boolean outage = random.nextInt(4) == 0;
                        int targetMinutes = outage ? 240 : 480;
                        Instant deadline = registered.plusSeconds(targetMinutes * 60L);
                        boolean responded = registered.isBefore(NOW.minusSeconds(86_400)) || random.nextBoolean();
                        int minutes = 15 + random.nextInt(outage ? 300 : 540);
                        Instant respondedAt = responded ? registered.plusSeconds(minutes * 60L) : null;
                        boolean breached = responded && minutes > targetMinutes;
                        Instant ended = responded && random.nextInt(50) > 0 ? respondedAt.plusSeconds(7_200) : null;
                        order.setLong(1, id);
                        order.setString(2, "SO-B-" + id);
                        order.setLong(3, group);
                        order.setLong(4, d);
                        order.setLong(5, group);
                        order.setString(6, ended != null ? "CLOSED" : responded ? "IN_PROGRESS" : "REGISTERED");
                        order.setTimestamp(7, Timestamp.from(registered));
                        order.setTimestamp(8, Timestamp.from(deadline));
                        order.setTimestamp(9, respondedAt == null ? null : Timestamp.from(respondedAt));
                        order.setString(10, responded ? "on site" : null);
                        order.addBatch();
                        sla.setLong(1, id);
                        sla.setLong(2, group);
                        sla.setLong(3, d);
                        sla.setLong(4, group);
                        sla.setString(5, outage ? "Driftsstans" : "Annet");
                        sla.setTimestamp(6, Timestamp.from(registered));
                        sla.setTimestamp(7, Timestamp.from(deadline));
                        sla.setTimestamp(8, respondedAt == null ? null : Timestamp.from(respondedAt));
                        sla.setObject(9, responded ? (long) minutes : null, java.sql.Types.BIGINT);
                        sla.setTimestamp(10, breached ? Timestamp.from(deadline) : null);
                        sla.setObject(11, breached ? (long) (minutes - targetMinutes) : null, java.sql.Types.BIGINT);
                        sla.setTimestamp(12, ended == null ? null : Timestamp.from(ended));
                        sla.setString(13, "SO-B-" + id);
                        sla.addBatch();
                        if (id % 5_000 == 0) {
                            order.executeBatch();
                            sla.executeBatch();
                            c.commit();
                        }
                    }
                }
                order.executeBatch();
                sla.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                // the statistics Derby's optimiser would otherwise only have after a restart
                s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'ORDER_SLA', NULL)");
            }
            c.commit();
        }
    }

    /**
     * The floor: the report's SQL (as JpaSlaRecords issues it for a dealer over one market and period) over raw
     * JDBC, every row read, nothing computed. Returns the rows read.
     */
    static long floor(EmbeddedDataSource ds) throws SQLException {
        ZoneId oslo = NORWAY.zone();
        Timestamp from = Timestamp.from(FROM.atStartOfDay(oslo).toInstant());
        Timestamp to = Timestamp.from(TO.plusDays(1).atStartOfDay(oslo).toInstant());
        String period = " AND s.MARKET = ? AND s.REGISTERED_AT >= ? AND s.REGISTERED_AT < ?";
        List<String> queries = List.of(
                "SELECT s.CONTRACT_ID, s.DEVICE_ID, s.CATEGORY, COUNT(*),"
                        + " SUM(CASE WHEN s.DEADLINE IS NULL THEN 0 ELSE 1 END),"
                        + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONDED_AT IS NOT NULL AND s.BREACHED_AT IS"
                        + " NULL THEN 1 ELSE 0 END), SUM(CASE WHEN s.BREACHED_AT IS NULL THEN 0 ELSE 1 END),"
                        + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONDED_AT IS NULL AND s.BREACHED_AT IS NULL"
                        + " AND s.ENDED_AT IS NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONSE_MINUTES IS NOT NULL THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN s.DEADLINE IS NOT NULL THEN s.RESPONSE_MINUTES ELSE NULL END)"
                        + " FROM ORDER_SLA s WHERE 1 = 1" + period + " GROUP BY s.CONTRACT_ID, s.DEVICE_ID, s.CATEGORY",
                "SELECT s.ORDER_ID, s.ORDER_NUMBER, s.CONTRACT_ID, s.DEVICE_ID, s.MARKET, s.BREACHED_AT,"
                        + " s.MISSED_MINUTES, s.RESPONDED_AT FROM ORDER_SLA s WHERE s.BREACHED_AT IS NOT NULL"
                        + " AND s.MARKET = ? AND s.BREACHED_AT >= ? AND s.BREACHED_AT < ?"
                        + " ORDER BY s.CONTRACT_ID, s.BREACHED_AT, s.ORDER_ID");
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            for (String sql : queries) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, "NO");
                    ps.setTimestamp(2, from);
                    ps.setTimestamp(3, to);
                    rows += read(ps);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT s.ID, s.ORGANISATION_ID, s.VENDOR FROM CONTRACT s"
                    + " WHERE s.MARKET = ? ORDER BY s.ID")) {
                ps.setString(1, "NO");
                rows += read(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT cd.CONTRACT_ID, s.ORGANISATION_ID, s.VENDOR,"
                    + " cd.DEVICE_ID FROM CONTRACT_DEVICE cd JOIN CONTRACT s ON s.ID = cd.CONTRACT_ID JOIN DEVICE d"
                    + " ON d.ID = cd.DEVICE_ID WHERE d.REMOTELY_MONITORED = 1 AND s.MARKET = ?"
                    + " ORDER BY cd.CONTRACT_ID, cd.DEVICE_ID")) {
                ps.setString(1, "NO");
                rows += read(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT s.CONTRACT_ID, s.DEVICE_ID, s.REGISTERED_AT,"
                    + " s.ENDED_AT FROM ORDER_SLA s JOIN DEVICE d ON d.ID = s.DEVICE_ID WHERE s.CATEGORY = ?"
                    + " AND d.REMOTELY_MONITORED = 1 AND s.MARKET = ? AND s.REGISTERED_AT < ?"
                    + " AND (s.ENDED_AT IS NULL OR s.ENDED_AT > ?) ORDER BY s.CONTRACT_ID, s.DEVICE_ID,"
                    + " s.REGISTERED_AT")) {
                ps.setString(1, "Driftsstans");
                ps.setString(2, "NO");
                ps.setTimestamp(3, to);
                ps.setTimestamp(4, from);
                rows += read(ps);
            }
        }
        return rows;
    }

    private static long read(PreparedStatement ps) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static double median(List<Long> ns) {
        List<Long> sorted = ns.stream().sorted().toList();
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }

    private static double min(List<Long> ns) {
        return ns.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }
}
