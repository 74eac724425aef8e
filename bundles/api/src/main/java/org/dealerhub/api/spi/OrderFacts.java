package org.dealerhub.api.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a response-time rule may look at: when the order was registered and the facts given with it
 * (e.g. {@code category}, {@code priority}, {@code distanceKm}). Open-ended so rules can grow without breaking
 * the SPI.
 */
public record OrderFacts(String market, String packageCode, Instant registeredAt, Map<String, String> facts) {

    public OrderFacts {
        facts = Map.copyOf(facts);
    }

    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }
}
