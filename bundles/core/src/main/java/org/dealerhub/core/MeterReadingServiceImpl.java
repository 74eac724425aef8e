package org.dealerhub.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.persistence.api.MeterLog;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Meter readings (PORTAL-METER-1..3). A submission for a device runs in one transaction holding the device's row
 * lock, so concurrent submissions for the same device are decided one after the other; the accepted readings are
 * committed (and durable) before the outcome is returned.
 */
@Component(service = {MeterReadingService.class, MeterReadingServiceImpl.class})
public class MeterReadingServiceImpl implements MeterReadingService {

    /** The earliest time zone: a reading may not be dated after today there (platform decision). */
    static final ZoneId EARLIEST = ZoneId.of("Pacific/Kiritimati");

    private final Store store;
    private final Clock clock;

    @Activate
    public MeterReadingServiceImpl(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<MeterReading.Outcome> submit(Caller caller, long deviceId, List<MeterReading.Draft> readings) {
        List<MeterHistory.Submitted> submitted = validate(readings);
        Instant now = clock.instant();
        return store.tx(r -> decide(r, caller, deviceId, submitted, now));
    }

    /**
     * Submits readings within a caller's unit of work (monitoring events, handover acts): validated as a
     * submission, decided under the device's row lock, the accepted ones stored with the unit of work.
     */
    List<MeterReading.Outcome> submit(Repositories r, Caller caller, long deviceId, List<MeterReading.Draft> readings,
            Instant now) {
        return decide(r, caller, deviceId, validate(readings), now);
    }

    private static List<MeterReading.Outcome> decide(Repositories r, Caller caller, long deviceId,
            List<MeterHistory.Submitted> submitted, Instant now) {
        MeterLog log = r.readings().writable(caller, deviceId);
        MeterHistory history = new MeterHistory(known(log, submitted), log.writableFrom().orElse(null));
        List<MeterReading.Draft> accepted = new ArrayList<>();
        List<MeterReading.Outcome> outcomes = history.decide(submitted, accepted);
        log.append(accepted, now, caller.user());
        return outcomes;
    }

    /**
     * The accepted readings the submission is decided against. When every submitted reading is newer than the
     * device's last one (the usual case) that last one is all it takes, and none for a device without readings;
     * otherwise the history around the dates.
     */
    private static Map<LocalDate, Counters> known(MeterLog log, List<MeterHistory.Submitted> submitted) {
        Optional<MeterReading> last = log.last();
        if (last.isEmpty()) {
            return Map.of();
        }
        if (submitted.stream().allMatch(s -> s.draft().date().isAfter(last.get().date()))) {
            return Map.of(last.get().date(), last.get().counters());
        }
        LocalDate first = submitted.stream().map(s -> s.draft().date()).min(LocalDate::compareTo).orElseThrow();
        LocalDate lastDate = submitted.stream().map(s -> s.draft().date()).max(LocalDate::compareTo).orElseThrow();
        return log.around(first, lastDate);
    }

    @Override
    public List<MeterReading> history(Caller caller, long deviceId) {
        return store.read(r -> r.readings().history(caller, deviceId));
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
        LocalDate latest = LocalDate.now(clock.withZone(EARLIEST));
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
