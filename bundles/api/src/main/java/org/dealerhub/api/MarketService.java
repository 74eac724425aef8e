package org.dealerhub.api;

import java.util.List;
import java.util.Optional;

public interface MarketService {

    List<Market> markets();

    Optional<Market> market(String code);
}
