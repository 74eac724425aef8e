package org.dealerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * Software support on service orders of kind {@link OrderKind#SOFTWARE_INCIDENT} and {@link OrderKind#CHANGE_REQUEST}
 * (KMUA-SW-1..9): named contacts, the customer's priority accepted or renegotiated, the end of analysis from which
 * the resolution time runs, known errors, closing reasons; and the customer's dispute of any order's registered data
 * (KMUA-SW-3). Every change of an order names the version it was based on (stale: PRECONDITION_FAILED), is recorded
 * in the order's audit trail and moves the order's version on. A refused request changes nothing.
 *
 * <p>A software order is registered through {@link OrderService#register} with facts: {@code priority} (the
 * customer's proposal, KMUA-SW-2) for an incident; {@code consultation} and {@code confirmedBy} (the named contact
 * whose e-mail confirmed it) for a change request (KMUA-SW-9). Its contact e-mail must be one of the contract's named
 * contacts (KMUA-SW-1). Where the registration e-mail goes to that contact, it is the reaction (KMUA-SW-4).
 */
public interface SoftwareSupport {

    /** KMUA-SW-2: the incident priorities. */
    enum Priority {
        CRITICAL, HIGH, MEDIUM, LOW
    }

    /** KMUA-SW-5: why an incident closed; only a WORKAROUND closure may be reopened. */
    enum ClosingReason {
        SYMPTOM_GONE, WORKAROUND, OUTSIDE_SYSTEM
    }

    /** KMUA-SW-9: the consultation a change request follows. */
    enum Consultation {
        OPERATING_QUESTION, CONFIGURATION_WITHOUT_TESTING, CONFIGURATION_WITH_TESTING
    }

    /**
     * The software side of an order.
     *
     * @param proposedPriority what the customer proposed (null for a change request without one)
     * @param priority the priority in force: the proposal until staff accept or renegotiate it
     * @param priorityAgreed whether staff accepted or renegotiated it
     * @param resolution the resolution deadline as the vendor's rule gives it (KMUA-SW-4): none before the analysis
     *        ends, while a linked known error is being fixed, or for a change request (KMUA-SW-5)
     * @param resolutionDue {@code resolution} moved by the business time the order was paused since the analysis
     * @param disputeUntil the end of the 3 working hours in which the customer may dispute the registration
     * @param version the order's version (its ETag)
     */
    record Incident(long orderId, String number, OrderKind kind, OrderState state, Priority proposedPriority,
            Priority priority, boolean priorityAgreed, Long knownErrorId, Instant analysisEndedAt,
            ServiceOrder.Deadline resolution, Instant resolutionDue, ClosingReason closingReason, String closingNote,
            Consultation consultation, String confirmedBy, Instant disputeUntil, long version) {
    }

    /** Staff accept the customer's priority (the same one) or renegotiate it (another one, with the reason). */
    record PriorityChange(Priority priority, String reason) {
    }

    /** The end of the incident's analysis (now when null), from which the resolution time runs (KMUA-SW-4). */
    record Analysis(Instant endedAt) {
    }

    /** Links an incident to a known error whose fix is under way (KMUA-SW-4). */
    record Link(Long knownErrorId) {
    }

    /** Closes an incident (resolves the order) for one of KMUA-SW-5's reasons. */
    record Closure(ClosingReason reason, String note) {
    }

    /** Reopens an incident closed by a workaround, e.g. when the vendor's fix arrives (KMUA-SW-5). */
    record Reopening(String reason) {
    }

    /** The customer disputes the registered data (KMUA-SW-3). */
    record Dispute(String text) {
    }

    /** A known error: a defect staff identified, with the incidents linked to it while its fix is under way. */
    record KnownError(long id, String title, String description, Instant openedAt, String openedBy,
            Instant fixReleasedAt, List<Long> linkedOrderIds, long version) {
        public KnownError {
            linkedOrderIds = List.copyOf(linkedOrderIds);
        }
    }

    record KnownErrorDraft(String title, String description) {
    }

    /** The fix of a known error is released (now when null). */
    record FixRelease(Instant releasedAt) {
    }

    /**
     * A named contact of a contract (KMUA-SW-1), the only people software support is given to.
     *
     * @param registrationEmails whether the registration e-mail goes to the contact (KMUA-SW-4); the dealer may
     *        switch it off for a customer who has not asked for it
     */
    record Contact(long id, long contractId, String name, String email, String phone, boolean registrationEmails) {
    }

    record ContactDraft(String name, String email, String phone, Boolean registrationEmails) {
    }

    Incident incident(Caller caller, long orderId);

    /** KMUA-SW-2: accepts or renegotiates the priority; the deadlines follow it. Dealer users only. */
    Incident changePriority(Caller caller, long orderId, long version, PriorityChange change);

    /** KMUA-SW-4: records the end of analysis. Dealer users only. */
    Incident endAnalysis(Caller caller, long orderId, long version, Analysis analysis);

    /** KMUA-SW-4: links the incident to a known error still being fixed. Dealer users only. */
    Incident link(Caller caller, long orderId, long version, Link link);

    /** KMUA-SW-5: closes the incident with its reason (the order becomes RESOLVED). Dealer users only. */
    Incident close(Caller caller, long orderId, long version, Closure closure);

    /** KMUA-SW-5: reopens an incident closed by a workaround. Dealer users only. */
    Incident reopen(Caller caller, long orderId, long version, Reopening reopening);

    /** KMUA-SW-3: the customer's dispute of any order's registered data, within 3 working hours. */
    ServiceOrder dispute(Caller caller, long orderId, long version, Dispute dispute);

    /** Known errors are the dealer's own records: customers see none. */
    List<KnownError> knownErrors(Caller caller);

    KnownError knownError(Caller caller, long id);

    KnownError createKnownError(Caller caller, KnownErrorDraft draft);

    /** The fix is released: linked incidents get their resolution deadline from then on (platform decision). */
    KnownError releaseFix(Caller caller, long id, long version, FixRelease release);

    List<Contact> contacts(Caller caller, long contractId);

    /** Adds a named contact (dealer users); an e-mail is named once per contract. */
    Contact addContact(Caller caller, long contractId, ContactDraft draft);
}
