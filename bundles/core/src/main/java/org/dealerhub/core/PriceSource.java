package org.dealerhub.core;

import java.math.BigDecimal;
import java.util.Map;

/** One configured price list, as a service inside the core. */
public interface PriceSource {

    record Entry(String vendor, String market, String packageCode, Map<String, BigDecimal> prices) {
    }

    Entry entry();
}
