package org.dealerhub.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local stock of a device set up for automatic toner replenishment (PORTAL-ROLE-3): where consumables are kept
 * and shipped to, and how many of each are on the shelf. Maintained by the organisation's stock managers and
 * Administrators and by dealer staff; {@code version} counts its changes (a write names the version it read).
 *
 * @param levels consumable (e.g. {@code toner-black}, {@code drum-cyan}) to the count on the shelf, each {@code >= 0}
 */
public record StockLocation(long deviceId, long organisationId, String name, String shippingInstructions,
        Map<String, Integer> levels, Instant updatedAt, String updatedBy, long version) {

    public StockLocation {
        levels = Collections.unmodifiableMap(new TreeMap<>(levels));
    }

    /** What a client sends to set up or replace a device's stock data. */
    public record Draft(String name, String shippingInstructions, Map<String, Integer> levels) {
    }

    /** One audited change: who, when, and the stock data it left (a removal leaves none: {@code removed}). */
    public record Change(long deviceId, Instant at, String by, String name, String shippingInstructions,
            Map<String, Integer> levels, boolean removed) {

        public Change {
            levels = levels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(levels));
        }
    }
}
