package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.persistence.api.StoredIncident;
import org.dealerhub.persistence.api.SupportRepository;

final class JpaSupport implements SupportRepository {

    private static final String EXTRA_RULE = "KMUA-EXTRA-1";

    private final EntityManager em;
    private final JpaContracts contracts;

    JpaSupport(EntityManager em, JpaContracts contracts) {
        this.em = em;
        this.contracts = contracts;
    }

    @Override
    public Map<String, String> facts(long orderId) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT NAME, FACT_VALUE FROM ORDER_FACT WHERE ORDER_ID = ? ORDER BY"
                + " NAME").setParameter(1, orderId).getResultList()) {
            Object[] r = (Object[]) row;
            facts.put((String) r[0], (String) r[1]);
        }
        return facts;
    }

    @Override
    public void facts(long orderId, Map<String, String> facts) {
        em.createNativeQuery("DELETE FROM ORDER_FACT WHERE ORDER_ID = ?").setParameter(1, orderId).executeUpdate();
        facts.forEach((name, value) -> em.createNativeQuery("INSERT INTO ORDER_FACT (ORDER_ID, NAME, FACT_VALUE)"
                + " VALUES (?, ?, ?)").setParameter(1, orderId).setParameter(2, name).setParameter(3, value)
                .executeUpdate());
    }

    @Override
    public Optional<StoredIncident> incident(long orderId) {
        return Optional.ofNullable(em.find(OrderSoftwareEntity.class, orderId)).map(OrderSoftwareEntity::toValue);
    }

    @Override
    public void save(StoredIncident incident) {
        OrderSoftwareEntity e = em.find(OrderSoftwareEntity.class, incident.orderId());
        if (e == null) {
            em.persist(new OrderSoftwareEntity(incident));
        } else {
            e.apply(incident);
        }
        em.flush();
    }

    @Override
    public List<SoftwareSupport.KnownError> knownErrors(Caller caller) {
        if (!caller.isDealer()) {
            return List.of();
        }
        return em.createQuery("SELECT k FROM KnownError k ORDER BY k.id", KnownErrorEntity.class).getResultList()
                .stream().map(this::value).toList();
    }

    @Override
    public Optional<SoftwareSupport.KnownError> knownError(Caller caller, long id) {
        return entity(caller, id).map(this::value);
    }

    @Override
    public Optional<SoftwareSupport.KnownError> lockKnownError(Caller caller, long id) {
        if (!caller.isDealer()) {
            return Optional.empty();
        }
        em.createNativeQuery("UPDATE KNOWN_ERROR SET VERSION = VERSION WHERE ID = ?").setParameter(1, id)
                .executeUpdate();
        return knownError(caller, id);
    }

    @Override
    public SoftwareSupport.KnownError createKnownError(Caller caller, String title, String description, Instant at) {
        KnownErrorEntity e = new KnownErrorEntity(title, description, at, caller.user());
        em.persist(e);
        em.flush();
        return value(e);
    }

    @Override
    public SoftwareSupport.KnownError releaseFix(Caller caller, long id, long version, Instant at) {
        KnownErrorEntity e = entity(caller, id).orElseThrow(() -> DomainException.notFound("known error", id));
        if (e.getVersion() != version) {
            throw DomainException.stale("known error", id, version);
        }
        e.release(at);
        em.flush();
        return value(e);
    }

    private Optional<KnownErrorEntity> entity(Caller caller, long id) {
        return caller.isDealer() ? Optional.ofNullable(em.find(KnownErrorEntity.class, id)) : Optional.empty();
    }

    private SoftwareSupport.KnownError value(KnownErrorEntity e) {
        List<Long> linked = em.createQuery("SELECT s.orderId FROM OrderSoftware s WHERE s.knownErrorId = :id"
                + " ORDER BY s.orderId", Long.class).setParameter("id", e.getId()).getResultList();
        return e.toValue(linked);
    }

    @Override
    public List<SoftwareSupport.Contact> contacts(Caller caller, long contractId) {
        visibleContract(caller, contractId);
        return em.createQuery("SELECT c FROM NamedContact c WHERE c.contractId = :contract ORDER BY c.id",
                NamedContactEntity.class).setParameter("contract", contractId).getResultList().stream()
                .map(NamedContactEntity::toValue).toList();
    }

    @Override
    public SoftwareSupport.Contact addContact(Caller caller, SoftwareSupport.Contact contact) {
        visibleContract(caller, contact.contractId());
        NamedContactEntity e = new NamedContactEntity(contact);
        em.persist(e);
        em.flush();
        return e.toValue();
    }

    @Override
    public OrderExtras.Extra addExtra(Caller caller, OrderExtras.Extra extra) {
        visibleContract(caller, extra.contractId());
        OrderExtraEntity e = new OrderExtraEntity(extra);
        em.persist(e);
        em.flush();
        return e.toValue();
    }

    @Override
    public List<OrderExtras.Extra> extrasOfOrder(long orderId) {
        return em.createQuery("SELECT e FROM OrderExtra e WHERE e.orderId = :order ORDER BY e.id",
                OrderExtraEntity.class).setParameter("order", orderId).getResultList().stream()
                .map(OrderExtraEntity::toValue).toList();
    }

    @Override
    public List<OrderExtras.Extra> extrasOfContract(Caller caller, long contractId) {
        visibleContract(caller, contractId);
        return em.createQuery("SELECT e FROM OrderExtra e WHERE e.contractId = :contract ORDER BY e.id",
                OrderExtraEntity.class).setParameter("contract", contractId).getResultList().stream()
                .map(OrderExtraEntity::toValue).toList();
    }

    @Override
    public List<OrderExtras.Extra> periodExtras(long contractId, LocalDate day) {
        return em.createQuery("SELECT e FROM OrderExtra e WHERE e.contractId = :contract AND e.orderId IS NULL"
                + " AND e.validFrom <= :day AND e.validTo >= :day ORDER BY e.id", OrderExtraEntity.class)
                .setParameter("contract", contractId).setParameter("day", day).getResultList().stream()
                .map(OrderExtraEntity::toValue).toList();
    }

    @Override
    public List<BillingContext.Work> extraWork(Caller caller, long contractId, LocalDate upTo) {
        visibleContract(caller, contractId);
        Instant end = upTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Object[]> rows = em.createQuery("SELECT e, o.number, o.deviceId FROM OrderExtra e LEFT JOIN"
                + " ServiceOrder o ON o.id = e.orderId WHERE e.contractId = :contract AND ((e.orderId IS NOT NULL"
                + " AND e.orderedAt < :end) OR (e.orderId IS NULL AND e.validFrom <= :upTo)) ORDER BY e.id",
                Object[].class).setParameter("contract", contractId).setParameter("end", end)
                .setParameter("upTo", upTo).getResultList();
        return rows.stream().map(JpaSupport::extra).toList();
    }

    @Override
    public Map<Long, List<BillingContext.Work>> extraWork(Collection<Long> contractIds, LocalDate upTo) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        Instant end = upTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        IdRange ids = IdRange.of(contractIds);
        List<Object[]> rows = ids.bind(em.createQuery("SELECT e, o.number, o.deviceId FROM OrderExtra e LEFT JOIN"
                + " ServiceOrder o ON o.id = e.orderId WHERE " + ids.jpql("e.contractId", "contracts")
                + " AND ((e.orderId IS NOT NULL AND e.orderedAt < :end) OR (e.orderId IS NULL"
                + " AND e.validFrom <= :upTo)) ORDER BY e.id", Object[].class), "contracts").setParameter("end", end)
                .setParameter("upTo", upTo).getResultList();
        return rows.stream().filter(r -> ids.contains(((OrderExtraEntity) r[0]).contractId))
                .collect(Collectors.groupingBy(r -> ((OrderExtraEntity) r[0]).contractId,
                        LinkedHashMap::new, Collectors.mapping(JpaSupport::extra, Collectors.toList())));
    }

    /** An extra as uncovered work, from a row of (extra, order number, order's device). */
    private static BillingContext.Work extra(Object[] r) {
        OrderExtras.Extra x = ((OrderExtraEntity) r[0]).toValue();
        boolean perOrder = x.orderId() != null;
        return new BillingContext.Work(perOrder ? x.orderId() : 0, (String) r[1], perOrder ? (Long) r[2] : null,
                perOrder ? LocalDate.ofInstant(x.orderedAt(), ZoneOffset.UTC) : x.from(), "extra", false,
                BigDecimal.ONE, x.item(), EXTRA_RULE);
    }

    private void visibleContract(Caller caller, long contractId) {
        if (contracts.find(caller, contractId).isEmpty()) {
            throw DomainException.notFound("contract", contractId);
        }
    }
}
