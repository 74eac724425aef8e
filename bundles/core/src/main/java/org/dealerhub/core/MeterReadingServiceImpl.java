package org.dealerhub.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.persistence.DeviceEntity;
import org.dealerhub.persistence.MeterReadingEntity;
import org.dealerhub.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Meter readings (PORTAL-METER-1..3). A submission for a device runs in one transaction holding the device's row
 * lock, so concurrent submissions for the same device are decided one after the other; the accepted readings are
 * committed (and durable) before the outcome is returned.
 */
@Component
public class MeterReadingServiceImpl implements MeterReadingService {

    private final Store store;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public MeterReadingServiceImpl(@Reference Store store) {
        this.store = store;
    }

    @Override
    public List<MeterReading.Outcome> submit(Caller caller, long deviceId, List<MeterReading.Draft> readings) {
        List<MeterHistory.Submitted> submitted = validate(readings);
        Instant now = clock.instant();
        return store.tx(em -> {
            // the device's row lock orders concurrent submissions for the same device
            DeviceEntity device = DeviceServiceImpl.find(em, caller, deviceId, LockModeType.PESSIMISTIC_WRITE);
            MeterReadingEntity last = device.getLastReadingId() == null ? null
                    : em.find(MeterReadingEntity.class, device.getLastReadingId());
            MeterHistory history = new MeterHistory(known(em, deviceId, last, submitted));
            List<MeterReading.Draft> accepted = new ArrayList<>();
            List<MeterReading.Outcome> outcomes = history.decide(submitted, accepted);
            MeterReadingEntity newest = last;
            for (MeterReading.Draft d : accepted) {
                MeterReadingEntity entity = new MeterReadingEntity(deviceId, d.date(), d.counters(), now,
                        caller.user());
                em.persist(entity);
                if (newest == null || entity.getDate().isAfter(newest.getDate())) {
                    newest = entity;
                }
            }
            if (newest != last) {
                device.setLastReadingId(newest.getId());
            }
            return outcomes;
        });
    }

    /**
     * The accepted readings the submission is decided against. When every submitted reading is newer than the
     * device's last one (the usual case) that last one is all it takes; otherwise the history around the dates.
     */
    private static Map<LocalDate, Counters> known(EntityManager em, long deviceId, MeterReadingEntity last,
            List<MeterHistory.Submitted> submitted) {
        boolean appends = last != null && submitted.stream().allMatch(s -> s.draft().date().isAfter(last.getDate()));
        if (last == null || !appends) {
            return neighbourhood(em, deviceId, submitted);
        }
        MeterReading value = last.toValue();
        return Map.of(value.date(), value.counters());
    }

    @Override
    public List<MeterReading> history(Caller caller, long deviceId) {
        return store.read(em -> {
            DeviceServiceImpl.find(em, caller, deviceId);
            return em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d ORDER BY r.date",
                    MeterReadingEntity.class).setParameter("d", deviceId).getResultList().stream()
                    .map(MeterReadingEntity::toValue).toList();
        });
    }

    /** The accepted readings in the submission's date range and one on each side of it. */
    private static Map<LocalDate, Counters> neighbourhood(EntityManager em, long deviceId,
            List<MeterHistory.Submitted> submitted) {
        LocalDate first = submitted.stream().map(s -> s.draft().date()).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = submitted.stream().map(s -> s.draft().date()).max(LocalDate::compareTo).orElseThrow();
        Map<LocalDate, Counters> known = new HashMap<>();
        em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date BETWEEN :f AND :l",
                MeterReadingEntity.class).setParameter("d", deviceId).setParameter("f", first).setParameter("l", last)
                .getResultList().forEach(r -> put(known, r));
        em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date < :f ORDER BY r.date DESC",
                MeterReadingEntity.class).setParameter("d", deviceId).setParameter("f", first).setMaxResults(1)
                .getResultList().forEach(r -> put(known, r));
        em.createQuery("SELECT r FROM MeterReading r WHERE r.deviceId = :d AND r.date > :l ORDER BY r.date ASC",
                MeterReadingEntity.class).setParameter("d", deviceId).setParameter("l", last).setMaxResults(1)
                .getResultList().forEach(r -> put(known, r));
        return known;
    }

    private static void put(Map<LocalDate, Counters> known, MeterReadingEntity r) {
        MeterReading value = r.toValue();
        known.put(value.date(), value.counters());
    }

    /** Shape checks that refuse the whole request: 400 with the field. */
    private List<MeterHistory.Submitted> validate(List<MeterReading.Draft> readings) {
        if (readings == null || readings.isEmpty()) {
            throw DomainException.invalid("readings", "at least one reading is required");
        }
        if (readings.size() > MAX_BATCH) {
            throw DomainException.invalid("readings", "at most " + MAX_BATCH + " readings per request");
        }
        // a reading may not be dated after today anywhere on earth (platform decision)
        LocalDate latest = LocalDate.now(clock.withZone(ZoneId.of("Pacific/Kiritimati")));
        List<MeterHistory.Submitted> submitted = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            MeterReading.Draft d = readings.get(i);
            String at = readings.size() == 1 ? "" : "readings[" + i + "].";
            if (d == null) {
                throw DomainException.invalid("readings[" + i + "]", "a reading is required");
            }
            Checks.required(d.date(), at + "date");
            Checks.required(d.counters(), at + "counters");
            Checks.date(d.date(), at + "date");
            if (d.date().isAfter(latest)) {
                throw DomainException.invalid(at + "date", "a reading cannot be dated in the future");
            }
            long[] values = d.counters().values();
            for (int c = 0; c < values.length; c++) {
                Checks.range(values[c], at + "counters." + Counters.NAMES[c], 0, Checks.MAX_COUNTER);
            }
            submitted.add(new MeterHistory.Submitted(i, d));
        }
        return submitted;
    }
}
