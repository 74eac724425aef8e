package org.dealerhub.api.spi;

import java.time.Instant;
import java.util.Optional;

/** A computed response deadline, or none with the reason, and the rule that decided. */
public record ResponseDeadline(Optional<Instant> deadline, Instant clockStart, String reason, String rule) {
}
