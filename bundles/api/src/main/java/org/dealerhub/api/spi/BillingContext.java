package org.dealerhub.api.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.MeterReading;

/**
 * What a billing policy bills from: the contract's package snapshot and terms, its readings, a period and the
 * operator's prices. {@code properties} is open-ended so the SPI can grow.
 */
public record BillingContext(ServicePackage contractPackage, String termsVersion, List<MeterReading> readings,
        LocalDate periodStart, LocalDate periodEnd, Map<String, Money> prices, Map<String, String> properties) {

    public BillingContext {
        readings = List.copyOf(readings);
        prices = Map.copyOf(prices);
        properties = Map.copyOf(properties);
    }
}
