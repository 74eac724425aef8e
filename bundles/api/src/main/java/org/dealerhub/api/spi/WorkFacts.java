package org.dealerhub.api.spi;

import java.util.Map;
import java.util.Optional;

/**
 * A piece of work for a {@link CoverageRule}: the contract's market and package, the order's kind, the work's kind
 * and minutes and the fault's cause. Names are the api's enum names as text, so the SPI grows without breaking
 * vendors: {@code orderKind} REPAIR, TONER, ...; {@code workKind} LABOUR or WAITING; {@code cause} DEVICE,
 * USER_ERROR, USER_DAMAGE, THIRD_PARTY or EXTERNAL.
 */
public record WorkFacts(String market, String packageCode, String orderKind, String workKind, int minutes,
        String cause, Map<String, String> facts) {

    public static final String LABOUR = "LABOUR";
    public static final String WAITING = "WAITING";
    public static final String DEVICE = "DEVICE";

    public WorkFacts {
        facts = Map.copyOf(facts);
    }

    public Optional<String> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }
}
