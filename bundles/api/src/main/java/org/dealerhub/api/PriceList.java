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

    /**
     * The version of these prices, for optimistic locking (an ETag): a digest of the named amounts, the same on
     * every node and after a restart, different after any change.
     */
    public String tag() {
        StringBuilder text = new StringBuilder();
        prices.forEach((name, amount) -> text.append(name).append('=').append(amount.stripTrailingZeros()
                .toPlainString()).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an operator sends to set prices: named amounts, replacing the named ones, keeping the others. */
    public record Change(Map<String, BigDecimal> prices) {
    }
}
