package org.dealerhub.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;

/**
 * The meter-reading rules over the part of a device's history that a submission touches. Pure: the service loads
 * the neighbouring accepted readings, this decides, the service stores what it accepted.
 */
final class MeterHistory {

    private final NavigableMap<LocalDate, Counters> accepted = new TreeMap<>();

    private final LocalDate writableFrom;

    /**
     * @param known accepted readings around the submitted dates: at least the one before and the one after
     * @param writableFrom the first day the submitter may write, or null for any day
     */
    MeterHistory(Map<LocalDate, Counters> known, LocalDate writableFrom) {
        accepted.putAll(known);
        this.writableFrom = writableFrom;
    }

    /** A submitted reading with its position in the request. */
    record Submitted(int index, MeterReading.Draft draft) {
    }

    /**
     * Decides each submitted reading, in date order, against the history and the readings accepted before it in
     * the same submission. Returns outcomes in request order; {@link #acceptedDrafts} lists what to store.
     */
    List<MeterReading.Outcome> decide(List<Submitted> submitted, List<MeterReading.Draft> acceptedDrafts) {
        MeterReading.Outcome[] outcomes = new MeterReading.Outcome[submitted.size()];
        List<Submitted> byDate = new ArrayList<>(submitted);
        byDate.sort(Comparator.comparing((Submitted s) -> s.draft().date()).thenComparingInt(Submitted::index));
        for (Submitted s : byDate) {
            LocalDate date = s.draft().date();
            try {
                check(date, s.draft().counters());
                accepted.put(date, s.draft().counters());
                acceptedDrafts.add(s.draft());
                outcomes[s.index()] = MeterReading.Outcome.accepted(s.index(), date);
            } catch (DomainException e) {
                outcomes[s.index()] = MeterReading.Outcome.refused(s.index(), date, e);
            }
        }
        return List.of(outcomes);
    }

    /** Refuses, naming the rule, a reading of {@code date} that the history cannot take (PORTAL-METER-1, -2). */
    void check(LocalDate date, Counters counters) {
        // PORTAL-ACCT-1: the days before a device's transfer belong to its earlier owner
        if (writableFrom != null && date.isBefore(writableFrom)) {
            throw DomainException.rule("PORTAL-ACCT-1", "date", "the device is yours from " + writableFrom
                    + "; earlier days belong to its earlier owner");
        }
        // PORTAL-METER-2: at most one reading per device per day
        if (accepted.containsKey(date)) {
            throw DomainException.rule("PORTAL-METER-2", "date", "the device already has a reading for " + date);
        }
        // PORTAL-METER-1: no counter lower than in the previous accepted reading ...
        Map.Entry<LocalDate, Counters> previous = accepted.lowerEntry(date);
        if (previous != null) {
            String lower = counters.firstLowerThan(previous.getValue());
            if (lower != null) {
                throw DomainException.rule("PORTAL-METER-1", lower, lower + " is lower than in the reading of "
                        + previous.getKey());
            }
        }
        // ... and, for a reading dated between two accepted ones, none higher than in the next one, or the next
        // one would become lower than its predecessor
        Map.Entry<LocalDate, Counters> next = accepted.higherEntry(date);
        if (next != null) {
            String higher = next.getValue().firstLowerThan(counters);
            if (higher != null) {
                throw DomainException.rule("PORTAL-METER-1", higher, higher + " is higher than in the later reading of "
                        + next.getKey());
            }
        }
    }
}
