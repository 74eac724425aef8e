package org.dealerhub.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.DeviceRepository;

final class JpaDevices extends VersionedRecords<DeviceEntity, Device> implements DeviceRepository {

    /**
     * A device is visible to the organisations that own it or owned it before; to a device manager if assigned to
     * it (PORTAL-ROLE-2).
     */
    static final String VISIBLE = "(:scope = -1 OR EXISTS (SELECT h FROM DeviceOwnership h"
            + " WHERE h.deviceId = x.id AND h.organisationId = :scope)) AND " + Scope.assigned("x.id");

    JpaDevices(EntityManager em) {
        super(em, DeviceEntity.class, "device", "SELECT x FROM Device x WHERE " + VISIBLE);
    }

    @Override
    Device value(DeviceEntity e) {
        return e.toValue();
    }

    @Override
    public Device create(Caller caller, Device.Draft draft) {
        if (!Scope.reaches(caller, draft.organisationId())
                || em.find(OrganisationEntity.class, draft.organisationId()) == null) {
            throw DomainException.invalid("organisationId", "organisation " + draft.organisationId()
                    + " does not exist");
        }
        DeviceEntity e = new DeviceEntity(draft.organisationId(), draft);
        em.persist(e);
        em.flush();
        em.persist(new DeviceOwnershipEntity(e.getId(), draft.organisationId(), null));
        return flushed(e);
    }

    @Override
    public Device update(Caller caller, long id, long version, Device.Draft draft) {
        DeviceEntity e = current(caller, id, version);
        e.apply(draft);
        return flushed(e);
    }

    @Override
    public Optional<Device> lock(Caller caller, long id) {
        return entity(caller, id).map(e -> {
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
            return e.toValue();
        });
    }

    @Override
    public List<Device.Ownership> ownership(Caller caller, long id) {
        return periods(caller, id).stream().map(DeviceOwnershipEntity::toValue).toList();
    }

    private List<DeviceOwnershipEntity> periods(Caller caller, long id) {
        if (entity(caller, id).isEmpty()) {
            throw DomainException.notFound("device", id);
        }
        return Scope.query(em, caller, "SELECT h FROM DeviceOwnership h WHERE h.deviceId = :id"
                + " AND (:scope = -1 OR h.organisationId = :scope) ORDER BY h.id", DeviceOwnershipEntity.class)
                .setParameter("id", id).getResultList();
    }

    @Override
    public boolean ownedThroughout(Caller caller, long id, long organisationId, LocalDate start, LocalDate end) {
        return ownership(caller, id).stream().anyMatch(h -> h.organisationId() == organisationId
                && (h.from() == null || !h.from().isAfter(start))
                && (h.to() == null || end != null && end.isBefore(h.to())));
    }

    @Override
    public Device.Ownership transfer(Caller caller, long id, long organisationId, LocalDate date) {
        DeviceEntity device = entity(caller, id).orElseThrow(() -> DomainException.notFound("device", id));
        DeviceOwnershipEntity current = em.createQuery("SELECT h FROM DeviceOwnership h WHERE h.deviceId = :id"
                + " AND h.ownedTo IS NULL", DeviceOwnershipEntity.class).setParameter("id", id).getSingleResult();
        current.end(date);
        DeviceOwnershipEntity next = new DeviceOwnershipEntity(id, organisationId, date);
        em.persist(next);
        device.transferTo(organisationId);
        em.flush();
        return next.toValue();
    }

    @Override
    String references(DeviceEntity e) {
        long readings = count("SELECT COUNT(r) FROM MeterReading r WHERE r.deviceId = :id", e.getId());
        long contracts = count("SELECT COUNT(c) FROM Contract c WHERE :id MEMBER OF c.deviceIds", e.getId());
        return readings + contracts == 0 ? null
                : "has " + readings + " meter readings and " + contracts + " contracts; it is kept for their history";
    }

    @Override
    void removing(DeviceEntity e) {
        em.createQuery("DELETE FROM DeviceOwnership h WHERE h.deviceId = :id").setParameter("id", e.getId())
                .executeUpdate();
    }
}
