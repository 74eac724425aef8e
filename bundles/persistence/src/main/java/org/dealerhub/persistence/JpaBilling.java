package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.persistence.api.BillingRepository;
import org.dealerhub.persistence.api.StoredContract;

final class JpaBilling implements BillingRepository {

    /** Ids are asked for this many at a time (IN lists stay short on both databases). */
    static final int CHUNK = 500;

    private final EntityManager em;

    JpaBilling(EntityManager em) {
        this.em = em;
    }

    @Override
    public BillingRun start(BillingRun run) {
        BillingRunEntity e = new BillingRunEntity(run);
        em.persist(e);
        em.flush();
        return e.toValue(List.of(), List.of());
    }

    @Override
    public void finish(BillingRun run) {
        BillingRunEntity e = em.find(BillingRunEntity.class, run.id());
        if (e == null) {
            throw DomainException.notFound("billing run", run.id());
        }
        e.finish(run);
        em.flush();
    }

    @Override
    public Optional<BillingRun> run(long id) {
        return Optional.ofNullable(em.find(BillingRunEntity.class, id)).map(this::value);
    }

    @Override
    public List<BillingRun> runs(int offset, int limit) {
        return em.createQuery("SELECT r FROM BillingRun r ORDER BY r.id DESC", BillingRunEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(this::value).toList();
    }

    private BillingRun value(BillingRunEntity e) {
        List<BillingRun.Total> totals = new ArrayList<>();
        for (Object[] row : em.createQuery("SELECT i.currency, COUNT(i), SUM(i.net), SUM(i.vat), SUM(i.gross)"
                + " FROM Invoice i WHERE i.runId = :r GROUP BY i.currency ORDER BY i.currency", Object[].class)
                .setParameter("r", e.getId()).getResultList()) {
            Currency currency = Currency.getInstance((String) row[0]);
            int scale = Math.max(0, currency.getDefaultFractionDigits());
            totals.add(new BillingRun.Total(currency, ((Number) row[1]).intValue(),
                    InvoiceLineEntity.at((BigDecimal) row[2], scale), InvoiceLineEntity.at((BigDecimal) row[3], scale),
                    InvoiceLineEntity.at((BigDecimal) row[4], scale)));
        }
        List<BillingRun.Parked> parked = em.createQuery("SELECT p FROM BillingPark p WHERE p.runId = :r"
                + " ORDER BY p.contractId", BillingParkEntity.class).setParameter("r", e.getId()).getResultList()
                .stream().map(BillingParkEntity::toValue).toList();
        return e.toValue(totals, parked);
    }

    @Override
    public List<Long> contractIds(BillingRun.Selection selection, LocalDate to, long after, int limit) {
        return selected("SELECT c.id", selection, to, Long.class).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public int countContracts(BillingRun.Selection selection, LocalDate to) {
        return selected("SELECT COUNT(c)", selection, to, Long.class).setParameter("after", -1L)
                .getSingleResult().intValue();
    }

    private <T> TypedQuery<T> selected(String select, BillingRun.Selection s, LocalDate to, Class<T> type) {
        String where = switch (s.kind()) {
            case ALL -> "";
            case MARKET -> " AND c.market = :v";
            case VENDOR -> " AND c.vendor = :v";
            case ORGANISATION -> " AND c.organisationId = :v";
            case CONTRACT -> " AND c.id = :v";
        };
        boolean count = select.contains("COUNT");
        TypedQuery<T> q = em.createQuery(select + " FROM Contract c WHERE c.startDate <= :to AND c.id > :after"
                + where + (count ? "" : " ORDER BY c.id"), type).setParameter("to", to);
        switch (s.kind()) {
            case MARKET, VENDOR -> q.setParameter("v", s.value());
            case ORGANISATION, CONTRACT -> q.setParameter("v", Long.valueOf(s.value()));
            default -> {
            }
        }
        return q;
    }

    @Override
    public List<StoredContract> contracts(Collection<Long> contractIds, boolean lock) {
        List<StoredContract> found = new ArrayList<>(contractIds.size());
        for (List<Long> chunk : chunks(contractIds)) {
            if (lock) {
                // in id order: two runs over overlapping pages wait for each other instead of deadlocking
                query(postgresql() ? "SELECT ID FROM CONTRACT WHERE ID %s ORDER BY ID FOR UPDATE"
                        : "SELECT ID FROM CONTRACT WHERE ID %s FOR UPDATE WITH RS", chunk, false, null,
                        rs -> { });
            }
            Map<Long, List<Long>> devices = new HashMap<>();
            query("SELECT CONTRACT_ID, DEVICE_ID FROM CONTRACT_DEVICE WHERE CONTRACT_ID %s"
                    + " ORDER BY CONTRACT_ID, DEVICE_ID", chunk,
                    rs -> devices.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getLong(2)));
            query("SELECT ID, ORGANISATION_ID, VENDOR, MARKET, PACKAGE_CODE, START_DATE, END_DATE, TERMS_VERSION,"
                    + " PACKAGE_SNAPSHOT, SIGNED_AT, VERSION FROM CONTRACT WHERE ID %s ORDER BY ID", chunk,
                    rs -> found.add(new StoredContract(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate(), date(rs.getDate(7)),
                            devices.getOrDefault(rs.getLong(1), List.of()), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), rs.getLong(11))));
        }
        return found;
    }

    @Override
    public Map<String, String> terms(long contractId) {
        return terms(List.of(contractId)).getOrDefault(contractId, new TreeMap<>());
    }

    @Override
    public Map<Long, Map<String, String>> terms(Collection<Long> contractIds) {
        Map<Long, Map<String, String>> terms = new HashMap<>();
        for (List<Long> chunk : chunks(contractIds)) {
            query("SELECT CONTRACT_ID, NAME, TERM_VALUE FROM CONTRACT_BILLING_TERM WHERE CONTRACT_ID %s", chunk,
                    rs -> terms.computeIfAbsent(rs.getLong(1), c -> new TreeMap<>()).put(rs.getString(2),
                            rs.getString(3)));
        }
        return terms;
    }

    @Override
    public long setTerms(Caller caller, long contractId, long version, Map<String, String> terms) {
        ContractEntity c = new JpaContracts(em).current(caller, contractId, version);
        em.createQuery("DELETE FROM ContractBillingTerm t WHERE t.contractId = :c").setParameter("c", contractId)
                .executeUpdate();
        terms.forEach((name, value) -> em.persist(new ContractBillingTermEntity(contractId, name, value)));
        em.lock(c, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return c.getVersion();
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> billed(Collection<Long> contractIds) {
        Map<Long, Map<String, BigDecimal>> billed = new HashMap<>();
        for (List<Long> chunk : chunks(contractIds)) {
            query("SELECT CONTRACT_ID, CHARGE_KEY, SUM(AMOUNT) FROM INVOICE_LINE WHERE CONTRACT_ID %s"
                    + " GROUP BY CONTRACT_ID, CHARGE_KEY", chunk, rs -> billed.computeIfAbsent(rs.getLong(1),
                            c -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3)));
        }
        return billed;
    }

    @Override
    public Map<Long, Device> devices(Collection<Long> deviceIds) {
        Map<Long, Device> devices = new HashMap<>();
        for (List<Long> chunk : chunks(deviceIds)) {
            query("SELECT ID, ORGANISATION_ID, VENDOR, MODEL, MODEL_FAMILY, FORMAT, SERIAL_NUMBER, SERVICE_NUMBER,"
                    + " LOCATION, REMOTELY_MONITORED, VERSION FROM DEVICE WHERE ID %s", chunk,
                    rs -> devices.put(rs.getLong(1), new Device(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), DeviceFormat.valueOf(rs.getString(6)),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) != 0,
                            rs.getLong(11))));
        }
        return devices;
    }

    @Override
    public Map<Long, Organisation> organisations(Collection<Long> organisationIds) {
        Map<Long, Organisation> organisations = new HashMap<>();
        for (List<Long> chunk : chunks(organisationIds)) {
            query("SELECT ID, NAME, CUSTOMER_ACCOUNT, SYSTEM_ACCOUNT, MARKET, VERSION FROM ORGANISATION WHERE ID %s",
                    chunk, rs -> organisations.put(rs.getLong(1), new Organisation(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6))));
        }
        return organisations;
    }

    /** One ordered scan per chunk of devices, read as plain rows (no entities to track). */
    @Override
    public Map<Long, List<MeterReading>> readings(Collection<Long> deviceIds, LocalDate upTo) {
        Map<Long, List<MeterReading>> byDevice = new LinkedHashMap<>();
        deviceIds.forEach(d -> byDevice.put(d, new ArrayList<>()));
        Date to = Date.valueOf(upTo);
        for (List<Long> chunk : chunks(byDevice.keySet())) {
            query("SELECT DEVICE_ID, READING_DATE, MONO_A4, COLOUR_A4, MONO_A3, COLOUR_A3, BANNER, SCANS, ACCEPTED_AT,"
                    + " ACCEPTED_BY FROM METER_READING WHERE DEVICE_ID %s AND READING_DATE <= ?"
                    + " ORDER BY DEVICE_ID, READING_DATE", chunk, to, rs -> byDevice.get(rs.getLong(1)).add(
                            new MeterReading(rs.getLong(1), rs.getDate(2).toLocalDate(), new Counters(rs.getLong(3),
                                    rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)),
                                    rs.getTimestamp(9).toInstant(), rs.getString(10))));
        }
        return byDevice;
    }

    @Override
    public List<Invoice> write(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return List.of();
        }
        Connection c = em.unwrap(Connection.class);
        long invoiceId = allocate(c, "INVOICE", invoices.size());
        long lineId = allocate(c, "INVOICE_LINE", invoices.stream().mapToInt(i -> i.lines().size()).sum());
        List<Invoice> written = new ArrayList<>(invoices.size());
        try (PreparedStatement inv = c.prepareStatement("INSERT INTO INVOICE (ID, RUN_ID, CONTRACT_ID, ORGANISATION_ID,"
                + " VENDOR, MARKET, SELLER_NAME, SELLER_ACCOUNT, BUYER_NAME, BUYER_ACCOUNT, CURRENCY, PERIOD_FROM,"
                + " PERIOD_TO, ISSUED, CREATED_AT, NET, VAT_RATE, VAT, GROSS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement line = c.prepareStatement("INSERT INTO INVOICE_LINE (ID, INVOICE_ID, LINE_NO,"
                        + " CONTRACT_ID, CHARGE_KEY, DEVICE_ID, ITEM, QUANTITY, UNIT_PRICE, DUE, BILLED_BEFORE, AMOUNT,"
                        + " COVERS_FROM, COVERS_TO, RULE_ID, DESCRIPTION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)")) {
            for (Invoice i : invoices) {
                long id = invoiceId++;
                bind(inv, id, i.runId(), i.contractId(), i.organisationId(), i.vendor(), i.market(),
                        i.seller().name(), i.seller().account(), i.buyer().name(), i.buyer().account(),
                        i.currency().getCurrencyCode(), Date.valueOf(i.periodFrom()), Date.valueOf(i.periodTo()),
                        Date.valueOf(i.issued()), Timestamp.from(i.createdAt()), i.net(), i.vatRate(), i.vat(),
                        i.gross());
                inv.addBatch();
                for (Invoice.Line l : i.lines()) {
                    bind(line, lineId++, id, l.number(), i.contractId(), l.chargeKey(), l.deviceId(), l.item(),
                            l.quantity(), l.unitPrice(), l.due(), l.billedBefore(), l.amount(),
                            Date.valueOf(l.from()), Date.valueOf(l.to()), l.rule(), l.description());
                    line.addBatch();
                }
                written.add(new Invoice(id, i.runId(), i.contractId(), i.organisationId(), i.vendor(), i.market(),
                        i.seller(), i.buyer(), i.currency(), i.periodFrom(), i.periodTo(), i.issued(), i.createdAt(),
                        i.net(), i.vatRate(), i.vat(), i.gross(), i.lines()));
            }
            inv.executeBatch();
            line.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        return written;
    }

    /**
     * {@code count} ids of the named sequence in one block, the way EclipseLink's table generator takes its blocks
     * (the row is incremented first, so two allocators never share an id): answers the first.
     */
    private static long allocate(Connection c, String sequence, int count) {
        try (PreparedStatement up = c.prepareStatement("UPDATE ID_SEQUENCE SET SEQ_COUNT = SEQ_COUNT + ?"
                + " WHERE SEQ_NAME = ?");
                PreparedStatement get = c.prepareStatement("SELECT SEQ_COUNT FROM ID_SEQUENCE WHERE SEQ_NAME = ?")) {
            up.setLong(1, count);
            up.setString(2, sequence);
            if (up.executeUpdate() != 1) {
                throw new IllegalStateException("no sequence " + sequence);
            }
            get.setString(1, sequence);
            try (ResultSet rs = get.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static void bind(PreparedStatement st, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                st.setNull(i + 1, Types.BIGINT); // the only nullable column written: INVOICE_LINE.DEVICE_ID
            } else {
                st.setObject(i + 1, values[i]);
            }
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Long> ids, Row row) {
        query(sql, ids, true, null, row);
    }

    private void query(String sql, List<Long> ids, Object last, Row row) {
        query(sql, ids, true, last, row);
    }

    /**
     * Runs {@code sql} on the unit of work's connection and reads plain rows whose first column is one of the
     * (ascending) {@code ids}; {@code last}, when given, is bound after the ids. With {@code range}, {@code %s} is
     * the {@link IdRange} predicate on the ids (a range scan when they lie close together, whose rows of other ids
     * are skipped here); without, an {@code IN} list of exactly the ids.
     */
    private void query(String sql, List<Long> ids, boolean range, Object last, Row row) {
        IdRange r = range ? IdRange.of(ids) : null;
        boolean between = r != null && r.between();
        List<Long> bound = between ? r.bound() : ids;
        String predicate = between ? "BETWEEN ? AND ?" : "IN (" + String.join(", ", Collections.nCopies(ids.size(),
                "?")) + ")";
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement st = c.prepareStatement(String.format(sql, predicate))) {
            for (int i = 0; i < bound.size(); i++) {
                st.setLong(i + 1, bound.get(i));
            }
            if (last != null) {
                st.setObject(bound.size() + 1, last);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (!between || r.contains(rs.getLong(1))) {
                        row.read(rs);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** The distinct ids, ascending, in chunks of at most {@value #CHUNK}. */
    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += CHUNK) {
            chunks.add(sorted.subList(i, Math.min(sorted.size(), i + CHUNK)));
        }
        return chunks;
    }

    private boolean postgresql() {
        try {
            return em.unwrap(Connection.class).getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    @Override
    public void park(long runId, long contractId, Instant at, String reason, String rule) {
        em.persist(new BillingParkEntity(runId, contractId, at, reason, rule));
        em.flush();
    }

    @Override
    public Optional<Invoice> invoice(Caller caller, long id) {
        return Scope.query(em, caller, "SELECT i FROM Invoice i WHERE i.id = :id"
                + " AND (:scope = -1 OR i.organisationId = :scope)", InvoiceEntity.class).setParameter("id", id)
                .getResultList().stream().findFirst().map(i -> i.toValue(lines(List.of(i)).get(i.getId())));
    }

    @Override
    public List<Invoice> invoices(Caller caller, Long organisationId, Long contractId, Long runId, int offset,
            int limit) {
        List<InvoiceEntity> found = Scope.query(em, caller, "SELECT i FROM Invoice i"
                + " WHERE (:scope = -1 OR i.organisationId = :scope)"
                + " AND (:o = -1 OR i.organisationId = :o) AND (:c = -1 OR i.contractId = :c)"
                + " AND (:r = -1 OR i.runId = :r) ORDER BY i.id DESC", InvoiceEntity.class)
                .setParameter("o", organisationId == null ? -1L : organisationId)
                .setParameter("c", contractId == null ? -1L : contractId)
                .setParameter("r", runId == null ? -1L : runId)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<Long, List<Invoice.Line>> lines = lines(found);
        return found.stream().map(i -> i.toValue(lines.get(i.getId()))).toList();
    }

    private Map<Long, List<Invoice.Line>> lines(List<InvoiceEntity> invoices) {
        Map<Long, List<Invoice.Line>> lines = new HashMap<>();
        Map<Long, Integer> scales = new HashMap<>();
        invoices.forEach(i -> {
            lines.put(i.getId(), new ArrayList<>());
            scales.put(i.getId(), i.scale());
        });
        if (!invoices.isEmpty()) {
            em.createQuery("SELECT l FROM InvoiceLine l WHERE l.invoiceId IN :i ORDER BY l.invoiceId, l.lineNo",
                    InvoiceLineEntity.class).setParameter("i", List.copyOf(lines.keySet())).getResultList()
                    .forEach(l -> lines.get(l.getInvoiceId()).add(l.toValue(scales.get(l.getInvoiceId()))));
        }
        return lines;
    }
}
