package org.dealerhub.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.OrderRepository;
import org.dealerhub.persistence.api.StoredOrder;

final class JpaOrders extends VersionedRecords<ServiceOrderEntity, StoredOrder> implements OrderRepository {

    JpaOrders(EntityManager em) {
        super(em, ServiceOrderEntity.class, "order",
                "SELECT x FROM ServiceOrder x WHERE (:scope = -1 OR x.organisationId = :scope) AND "
                        + Scope.assigned("x.deviceId"));
    }

    @Override
    StoredOrder value(ServiceOrderEntity e) {
        return e.toValue();
    }

    @Override
    public StoredOrder register(Caller caller, StoredOrder order, LongFunction<String> number) {
        if (!Scope.reaches(caller, order.organisationId())) {
            throw DomainException.notFound("device", order.deviceId());
        }
        ServiceOrderEntity e = new ServiceOrderEntity(order);
        em.persist(e);
        e.number(number.apply(e.getId()));
        return flushed(e);
    }

    @Override
    public Optional<StoredOrder> lock(Caller caller, long id) {
        // the row lock first, by a plain SQL write that changes nothing (a JPQL bulk update would move the version
        // on), and only then the read: the order is read as the previous change committed it
        em.createNativeQuery("UPDATE SERVICE_ORDER SET VERSION = VERSION WHERE ID = ?").setParameter(1, id)
                .executeUpdate();
        return entity(caller, id).map(ServiceOrderEntity::toValue);
    }

    @Override
    public StoredOrder update(Caller caller, StoredOrder order) {
        ServiceOrderEntity e = current(caller, order.id(), order.version());
        if (e.toValue().equals(order)) {
            // the pauses are part of the order: a change of them alone moves its version on as well (explicitly:
            // em.lock with OPTIMISTIC_FORCE_INCREMENT left the version where it was, EclipseLink 2.7.15 on Derby)
            em.createNativeQuery("UPDATE SERVICE_ORDER SET VERSION = VERSION + 1 WHERE ID = ?")
                    .setParameter(1, order.id()).executeUpdate();
            em.refresh(e);
            return e.toValue();
        }
        e.apply(order);
        return flushed(e);
    }

    @Override
    public List<StoredOrder> list(Caller caller, OrderState state, Long deviceId, Long organisationId, int offset,
            int limit) {
        // only the given filters, so that no parameter of unknown type is compared with NULL (Derby refuses that)
        StringBuilder jpql = new StringBuilder("SELECT x FROM ServiceOrder x WHERE (:scope = -1 OR"
                + " x.organisationId = :scope) AND " + Scope.assigned("x.deviceId"));
        if (state != null) {
            jpql.append(" AND x.state = :state");
        }
        if (deviceId != null) {
            jpql.append(" AND x.deviceId = :device");
        }
        if (organisationId != null) {
            jpql.append(" AND x.organisationId = :org");
        }
        var query = Scope.query(em, caller, jpql + " ORDER BY x.id", ServiceOrderEntity.class);
        if (state != null) {
            query.setParameter("state", state);
        }
        if (deviceId != null) {
            query.setParameter("device", deviceId);
        }
        if (organisationId != null) {
            query.setParameter("org", organisationId);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(ServiceOrderEntity::toValue).toList();
    }

    @Override
    public Map<Long, List<ServiceOrder.Pause>> pauses(Caller caller, Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return Scope.query(em, caller, "SELECT p FROM OrderPause p WHERE p.orderId IN :ids AND (:scope = -1 OR"
                + " EXISTS (SELECT o FROM ServiceOrder o WHERE o.id = p.orderId AND o.organisationId = :scope))"
                + " ORDER BY p.id", OrderPauseEntity.class).setParameter("ids", orderIds).getResultList().stream()
                .collect(Collectors.groupingBy(OrderPauseEntity::orderId,
                        Collectors.mapping(OrderPauseEntity::toValue, Collectors.toList())));
    }

    @Override
    public ServiceOrder.Pause pause(Caller caller, long orderId, ServiceOrder.PauseReason reason, String note,
            Instant from) {
        visible(caller, orderId);
        OrderPauseEntity p = new OrderPauseEntity(orderId, reason, note, from);
        em.persist(p);
        em.flush();
        return p.toValue();
    }

    @Override
    public ServiceOrder.Pause endPause(Caller caller, long orderId, long pauseId, Instant to) {
        visible(caller, orderId);
        OrderPauseEntity p = em.createQuery("SELECT p FROM OrderPause p WHERE p.id = :id AND p.orderId = :order"
                + " AND p.pausedTo IS NULL", OrderPauseEntity.class).setParameter("id", pauseId)
                .setParameter("order", orderId).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.notFound("open pause", pauseId));
        p.end(to);
        em.flush();
        return p.toValue();
    }

    @Override
    public void record(Caller caller, long orderId, ServiceOrder.Event event) {
        visible(caller, orderId);
        em.persist(new OrderEventEntity(orderId, event));
    }

    @Override
    public List<ServiceOrder.Event> history(Caller caller, long orderId) {
        visible(caller, orderId);
        return em.createQuery("SELECT e FROM OrderEvent e WHERE e.orderId = :order ORDER BY e.id",
                OrderEventEntity.class).setParameter("order", orderId).getResultList().stream()
                .map(OrderEventEntity::toValue).toList();
    }

    private void visible(Caller caller, long orderId) {
        if (entity(caller, orderId).isEmpty()) {
            throw DomainException.notFound("order", orderId);
        }
    }

    @Override
    String references(ServiceOrderEntity e) {
        return "has an audit trail; orders are kept, cancel it instead";
    }
}
