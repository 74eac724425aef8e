package org.dealerhub.api.spi;

/** A coverage decision: covered or billable, the rule id that decided, and why in words. */
public record Coverage(boolean covered, String rule, String reason) {
}
