package org.dealerhub.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterCorrections;
import org.dealerhub.api.MeterReading;
import org.dealerhub.persistence.api.MeterLog;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * PORTAL-METER-4 (platform decision): the service centre corrects a device's meter history (a reading's counters or
 * date, or voids it) with a reason, and every correction is audited with who, when, and the old and new values.
 * The corrected reading must fit the history around it (PORTAL-METER-1, -2, refused naming the rule); voiding one
 * always does (its neighbours were in order around it). A correction holds the device's row lock like a
 * submission, so the two never interleave. Billing reads the corrected history: the next run bills the difference
 * as an adjustment (the invoices already written never change).
 */
@Component
public class MeterCorrectionsImpl implements MeterCorrections {

    static final String RULE = "PORTAL-METER-4";

    private final Store store;
    private final Clock clock;

    @Activate
    public MeterCorrectionsImpl(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public MeterCorrection correct(Caller caller, long deviceId, MeterCorrection.Draft draft) {
        Access.requireDealerOnDevice(caller, store, deviceId, () -> new DomainException(
                DomainException.Kind.FORBIDDEN, "only the service centre corrects meter histories: give the reading"
                + " to it by phone", null, RULE));
        MeterCorrection.Draft d = valid(Checks.draft(draft));
        String reason = Checks.text(d.reason(), "reason", 500);
        return store.tx(r -> {
            MeterLog log = r.readings().writable(caller, deviceId);
            MeterReading old = log.on(d.date()).orElseThrow(() -> DomainException.notFound("reading", d.date()));
            LocalDate newDate = null;
            Counters counters = null;
            if (!d.voidReading()) {
                newDate = d.newDate() == null ? old.date() : d.newDate();
                counters = d.counters() == null ? old.counters() : d.counters();
                LocalDate first = newDate.isBefore(old.date()) ? newDate : old.date();
                LocalDate last = newDate.isAfter(old.date()) ? newDate : old.date();
                Map<LocalDate, Counters> around = new HashMap<>(log.around(first, last));
                around.remove(old.date());
                new MeterHistory(around, null).check(newDate, counters);
            }
            return log.correct(old.date(), newDate, counters, reason, clock.instant(), caller.user());
        });
    }

    @Override
    public List<MeterCorrection> list(Caller caller, long deviceId) {
        return store.read(r -> r.readings().corrections(caller, deviceId));
    }

    private MeterCorrection.Draft valid(MeterCorrection.Draft d) {
        Checks.date(Checks.required(d.date(), "date"), "date");
        if (d.voidReading()) {
            if (d.newDate() != null || d.counters() != null) {
                throw DomainException.invalid("voidReading", "a voided reading gets no new date or counters");
            }
            return d;
        }
        if (d.newDate() == null && d.counters() == null) {
            throw DomainException.invalid("counters", "a correction changes the date, the counters, or voids");
        }
        if (d.newDate() != null) {
            Checks.date(d.newDate(), "newDate");
            // as for submissions: no reading dated after today anywhere on earth
            if (d.newDate().isAfter(LocalDate.now(clock.withZone(MeterReadingServiceImpl.EARLIEST)))) {
                throw DomainException.invalid("newDate", "a reading cannot be dated in the future");
            }
        }
        if (d.counters() != null) {
            long[] values = d.counters().values();
            for (int c = 0; c < values.length; c++) {
                Checks.range(values[c], "counters." + Counters.NAMES[c], 0, Checks.MAX_COUNTER);
            }
        }
        return d;
    }
}
