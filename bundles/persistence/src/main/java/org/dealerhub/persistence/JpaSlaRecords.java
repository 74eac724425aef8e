package org.dealerhub.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.dealerhub.api.Caller;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.persistence.api.SlaRecords;
import org.dealerhub.persistence.api.StoredOrder;

/**
 * ORDER_SLA in plain SQL: the reports are aggregates the database computes (GROUP BY over an index range), read as
 * scalar rows, never as entities order by order. Instants are bound and read as {@link Timestamp}s, as the
 * entities' {@link InstantConverter} writes them.
 */
final class JpaSlaRecords implements SlaRecords {

    private static final String SCOPE = " AND (?1 = -1 OR s.ORGANISATION_ID = ?1)";

    private final EntityManager em;

    JpaSlaRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public void registered(StoredOrder o, String category) {
        // a NULL deadline as a literal: EclipseLink binds a null parameter as text, which PostgreSQL refuses
        Instant deadline = o.deadline().original();
        Query q = em.createNativeQuery("INSERT INTO ORDER_SLA (ORDER_ID, CONTRACT_ID, DEVICE_ID, ORGANISATION_ID,"
                + " ORDER_NUMBER, MARKET, CATEGORY, REGISTERED_AT, DEADLINE) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                + (deadline == null ? "NULL" : "?9") + ")")
                .setParameter(1, o.id()).setParameter(2, o.contractId()).setParameter(3, o.deviceId())
                .setParameter(4, o.organisationId()).setParameter(5, o.number()).setParameter(6, o.market())
                .setParameter(7, category).setParameter(8, ts(o.registeredAt()));
        if (deadline != null) {
            q.setParameter(9, ts(deadline));
        }
        q.executeUpdate();
    }

    @Override
    public void responded(long orderId, Instant at, long usedMinutes) {
        em.createNativeQuery("UPDATE ORDER_SLA SET RESPONDED_AT = ?, RESPONSE_MINUTES = ? WHERE ORDER_ID = ?")
                .setParameter(1, ts(at)).setParameter(2, usedMinutes).setParameter(3, orderId).executeUpdate();
    }

    @Override
    public void ended(long orderId, Instant at) {
        em.createNativeQuery("UPDATE ORDER_SLA SET ENDED_AT = ? WHERE ORDER_ID = ? AND ENDED_AT IS NULL")
                .setParameter(1, ts(at)).setParameter(2, orderId).executeUpdate();
    }

    @Override
    public boolean breached(long orderId, Instant breachedAt, long missedMinutes, Instant detectedAt) {
        // the condition makes it once: of two concurrent detections the second finds the row already breached
        return em.createNativeQuery("UPDATE ORDER_SLA SET BREACHED_AT = ?, MISSED_MINUTES = ?, BREACH_DETECTED_AT = ?"
                + " WHERE ORDER_ID = ? AND BREACHED_AT IS NULL").setParameter(1, ts(breachedAt))
                .setParameter(2, missedMinutes).setParameter(3, ts(detectedAt)).setParameter(4, orderId)
                .executeUpdate() == 1;
    }

    @Override
    public void missed(long orderId, long missedMinutes) {
        em.createNativeQuery("UPDATE ORDER_SLA SET MISSED_MINUTES = ? WHERE ORDER_ID = ? AND BREACHED_AT IS NOT NULL")
                .setParameter(1, missedMinutes).setParameter(2, orderId).executeUpdate();
    }

    @Override
    public List<Long> overdue(Instant now) {
        List<?> ids = em.createNativeQuery("SELECT ORDER_ID FROM ORDER_SLA WHERE DEADLINE < ? AND RESPONDED_AT IS NULL"
                + " AND BREACHED_AT IS NULL AND ENDED_AT IS NULL ORDER BY DEADLINE, ORDER_ID")
                .setParameter(1, ts(now)).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public Optional<BreachRow> breach(Caller caller, long orderId) {
        return breachRows(caller, " AND s.ORDER_ID = ?2", q -> q.setParameter(2, orderId)).stream().findFirst();
    }

    @Override
    public List<BreachRow> breaches(Caller caller, Filter f) {
        return breachRows(caller, filter(f, "s.BREACHED_AT") + " ORDER BY s.CONTRACT_ID, s.BREACHED_AT, s.ORDER_ID",
                q -> bind(q, f));
    }

    @Override
    public Map<Long, List<BreachRow>> breaches(Collection<Long> contractIds, Instant to) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        IdRange range = IdRange.of(contractIds);
        List<Long> ids = range.bound();
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 3);
        }
        Map<Long, List<BreachRow>> byContract = new LinkedHashMap<>();
        breachRows(Caller.system(), " AND s.BREACHED_AT < ?2 AND s.CONTRACT_ID " + (range.between()
                ? "BETWEEN ?3 AND ?4" : "IN (" + in + ")") + " ORDER BY s.CONTRACT_ID, s.BREACHED_AT, s.ORDER_ID",
                q -> {
                    q.setParameter(2, ts(to));
                    for (int i = 0; i < ids.size(); i++) {
                        q.setParameter(i + 3, ids.get(i));
                    }
                }).stream().filter(b -> range.contains(b.contractId()))
                .forEach(b -> byContract.computeIfAbsent(b.contractId(), c -> new ArrayList<>()).add(b));
        return byContract;
    }

    private List<BreachRow> breachRows(Caller caller, String where, Consumer<Query> bind) {
        Query q = em.createNativeQuery("SELECT s.ORDER_ID, s.ORDER_NUMBER, s.CONTRACT_ID, s.DEVICE_ID, s.MARKET,"
                + " s.BREACHED_AT, s.MISSED_MINUTES, s.RESPONDED_AT FROM ORDER_SLA s WHERE s.BREACHED_AT IS NOT NULL"
                + SCOPE + where);
        bind.accept(q.setParameter(1, Scope.of(caller)));
        List<BreachRow> rows = new ArrayList<>();
        for (Object[] r : rows(q)) {
            rows.add(new BreachRow(num(r[0]), (String) r[1], num(r[2]), num(r[3]), (String) r[4], instant(r[5]),
                    num(r[6]), instant(r[7])));
        }
        return rows;
    }

    @Override
    public List<ContractRow> contracts(Caller caller, Filter f) {
        Query q = em.createNativeQuery("SELECT s.ID, s.ORGANISATION_ID, s.VENDOR FROM CONTRACT s WHERE s.MARKET = ?2"
                + " AND (?1 = -1 OR s.ORGANISATION_ID = ?1)" + (f.contractId() == null ? "" : " AND s.ID = ?5")
                + (f.organisationId() == null ? "" : " AND s.ORGANISATION_ID = ?6") + " ORDER BY s.ID");
        bindScope(q.setParameter(1, Scope.of(caller)), f);
        return rows(q).stream().map(r -> new ContractRow(num(r[0]), num(r[1]), (String) r[2])).toList();
    }

    @Override
    public List<Figures> figures(Caller caller, Filter f) {
        Query q = em.createNativeQuery("SELECT s.CONTRACT_ID, s.DEVICE_ID, s.CATEGORY, COUNT(*),"
                + " SUM(CASE WHEN s.DEADLINE IS NULL THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONDED_AT IS NOT NULL AND s.BREACHED_AT IS NULL"
                + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.BREACHED_AT IS NULL THEN 0 ELSE 1 END),"
                + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONDED_AT IS NULL AND s.BREACHED_AT IS NULL"
                + " AND s.ENDED_AT IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.DEADLINE IS NOT NULL AND s.RESPONSE_MINUTES IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.DEADLINE IS NOT NULL THEN s.RESPONSE_MINUTES ELSE NULL END)"
                + " FROM ORDER_SLA s WHERE 1 = 1" + SCOPE + filter(f, "s.REGISTERED_AT")
                + " GROUP BY s.CONTRACT_ID, s.DEVICE_ID, s.CATEGORY");
        bind(q.setParameter(1, Scope.of(caller)), f);
        List<Figures> figures = new ArrayList<>();
        for (Object[] r : rows(q)) {
            figures.add(new Figures(num(r[0]), num(r[1]), (String) r[2], num(r[3]), num(r[4]), num(r[5]), num(r[6]),
                    num(r[7]), num(r[8]), num(r[9])));
        }
        return figures;
    }

    @Override
    public List<MonitoredDevice> monitoredDevices(Caller caller, Filter f) {
        Query q = em.createNativeQuery("SELECT cd.CONTRACT_ID, s.ORGANISATION_ID, s.VENDOR, cd.DEVICE_ID"
                + " FROM CONTRACT_DEVICE cd"
                + " JOIN CONTRACT s ON s.ID = cd.CONTRACT_ID JOIN DEVICE d ON d.ID = cd.DEVICE_ID"
                + " WHERE d.REMOTELY_MONITORED = 1 AND s.MARKET = ?2"
                + " AND (?1 = -1 OR s.ORGANISATION_ID = ?1)" + (f.contractId() == null ? "" : " AND s.ID = ?5")
                + (f.organisationId() == null ? "" : " AND s.ORGANISATION_ID = ?6")
                + " ORDER BY cd.CONTRACT_ID, cd.DEVICE_ID");
        bindScope(q.setParameter(1, Scope.of(caller)), f);
        return rows(q).stream().map(r -> new MonitoredDevice(num(r[0]), num(r[1]), (String) r[2], num(r[3])))
                .toList();
    }

    @Override
    public void outages(Caller caller, Filter f, String category, Consumer<Outage> each) {
        Query q = em.createNativeQuery("SELECT s.CONTRACT_ID, s.DEVICE_ID, s.REGISTERED_AT, s.ENDED_AT"
                + " FROM ORDER_SLA s JOIN DEVICE d ON d.ID = s.DEVICE_ID WHERE s.CATEGORY = ?7"
                + " AND d.REMOTELY_MONITORED = 1 AND s.MARKET = ?2 AND s.REGISTERED_AT < ?4"
                + " AND (s.ENDED_AT IS NULL OR s.ENDED_AT > ?3)" + SCOPE
                + (f.contractId() == null ? "" : " AND s.CONTRACT_ID = ?5")
                + (f.organisationId() == null ? "" : " AND s.ORGANISATION_ID = ?6")
                + " ORDER BY s.CONTRACT_ID, s.DEVICE_ID, s.REGISTERED_AT");
        bind(q.setParameter(1, Scope.of(caller)), f);
        q.setParameter(7, category);
        for (Object[] r : rows(q)) {
            each.accept(new Outage(num(r[0]), num(r[1]), instant(r[2]), instant(r[3])));
        }
    }

    @Override
    public List<OrderLine> orders(Caller caller, Long organisationId, Instant from) {
        Query q = em.createNativeQuery("SELECT o.ID, o.ORDER_NUMBER, o.ORGANISATION_ID, o.DEVICE_ID, o.CONTRACT_ID,"
                + " o.KIND, o.STATE, o.MARKET, o.REGISTERED_AT, o.RESPONDED_AT, s.BREACHED_AT FROM SERVICE_ORDER o"
                + " LEFT JOIN ORDER_SLA s ON s.ORDER_ID = o.ID WHERE o.REGISTERED_AT >= ?2"
                + " AND (?1 = -1 OR o.ORGANISATION_ID = ?1)" + (organisationId == null ? "" : " AND o.ORGANISATION_ID = ?3")
                + " ORDER BY o.ID");
        q.setParameter(1, Scope.of(caller)).setParameter(2, ts(from));
        if (organisationId != null) {
            q.setParameter(3, organisationId);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (Object[] r : rows(q)) {
            lines.add(new OrderLine(num(r[0]), (String) r[1], num(r[2]), num(r[3]), num(r[4]),
                    OrderKind.valueOf((String) r[5]), OrderState.valueOf((String) r[6]), (String) r[7],
                    instant(r[8]), instant(r[9]), instant(r[10])));
        }
        return lines;
    }

    @Override
    public List<String> markets(Caller caller, Long contractId, Long organisationId) {
        Query q = em.createNativeQuery("SELECT DISTINCT s.MARKET FROM CONTRACT s WHERE (?1 = -1 OR s.ORGANISATION_ID"
                + " = ?1)" + (contractId == null ? "" : " AND s.ID = ?2")
                + (organisationId == null ? "" : " AND s.ORGANISATION_ID = ?3") + " ORDER BY s.MARKET");
        q.setParameter(1, Scope.of(caller));
        if (contractId != null) {
            q.setParameter(2, contractId);
        }
        if (organisationId != null) {
            q.setParameter(3, organisationId);
        }
        return q.getResultList().stream().map(String.class::cast).toList();
    }

    /** Parameters 2-6: the market, the period on {@code column}, and the contract or organisation when given. */
    private static String filter(Filter f, String column) {
        return " AND s.MARKET = ?2 AND " + column + " >= ?3 AND " + column + " < ?4"
                + (f.contractId() == null ? "" : " AND s.CONTRACT_ID = ?5")
                + (f.organisationId() == null ? "" : " AND s.ORGANISATION_ID = ?6");
    }

    private static void bind(Query q, Filter f) {
        bindScope(q.setParameter(3, ts(f.from())).setParameter(4, ts(f.to())), f);
    }

    /** Parameters 2, 5 and 6: the market, and the contract or organisation when given. */
    private static void bindScope(Query q, Filter f) {
        q.setParameter(2, f.market());
        if (f.contractId() != null) {
            q.setParameter(5, f.contractId());
        }
        if (f.organisationId() != null) {
            q.setParameter(6, f.organisationId());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((Timestamp) value).toInstant();
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
