package org.dealerhub.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.StockLocation;
import org.dealerhub.persistence.api.StockRepository;

final class JpaStock implements StockRepository {

    /** The stock rows of devices whose current owner is in the caller's stock scope ({@link Scope#stock}). */
    private static final String VISIBLE = "SELECT s, d.organisationId FROM StockLocation s, Device d"
            + " WHERE d.id = s.deviceId AND (:scope = -1 OR d.organisationId = :scope)";

    private final EntityManager em;

    JpaStock(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<StockLocation> list(Caller caller, long organisationId) {
        if (!reaches(caller, organisationId) || em.find(OrganisationEntity.class, organisationId) == null) {
            throw DomainException.notFound("organisation", organisationId);
        }
        return em.createQuery(VISIBLE + " AND d.organisationId = :o ORDER BY s.deviceId", Object[].class)
                .setParameter("scope", Scope.stock(caller)).setParameter("o", organisationId).getResultList()
                .stream().map(JpaStock::value).toList();
    }

    @Override
    public Optional<StockLocation> find(Caller caller, long deviceId) {
        return row(caller, deviceId).map(JpaStock::value);
    }

    @Override
    public StockLocation create(Caller caller, long deviceId, StockLocation.Draft draft, Instant at) {
        // the device's row lock decides between two set-ups at once: the second finds the stock row
        DeviceEntity device = em.find(DeviceEntity.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
        if (device == null || !reaches(caller, device.getOrganisationId())) {
            throw DomainException.notFound("device", deviceId);
        }
        if (em.find(StockLocationEntity.class, deviceId) != null) {
            throw DomainException.conflict("deviceId", "device " + deviceId
                    + " is on automatic toner replenishment already");
        }
        StockLocationEntity e = new StockLocationEntity(deviceId);
        e.apply(draft, at, caller.user());
        em.persist(e);
        em.persist(new StockChangeEntity(deviceId, draft, at, caller.user()));
        em.flush();
        return e.toValue(device.getOrganisationId());
    }

    @Override
    public StockLocation update(Caller caller, long deviceId, long version, StockLocation.Draft draft, Instant at) {
        Object[] row = current(caller, deviceId, version);
        StockLocationEntity e = (StockLocationEntity) row[0];
        e.apply(draft, at, caller.user());
        em.persist(new StockChangeEntity(deviceId, draft, at, caller.user()));
        em.flush();
        return e.toValue((Long) row[1]);
    }

    @Override
    public void delete(Caller caller, long deviceId, long version, Instant at) {
        StockLocationEntity e = (StockLocationEntity) current(caller, deviceId, version)[0];
        em.remove(e);
        em.persist(new StockChangeEntity(deviceId, null, at, caller.user()));
        em.flush();
    }

    @Override
    public List<StockLocation.Change> changes(Caller caller, long deviceId) {
        DeviceEntity device = em.find(DeviceEntity.class, deviceId);
        if (device == null || !reaches(caller, device.getOrganisationId())) {
            throw DomainException.notFound("device", deviceId);
        }
        return em.createQuery("SELECT c FROM StockChange c WHERE c.deviceId = :d ORDER BY c.id", StockChangeEntity.class)
                .setParameter("d", deviceId).getResultList().stream().map(StockChangeEntity::toValue).toList();
    }

    private static boolean reaches(Caller caller, long organisationId) {
        long scope = Scope.stock(caller);
        return scope == Scope.ALL || scope == organisationId;
    }

    private Optional<Object[]> row(Caller caller, long deviceId) {
        return em.createQuery(VISIBLE + " AND s.deviceId = :d", Object[].class)
                .setParameter("scope", Scope.stock(caller)).setParameter("d", deviceId).getResultList().stream()
                .findFirst();
    }

    /**
     * The visible stock row (else NOT_FOUND), locked until the unit of work ends, if still at the version the caller
     * read (else PRECONDITION_FAILED): of two writes based on one version, the second waits and then is refused.
     * The version moves on with every write, even one that leaves the values as they were (it is audited).
     */
    private Object[] current(Caller caller, long deviceId, long version) {
        Object[] row = row(caller, deviceId).orElseThrow(() -> DomainException.notFound("stock location", deviceId));
        StockLocationEntity e = (StockLocationEntity) row[0];
        em.refresh(e, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (e.getVersion() != version) {
            throw DomainException.stale("stock location", deviceId, version);
        }
        return row;
    }

    private static StockLocation value(Object[] row) {
        return ((StockLocationEntity) row[0]).toValue((Long) row[1]);
    }
}
