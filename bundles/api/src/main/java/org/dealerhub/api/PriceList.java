package org.dealerhub.api;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The operator's prices for one vendor package in one market (the source documents give none): named amounts in
 * the market's currency, e.g. {@code monthlyFee}, {@code clickMonoA4}, {@code clickColourA4}, {@code hourlyRate},
 * {@code option.<service code>}. Prices exclude VAT (KMNO-PRICE-1).
 */
public record PriceList(String vendor, String market, String packageCode, Currency currency,
        SortedMap<String, BigDecimal> prices) {

    public PriceList {
        prices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(prices));
    }

    /** What an operator sends to set prices: named amounts, replacing the named ones, keeping the others. */
    public record Change(Map<String, BigDecimal> prices) {
    }
}
