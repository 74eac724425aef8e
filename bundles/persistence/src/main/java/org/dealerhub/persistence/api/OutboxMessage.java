package org.dealerhub.persistence.api;

import java.time.Instant;

/** A notification waiting in the outbox until it is sent; {@code sentAt} is null until then. */
public record OutboxMessage(long id, Instant createdAt, String recipient, String subject, String body, int attempts,
        Instant nextAttempt, Instant sentAt, String lastError) {
}
