package org.dealerhub.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.persistence.api.StoredIncident;

/** The software side of an order (KMUA-SW-2, -4, -5, -9), one row per software order, keyed by the order. */
@Entity(name = "OrderSoftware")
@Table(name = "ORDER_SOFTWARE")
public class OrderSoftwareEntity {

    @Id
    @Column(name = "ORDER_ID")
    private long orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "PROPOSED_PRIORITY")
    private SoftwareSupport.Priority proposedPriority;
    @Enumerated(EnumType.STRING)
    private SoftwareSupport.Priority priority;
    @Column(name = "PRIORITY_AGREED")
    private Boolean priorityAgreed;
    @Column(name = "KNOWN_ERROR_ID")
    private Long knownErrorId;
    @Column(name = "ANALYSIS_ENDED_AT")
    private Instant analysisEndedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "CLOSING_REASON")
    private SoftwareSupport.ClosingReason closingReason;
    @Column(name = "CLOSING_NOTE")
    private String closingNote;
    @Enumerated(EnumType.STRING)
    private SoftwareSupport.Consultation consultation;
    @Column(name = "CONFIRMED_BY")
    private String confirmedBy;

    protected OrderSoftwareEntity() {
    }

    OrderSoftwareEntity(StoredIncident i) {
        orderId = i.orderId();
        apply(i);
    }

    void apply(StoredIncident i) {
        proposedPriority = i.proposedPriority();
        priority = i.priority();
        priorityAgreed = i.priorityAgreed();
        knownErrorId = i.knownErrorId();
        analysisEndedAt = i.analysisEndedAt();
        closingReason = i.closingReason();
        closingNote = i.closingNote();
        consultation = i.consultation();
        confirmedBy = i.confirmedBy();
    }

    StoredIncident toValue() {
        return new StoredIncident(orderId, proposedPriority, priority, priorityAgreed, knownErrorId, analysisEndedAt,
                closingReason, closingNote, consultation, confirmedBy);
    }
}
