package org.dealerhub.core;

import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.DeviceEntity;
import org.dealerhub.persistence.OrganisationEntity;
import org.dealerhub.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component
public class DeviceServiceImpl implements DeviceService {

    private final Store store;

    @Activate
    public DeviceServiceImpl(@Reference Store store) {
        this.store = store;
    }

    @Override
    public List<Device> list(Caller caller) {
        return store.read(em -> {
            if (caller.isDealer()) {
                return em.createQuery("SELECT d FROM Device d ORDER BY d.id", DeviceEntity.class)
                        .getResultList().stream().map(DeviceEntity::toValue).toList();
            }
            Long own = Access.ownOrganisation(em, caller);
            return em.createQuery("SELECT d FROM Device d WHERE d.organisationId = :o ORDER BY d.id",
                    DeviceEntity.class).setParameter("o", own == null ? -1L : own)
                    .getResultList().stream().map(DeviceEntity::toValue).toList();
        });
    }

    @Override
    public Device get(Caller caller, long id) {
        return store.read(em -> find(em, caller, id).toValue());
    }

    @Override
    public Device create(Caller caller, Device.Draft draft) {
        Access.requireDealer(caller);
        Device.Draft valid = validate(draft);
        return store.tx(em -> {
            requireOrganisation(em, valid.organisationId());
            requireUniqueSerial(em, valid, -1);
            DeviceEntity e = new DeviceEntity();
            e.apply(valid);
            em.persist(e);
            em.flush();
            return e.toValue();
        });
    }

    @Override
    public Device update(Caller caller, long id, Device.Draft draft) {
        Device.Draft valid = validate(draft);
        return store.tx(em -> {
            DeviceEntity e = find(em, caller, id);
            Access.requireDealer(caller);
            requireOrganisation(em, valid.organisationId());
            requireUniqueSerial(em, valid, id);
            e.apply(valid);
            return e.toValue();
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        store.tx(em -> {
            DeviceEntity e = find(em, caller, id);
            Access.requireAdmin(caller, "delete");
            long readings = em.createQuery("SELECT COUNT(r) FROM MeterReading r WHERE r.deviceId = :d", Long.class)
                    .setParameter("d", id).getSingleResult();
            long contracts = em.createQuery(
                    "SELECT COUNT(c) FROM Contract c WHERE :d MEMBER OF c.deviceIds", Long.class)
                    .setParameter("d", id).getSingleResult();
            if (readings + contracts > 0) {
                throw DomainException.conflict("id", "device " + id + " has " + readings
                        + " meter readings and " + contracts + " contracts; it is kept for their history");
            }
            em.remove(e);
            return null;
        });
    }

    /** The device if the caller may see it, else NOT_FOUND. */
    static DeviceEntity find(EntityManager em, Caller caller, long id) {
        return find(em, caller, id, LockModeType.NONE);
    }

    static DeviceEntity find(EntityManager em, Caller caller, long id, LockModeType lock) {
        DeviceEntity e = em.find(DeviceEntity.class, id, lock);
        if (e == null || !Access.sees(em, caller, e.getOrganisationId())) {
            throw DomainException.notFound("device", id);
        }
        return e;
    }

    private static void requireOrganisation(EntityManager em, long organisationId) {
        if (em.find(OrganisationEntity.class, organisationId) == null) {
            throw new DomainException(DomainException.Kind.INVALID, "organisation " + organisationId
                    + " does not exist", "organisationId", null);
        }
    }

    private static void requireUniqueSerial(EntityManager em, Device.Draft d, long self) {
        boolean taken = !em.createQuery("SELECT d.id FROM Device d WHERE d.vendor = :v AND d.serialNumber = :s"
                + " AND d.id <> :self", Long.class).setParameter("v", d.vendor()).setParameter("s", d.serialNumber())
                .setParameter("self", self).getResultList().isEmpty();
        if (taken) {
            throw DomainException.conflict("serialNumber", "a " + d.vendor() + " device with serial number "
                    + d.serialNumber() + " already exists");
        }
    }

    private static Device.Draft validate(Device.Draft d) {
        Checks.draft(d);
        return new Device.Draft(Checks.id(d.organisationId(), "organisationId"),
                Checks.text(d.vendor(), "vendor", 60), Checks.text(d.model(), "model", 100),
                Checks.optionalText(d.modelFamily(), "modelFamily", 100), Checks.required(d.format(), "format"),
                Checks.text(d.serialNumber(), "serialNumber", 60),
                Checks.optionalText(d.serviceNumber(), "serviceNumber", 60),
                Checks.optionalText(d.location(), "location", 200),
                d.remotelyMonitored() != null && d.remotelyMonitored());
    }
}
