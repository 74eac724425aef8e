package org.dealerhub.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The operator's prices for one vendor package in one market (the source documents give none): named amounts in
 * the market's currency, e.g. {@code monthlyFee}, {@code clickMonoA4}, {@code clickColourA4}, {@code hourlyRate},
 * {@code option.<service code>}. Prices exclude VAT (KMNO-PRICE-1).
 *
 * <p>Prices are dated (BILL-PRICE-1): a change takes effect from its {@code validFrom} day and the earlier amounts
 * are kept, so a period is always billed at the prices in force in it, and a change never re-prices a period
 * already billed.
 *
 * @param prices the amounts in force today
 * @param versions every version, oldest first: the first may have no {@code validFrom} (in force since ever)
 */
public record PriceList(String vendor, String market, String packageCode, Currency currency,
        SortedMap<String, BigDecimal> prices, List<Version> versions) {

    public PriceList {
        prices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        versions = versions == null || versions.isEmpty() ? List.of(new Version(null, prices))
                : versions.stream().sorted(Version.ORDER).toList();
    }

    /** One undated version: the prices in force since ever. */
    public PriceList(String vendor, String market, String packageCode, Currency currency,
            SortedMap<String, BigDecimal> prices) {
        this(vendor, market, packageCode, currency, prices, List.of());
    }

    /** The prices in force on {@code day}: the latest version from on or before it, else the earliest one. */
    public SortedMap<String, BigDecimal> on(LocalDate day) {
        return Version.inForce(versions, day).prices();
    }

    /**
     * The version of these prices, for optimistic locking (an ETag): a digest of the named amounts of every dated
     * version, the same on every node and after a restart, different after any change.
     */
    public String tag() {
        StringBuilder text = new StringBuilder();
        for (Version v : versions) {
            if (v.validFrom() != null) {
                text.append('@').append(v.validFrom()).append('\n');
            }
            v.prices().forEach((name, amount) -> text.append(name).append('=').append(amount.stripTrailingZeros()
                    .toPlainString()).append('\n'));
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The complete prices in force from {@code validFrom} (null: since ever) until the next version's day.
     */
    public record Version(LocalDate validFrom, SortedMap<String, BigDecimal> prices) {

        static final Comparator<Version> ORDER = Comparator.comparing(Version::validFrom,
                Comparator.nullsFirst(Comparator.naturalOrder()));

        public Version {
            prices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(prices));
        }

        /** The version in force on {@code day} among {@code versions} (oldest first), else the earliest one. */
        public static Version inForce(List<Version> versions, LocalDate day) {
            Version found = versions.get(0);
            for (Version v : versions) {
                if (v.validFrom() == null || day == null || !v.validFrom().isAfter(day)) {
                    found = v;
                }
            }
            return found;
        }
    }

    /**
     * What an operator sends to set prices: named amounts, replacing the named ones, keeping the others, in force
     * from {@code validFrom} (null: today in the market) on; the versions before that day keep their amounts.
     */
    public record Change(Map<String, BigDecimal> prices, LocalDate validFrom) {

        public Change(Map<String, BigDecimal> prices) {
            this(prices, null);
        }
    }
}
