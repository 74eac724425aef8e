package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.List;

/**
 * Notifications written in the same unit of work as the change they tell of (KMUA-CHAN-2, KMUA-ORDER-2), so none
 * is lost and none goes out for a change that was rolled back. A row stays until it was sent.
 */
public interface Outbox {

    OutboxMessage enqueue(String recipient, String subject, String body, Instant at);

    /** Unsent messages whose next attempt is due at {@code now}, oldest first, at most {@code max}. */
    List<OutboxMessage> due(Instant now, int max);

    void sent(long id, Instant at);

    /** Counts a failed attempt and sets the next one. */
    void failed(long id, Instant nextAttempt, String error);

    /** The message (sent or not), for tests and operators. */
    List<OutboxMessage> all();
}
