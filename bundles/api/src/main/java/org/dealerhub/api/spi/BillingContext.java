package org.dealerhub.api.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.Contract;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.PriceList;

/**
 * What a billing policy bills from: one contract with its package snapshot and terms, its devices' meter history,
 * the work done under it, what was billed before, the operator's prices for its effective terms version and the
 * period. Open-ended ({@code terms}, {@code prices}) so the SPI grows by data, not by methods.
 *
 * @param contract the contract as signed (package snapshot, terms version, dates)
 * @param effectiveTermsVersion the terms version that applies at {@code periodEnd} (KMNO-TERMS-1)
 * @param terms the contract's agreed billing terms, e.g. {@code billing=prepaid}, {@code minimumMonoA4=24000},
 *        {@code banner=true}; names are the vendor's to define and document
 * @param periodStart first day of the period being billed
 * @param periodEnd last day of the period being billed; nothing after it is known to the policy
 * @param currency the market's currency; every price and charge is in it
 * @param prices the operator's named prices (excluding VAT, KMNO-PRICE-1) for the contract's package, market and
 *        effective terms version, e.g. {@code monthlyFee}, {@code clickColourA4}, {@code hourlyRate}
 * @param indices operator-entered index values by name and date, e.g. {@code CPI} (KMNO-PRICE-1)
 * @param devices each device's usage under this contract, with its meter history up to {@code periodEnd}
 * @param work labour and services recorded on the contract's service orders up to {@code periodEnd}
 * @param billed what was billed before, per charge key: the sum of all lines invoiced under that key
 * @param priceVersions the dated versions of the operator's prices, oldest first (BILL-PRICE-1): a charge is
 *        priced at the version in force on its first day ({@link #price(String, LocalDate)}); empty when the
 *        prices are not dated, then {@code prices} apply to every day
 */
public record BillingContext(Contract contract, String effectiveTermsVersion, Map<String, String> terms,
        LocalDate periodStart, LocalDate periodEnd, Currency currency, Map<String, BigDecimal> prices,
        Map<String, List<IndexValue>> indices, List<DeviceUsage> devices, List<Work> work,
        Map<String, BigDecimal> billed, List<PriceList.Version> priceVersions) {

    public BillingContext {
        terms = Map.copyOf(terms);
        prices = Map.copyOf(prices);
        indices = Map.copyOf(indices);
        devices = List.copyOf(devices);
        work = List.copyOf(work);
        billed = Map.copyOf(billed);
        priceVersions = priceVersions == null ? List.of() : List.copyOf(priceVersions);
    }

    /** Undated prices: {@code prices} apply to every day. */
    public BillingContext(Contract contract, String effectiveTermsVersion, Map<String, String> terms,
            LocalDate periodStart, LocalDate periodEnd, Currency currency, Map<String, BigDecimal> prices,
            Map<String, List<IndexValue>> indices, List<DeviceUsage> devices, List<Work> work,
            Map<String, BigDecimal> billed) {
        this(contract, effectiveTermsVersion, terms, periodStart, periodEnd, currency, prices, indices, devices,
                work, billed, List.of());
    }

    /** A named price in force at the period's end. */
    public Optional<BigDecimal> price(String name) {
        return Optional.ofNullable(prices.get(name));
    }

    /**
     * BILL-PRICE-1: a named price in force on {@code day} (a charge's first day), so a later price change never
     * re-prices a period billed before.
     */
    public Optional<BigDecimal> price(String name, LocalDate day) {
        return priceVersions.isEmpty() || day == null ? price(name)
                : Optional.ofNullable(PriceList.Version.inForce(priceVersions, day).prices().get(name));
    }

    public Optional<String> term(String name) {
        return Optional.ofNullable(terms.get(name));
    }

    /** The amount billed before under {@code key}, zero when none. */
    public BigDecimal billedUnder(String key) {
        return billed.getOrDefault(key, BigDecimal.ZERO);
    }

    /**
     * One device's use under the contract.
     *
     * @param loanFor the contract's device this one was lent in place of (KMUA-ORDER-4), or null for a device of
     *        the contract itself
     * @param from first day the device counts for the contract (contract start, transfer or loan handover)
     * @param to last day it counts, or null while it still does
     * @param certificateMonthlyVolume the monthly volume of the model's function certificate (CANON-VOL-1), or
     *        null when the operator recorded none
     * @param readings the accepted meter readings, oldest first, including the handover readings of a loan
     */
    public record DeviceUsage(long deviceId, String model, String modelFamily, Long loanFor, LocalDate from,
            LocalDate to, Long certificateMonthlyVolume, List<MeterReading> readings) {

        public DeviceUsage {
            readings = List.copyOf(readings);
        }
    }

    /**
     * Work recorded on a service order: labour minutes, waiting, a paid extra or a service bought.
     *
     * @param kind e.g. {@code labour}, {@code waiting}, {@code extra}, {@code implementation}
     * @param covered whether the contract covers it, by {@code rule} (PN-FAULT-1..3, KMUA-ORDER-6, CANON-DMS-2)
     * @param quantity minutes for labour and waiting, otherwise a count
     * @param item a priced item for extras and services (a price name), or null
     */
    public record Work(long orderId, String orderNumber, Long deviceId, LocalDate date, String kind,
            boolean covered, BigDecimal quantity, String item, String rule) {
    }

    /** An operator-entered index value, e.g. the consumer price index for a month. */
    public record IndexValue(LocalDate date, BigDecimal value) {
    }
}
