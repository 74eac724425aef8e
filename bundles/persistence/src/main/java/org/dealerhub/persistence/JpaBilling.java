package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.persistence.api.BillingRepository;
import org.dealerhub.persistence.api.StoredContract;

final class JpaBilling implements BillingRepository {

    /** Readings are asked for this many devices at a time (IN lists stay short on both databases). */
    private static final int DEVICE_BATCH = 500;

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
    public Optional<StoredContract> lock(long contractId) {
        ContractEntity e = em.find(ContractEntity.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        return Optional.ofNullable(e).map(ContractEntity::toValue);
    }

    @Override
    public Map<String, String> terms(long contractId) {
        Map<String, String> terms = new TreeMap<>();
        for (Object[] row : em.createQuery("SELECT t.name, t.value FROM ContractBillingTerm t"
                + " WHERE t.contractId = :c", Object[].class).setParameter("c", contractId).getResultList()) {
            terms.put((String) row[0], (String) row[1]);
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
    public Map<String, BigDecimal> billed(long contractId) {
        Map<String, BigDecimal> billed = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT l.chargeKey, SUM(l.amount) FROM InvoiceLine l"
                + " WHERE l.contractId = :c GROUP BY l.chargeKey", Object[].class).setParameter("c", contractId)
                .getResultList()) {
            billed.put((String) row[0], (BigDecimal) row[1]);
        }
        return billed;
    }

    @Override
    public Map<Long, List<MeterReading>> readings(Collection<Long> deviceIds, LocalDate upTo) {
        Map<Long, List<MeterReading>> byDevice = new LinkedHashMap<>();
        deviceIds.forEach(d -> byDevice.put(d, new ArrayList<>()));
        List<Long> ids = List.copyOf(deviceIds);
        for (int i = 0; i < ids.size(); i += DEVICE_BATCH) {
            em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId IN :d AND r.date <= :to"
                    + " ORDER BY r.deviceId, r.date", MeterReadingEntity.class)
                    .setParameter("d", ids.subList(i, Math.min(ids.size(), i + DEVICE_BATCH)))
                    .setParameter("to", upTo).getResultList()
                    .forEach(r -> byDevice.get(r.getDeviceId()).add(r.toValue()));
        }
        return byDevice;
    }

    @Override
    public Invoice write(Invoice invoice) {
        InvoiceEntity e = new InvoiceEntity(invoice);
        em.persist(e);
        em.flush();
        for (Invoice.Line line : invoice.lines()) {
            em.persist(new InvoiceLineEntity(e.getId(), invoice.contractId(), line));
        }
        em.flush();
        return e.toValue(invoice.lines());
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
