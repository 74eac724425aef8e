package org.dealerhub.persistence.api;

import java.time.Instant;

import org.dealerhub.api.SoftwareSupport.ClosingReason;
import org.dealerhub.api.SoftwareSupport.Consultation;
import org.dealerhub.api.SoftwareSupport.Priority;

/** The software side of an order as stored (KMUA-SW-2, -4, -5, -9); the core adds its deadlines. */
public record StoredIncident(long orderId, Priority proposedPriority, Priority priority, boolean priorityAgreed,
        Long knownErrorId, Instant analysisEndedAt, ClosingReason closingReason, String closingNote,
        Consultation consultation, String confirmedBy) {

    public StoredIncident withPriority(Priority agreed) {
        return new StoredIncident(orderId, proposedPriority, agreed, true, knownErrorId, analysisEndedAt,
                closingReason, closingNote, consultation, confirmedBy);
    }

    public StoredIncident withAnalysisEnded(Instant at) {
        return new StoredIncident(orderId, proposedPriority, priority, priorityAgreed, knownErrorId, at,
                closingReason, closingNote, consultation, confirmedBy);
    }

    public StoredIncident withKnownError(Long id) {
        return new StoredIncident(orderId, proposedPriority, priority, priorityAgreed, id, analysisEndedAt,
                closingReason, closingNote, consultation, confirmedBy);
    }

    public StoredIncident withClosing(ClosingReason reason, String note) {
        return new StoredIncident(orderId, proposedPriority, priority, priorityAgreed, knownErrorId, analysisEndedAt,
                reason, note, consultation, confirmedBy);
    }
}
