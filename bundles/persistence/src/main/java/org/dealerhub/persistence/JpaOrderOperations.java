package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.FaultCause;
import org.dealerhub.api.Loan;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.persistence.api.OrderOperationsRepository;

final class JpaOrderOperations implements OrderOperationsRepository {

    static final String SWAP = "SWAP";
    static final String RETURN = "RETURN";

    /** The caller's scope on the order a record belongs to (alias {@code o}). */
    private static final String ORDER_SCOPE = " AND (:scope = -1 OR o.organisationId = :scope)";

    private final EntityManager em;

    JpaOrderOperations(EntityManager em) {
        this.em = em;
    }

    @Override
    public long recordEvent(MonitoringEvent event, MonitoringEvent.Outcome outcome, Instant receivedAt,
            String receivedBy) {
        MonitoringEventEntity e = new MonitoringEventEntity(event, outcome, receivedAt, receivedBy);
        em.persist(e);
        em.flush();
        return e.id;
    }

    @Override
    public long lend(long orderId, long contractId, long deviceId, long loanDeviceId, FaultCause cause,
            LocalDate from, String by) {
        DeviceLoanEntity loan = new DeviceLoanEntity(orderId, contractId, deviceId, loanDeviceId, cause, from, by);
        em.persist(loan);
        em.flush();
        return loan.id;
    }

    @Override
    public void endLoan(long orderId, long loanId, LocalDate to, String by) {
        DeviceLoanEntity loan = em.createQuery("SELECT l FROM DeviceLoan l WHERE l.id = :id AND l.orderId = :order"
                + " AND l.returnedOn IS NULL", DeviceLoanEntity.class).setParameter("id", loanId)
                .setParameter("order", orderId).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.notFound("open loan", loanId));
        loan.returnedOn = to;
        loan.returnedBy = by;
        em.flush();
    }

    @Override
    public void act(long loanId, String act, long deviceId, LocalDate date, Counters counters,
            MeterReading.Outcome reading, Instant at, String by) {
        em.persist(new HandoverActEntity(loanId, act, deviceId, date, counters, reading.accepted(), reading.rule(),
                at, by));
    }

    @Override
    public List<Loan> loans(Caller caller, long orderId) {
        return loans(Scope.query(em, caller, "SELECT l, o.number FROM DeviceLoan l, ServiceOrder o WHERE"
                + " o.id = l.orderId AND l.orderId = :order" + ORDER_SCOPE + " ORDER BY l.id", Object[].class)
                .setParameter("order", orderId).getResultList());
    }

    @Override
    public Optional<Loan> openLoanOfLoanDevice(long loanDeviceId) {
        return loans(em.createQuery("SELECT l, o.number FROM DeviceLoan l, ServiceOrder o WHERE o.id = l.orderId"
                + " AND l.loanDeviceId = :device AND l.returnedOn IS NULL", Object[].class)
                .setParameter("device", loanDeviceId).getResultList()).stream().findFirst();
    }

    @Override
    public List<Loan> loansOfContract(Caller caller, long contractId, LocalDate upTo) {
        return loans(Scope.query(em, caller, "SELECT l, o.number FROM DeviceLoan l, ServiceOrder o WHERE"
                + " o.id = l.orderId AND l.contractId = :contract AND l.lentOn <= :upTo" + ORDER_SCOPE
                + " ORDER BY l.id", Object[].class).setParameter("contract", contractId).setParameter("upTo", upTo)
                .getResultList());
    }

    @Override
    public Map<Long, List<Loan>> loansOfContracts(Collection<Long> contractIds, LocalDate upTo) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        IdRange ids = IdRange.of(contractIds);
        return loans(ids.bind(em.createQuery("SELECT l, o.number FROM DeviceLoan l, ServiceOrder o WHERE"
                + " o.id = l.orderId AND " + ids.jpql("l.contractId", "contracts") + " AND l.lentOn <= :upTo"
                + " ORDER BY l.id", Object[].class), "contracts").setParameter("upTo", upTo).getResultList().stream()
                .filter(row -> ids.contains(((DeviceLoanEntity) row[0]).contractId)).toList()).stream()
                .collect(Collectors.groupingBy(Loan::contractId));
    }

    /** Loans from rows of (loan, order number), with their handover acts. */
    private List<Loan> loans(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> ((DeviceLoanEntity) row[0]).id).toList();
        Map<Long, List<HandoverActEntity>> acts = em.createQuery("SELECT a FROM HandoverAct a WHERE a.loanId IN :ids"
                + " ORDER BY a.id", HandoverActEntity.class).setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(a -> a.loanId));
        return rows.stream().map(row -> {
            DeviceLoanEntity l = (DeviceLoanEntity) row[0];
            List<HandoverActEntity> of = acts.getOrDefault(l.id, List.of());
            return new Loan(l.id, l.orderId, (String) row[1], l.contractId, l.deviceId, l.loanDeviceId, l.cause,
                    l.lentOn, l.returnedOn, handover(of, SWAP, l), handover(of, RETURN, l), l.lentBy, l.returnedBy,
                    List.of(), 0);
        }).toList();
    }

    private static Loan.Handover handover(List<HandoverActEntity> acts, String act, DeviceLoanEntity loan) {
        Optional<HandoverActEntity> device = acts.stream().filter(a -> a.act.equals(act) && a.deviceId == loan.deviceId)
                .findFirst();
        Optional<HandoverActEntity> lent = acts.stream()
                .filter(a -> a.act.equals(act) && a.deviceId == loan.loanDeviceId).findFirst();
        if (device.isEmpty() || lent.isEmpty()) {
            return null;
        }
        return new Loan.Handover(device.get().date, device.get().counters(), lent.get().counters());
    }

    @Override
    public void resolution(long orderId, Resolution.Kind kind) {
        em.createNativeQuery("UPDATE SERVICE_ORDER SET RESOLUTION = ? WHERE ID = ?")
                .setParameter(1, kind == null ? null : kind.name()).setParameter(2, orderId).executeUpdate();
    }

    @Override
    public Optional<Resolution.Kind> resolution(Caller caller, long orderId) {
        List<?> found = em.createNativeQuery("SELECT RESOLUTION FROM SERVICE_ORDER WHERE ID = ? AND (? = -1 OR"
                + " ORGANISATION_ID = ?)").setParameter(1, orderId).setParameter(2, Scope.of(caller))
                .setParameter(3, Scope.of(caller)).getResultList();
        return found.stream().filter(java.util.Objects::nonNull).findFirst()
                .map(r -> Resolution.Kind.valueOf(r.toString()));
    }

    @Override
    public long addWork(OrderWork work) {
        OrderWorkEntity e = new OrderWorkEntity(work);
        em.persist(e);
        em.flush();
        return e.id;
    }

    @Override
    public List<OrderWork> work(Caller caller, long orderId) {
        return Scope.query(em, caller, "SELECT w, o.number FROM OrderWork w, ServiceOrder o WHERE o.id = w.orderId"
                + " AND w.orderId = :order" + ORDER_SCOPE + " ORDER BY w.id", Object[].class)
                .setParameter("order", orderId).getResultList().stream()
                .map(row -> ((OrderWorkEntity) row[0]).toValue((String) row[1])).toList();
    }

    @Override
    public List<BillingContext.Work> workOfContract(Caller caller, long contractId, LocalDate upTo) {
        return Scope.query(em, caller, "SELECT w, o.number FROM OrderWork w, ServiceOrder o WHERE o.id = w.orderId"
                + " AND o.contractId = :contract AND w.date <= :upTo" + ORDER_SCOPE + " ORDER BY w.date, w.id",
                Object[].class).setParameter("contract", contractId).setParameter("upTo", upTo).getResultList()
                .stream().map(JpaOrderOperations::work).toList();
    }

    @Override
    public Map<Long, List<BillingContext.Work>> workOfContracts(Collection<Long> contractIds, LocalDate upTo) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        IdRange ids = IdRange.of(contractIds);
        return ids.bind(em.createQuery("SELECT w, o.number, o.contractId FROM OrderWork w, ServiceOrder o"
                + " WHERE o.id = w.orderId AND " + ids.jpql("o.contractId", "contracts") + " AND w.date <= :upTo"
                + " ORDER BY w.date, w.id", Object[].class), "contracts").setParameter("upTo", upTo)
                .getResultList().stream().filter(row -> ids.contains((Long) row[2]))
                .collect(Collectors.groupingBy(row -> (Long) row[2], LinkedHashMap::new,
                        Collectors.mapping(JpaOrderOperations::work, Collectors.toList())));
    }

    /** Work for billing from a row of (work, order number, ...). */
    private static BillingContext.Work work(Object[] row) {
        OrderWorkEntity w = (OrderWorkEntity) row[0];
        return new BillingContext.Work(w.orderId, (String) row[1], w.deviceId, w.date, w.kind.name().toLowerCase(),
                w.covered, BigDecimal.valueOf(w.minutes), null, w.rule);
    }
}
