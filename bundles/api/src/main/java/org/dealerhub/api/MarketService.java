package org.dealerhub.api;

import java.util.List;
import java.util.Optional;

public interface MarketService {

    List<Market> markets();

    Optional<Market> market(String code);

    /** Market configurations the platform refused, each with its reason and what it uses instead. */
    default List<String> configurationProblems() {
        return List.of();
    }
}
