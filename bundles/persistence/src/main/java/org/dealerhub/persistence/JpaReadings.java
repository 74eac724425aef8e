package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterReading;
import org.dealerhub.persistence.api.MeterLog;
import org.dealerhub.persistence.api.ReadingRepository;

final class JpaReadings implements ReadingRepository {

    private final EntityManager em;
    private final JpaDevices devices;

    JpaReadings(EntityManager em, JpaDevices devices) {
        this.em = em;
        this.devices = devices;
    }

    @Override
    public List<MeterReading> history(Caller caller, long deviceId) {
        if (devices.entity(caller, deviceId).isEmpty()) {
            throw DomainException.notFound("device", deviceId);
        }
        // a customer reads the days its organisation owned the device, no other
        return Scope.query(em, caller, "SELECT r FROM MeterReading r WHERE r.deviceId = :d AND (:scope = -1"
                + " OR EXISTS (SELECT h FROM DeviceOwnership h WHERE h.deviceId = r.deviceId"
                + " AND h.organisationId = :scope AND (h.ownedFrom IS NULL OR h.ownedFrom <= r.date)"
                + " AND (h.ownedTo IS NULL OR r.date < h.ownedTo))) ORDER BY r.date", MeterReadingEntity.class)
                .setParameter("d", deviceId).getResultList().stream().map(MeterReadingEntity::toValue).toList();
    }

    @Override
    public List<MeterCorrection> corrections(Caller caller, long deviceId) {
        if (devices.entity(caller, deviceId).isEmpty()) {
            throw DomainException.notFound("device", deviceId);
        }
        return Scope.query(em, caller, "SELECT c FROM MeterCorrection c WHERE c.deviceId = :d AND (:scope = -1"
                + " OR EXISTS (SELECT h FROM DeviceOwnership h WHERE h.deviceId = c.deviceId"
                + " AND h.organisationId = :scope AND (h.ownedFrom IS NULL OR h.ownedFrom <= c.oldDate)"
                + " AND (h.ownedTo IS NULL OR c.oldDate < h.ownedTo))) ORDER BY c.id", MeterCorrectionEntity.class)
                .setParameter("d", deviceId).getResultList().stream().map(MeterCorrectionEntity::toValue).toList();
    }

    @Override
    public MeterLog writable(Caller caller, long deviceId) {
        DeviceEntity device = devices.entity(caller, deviceId)
                .orElseThrow(() -> DomainException.notFound("device", deviceId));
        // the device's row lock orders concurrent submissions for the same device
        em.refresh(device, LockModeType.PESSIMISTIC_WRITE);
        if (!Scope.reaches(caller, device.getOrganisationId())) {
            throw DomainException.forbidden("only the device's current owner submits its meter readings");
        }
        Optional<LocalDate> from = caller.isDealer() ? Optional.empty()
                : Optional.ofNullable(em.createQuery("SELECT h.ownedFrom FROM DeviceOwnership h"
                        + " WHERE h.deviceId = :d AND h.ownedTo IS NULL", LocalDate.class)
                        .setParameter("d", deviceId).getSingleResult());
        return new Log(device, from);
    }

    private final class Log implements MeterLog {
        private final DeviceEntity device;
        private final Optional<LocalDate> from;

        Log(DeviceEntity device, Optional<LocalDate> from) {
            this.device = device;
            this.from = from;
        }

        @Override
        public Optional<MeterReading> last() {
            return Optional.ofNullable(device.getLastReadingId())
                    .map(id -> em.find(MeterReadingEntity.class, id).toValue());
        }

        @Override
        public Map<LocalDate, Counters> around(LocalDate first, LocalDate last) {
            Map<LocalDate, Counters> known = new HashMap<>();
            long d = device.getId();
            em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date BETWEEN :f AND :l",
                    MeterReadingEntity.class).setParameter("d", d).setParameter("f", first).setParameter("l", last)
                    .getResultList().forEach(r -> put(known, r));
            em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date < :f ORDER BY r.date DESC",
                    MeterReadingEntity.class).setParameter("d", d).setParameter("f", first).setMaxResults(1)
                    .getResultList().forEach(r -> put(known, r));
            em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date > :l ORDER BY r.date ASC",
                    MeterReadingEntity.class).setParameter("d", d).setParameter("l", last).setMaxResults(1)
                    .getResultList().forEach(r -> put(known, r));
            return known;
        }

        @Override
        public Optional<LocalDate> writableFrom() {
            return from;
        }

        @Override
        public void append(List<MeterReading.Draft> accepted, Instant acceptedAt, String acceptedBy) {
            MeterReadingEntity newest = device.getLastReadingId() == null ? null
                    : em.find(MeterReadingEntity.class, device.getLastReadingId());
            for (MeterReading.Draft d : accepted) {
                MeterReadingEntity entity = new MeterReadingEntity(device.getId(), d.date(), d.counters(),
                        acceptedAt, acceptedBy);
                em.persist(entity);
                if (newest == null || entity.getDate().isAfter(newest.getDate())) {
                    newest = entity;
                }
            }
            if (newest != null) {
                // the pointer to the newest reading is no change of the device: its version stays (plain SQL, as a
                // JPQL bulk update would increment it)
                em.flush();
                em.createNativeQuery("UPDATE DEVICE SET LAST_READING_ID = ? WHERE ID = ?")
                        .setParameter(1, newest.getId()).setParameter(2, device.getId()).executeUpdate();
            }
        }

        @Override
        public Optional<MeterReading> on(LocalDate date) {
            return entityOn(date).map(MeterReadingEntity::toValue);
        }

        @Override
        public MeterCorrection correct(LocalDate date, LocalDate newDate, Counters counters, String reason,
                Instant at, String by) {
            MeterReadingEntity reading = entityOn(date).orElseThrow(() -> DomainException.notFound("reading", date));
            MeterReading old = reading.toValue();
            if (newDate == null) {
                em.remove(reading);
            } else {
                reading.correct(newDate, counters);
            }
            MeterCorrectionEntity correction = new MeterCorrectionEntity(device.getId(), date, old.counters(),
                    newDate, counters, reason, at, by);
            em.persist(correction);
            em.flush();
            // the newest reading may be another one now (the pointer is no change of the device, as in append)
            em.createNativeQuery("UPDATE DEVICE SET LAST_READING_ID = (SELECT MAX(r.ID) FROM METER_READING r"
                    + " WHERE r.DEVICE_ID = ? AND r.READING_DATE = (SELECT MAX(r2.READING_DATE) FROM METER_READING r2"
                    + " WHERE r2.DEVICE_ID = ?)) WHERE ID = ?").setParameter(1, device.getId())
                    .setParameter(2, device.getId()).setParameter(3, device.getId()).executeUpdate();
            return correction.toValue();
        }

        private Optional<MeterReadingEntity> entityOn(LocalDate date) {
            return em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date = :date",
                    MeterReadingEntity.class).setParameter("d", device.getId()).setParameter("date", date)
                    .getResultList().stream().findFirst();
        }

        private static void put(Map<LocalDate, Counters> known, MeterReadingEntity r) {
            MeterReading value = r.toValue();
            known.put(value.date(), value.counters());
        }
    }
}
