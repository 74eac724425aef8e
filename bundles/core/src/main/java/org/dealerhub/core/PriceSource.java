package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealerhub.api.PriceList;

/** One configured price list, as a service inside the core. */
public interface PriceSource {

    /** A package's prices: every dated version, oldest first (BILL-PRICE-1). */
    record Entry(String vendor, String market, String packageCode, List<PriceList.Version> versions) {

        public Entry {
            versions = versions.stream().sorted(java.util.Comparator.comparing(PriceList.Version::validFrom,
                    java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).toList();
        }

        /** Undated prices, in force since ever. */
        public Entry(String vendor, String market, String packageCode, Map<String, BigDecimal> prices) {
            this(vendor, market, packageCode, List.of(new PriceList.Version(null, new TreeMap<>(prices))));
        }

        /** The prices in force on {@code day}, none when there are no prices. */
        public Map<String, BigDecimal> prices(LocalDate day) {
            return versions.isEmpty() ? Map.of() : PriceList.Version.inForce(versions, day).prices();
        }
    }

    Entry entry();
}
