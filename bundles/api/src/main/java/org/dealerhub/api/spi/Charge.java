package org.dealerhub.api.spi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One thing due under a contract, as a billing policy computes it from the whole history. The core rounds
 * {@code quantity × unitPrice} to the currency's minor unit once, and invoices the difference from what was billed
 * before under the same key.
 *
 * @param key stable identity across runs: the same thing due gets the same key in every run (e.g.
 *        {@code fee/2026-01}, {@code colour-overuse/17/2026}), so a changed amount becomes an adjustment
 * @param description the line in words, as a customer reads it
 * @param deviceId the device it is for, or null for the contract as a whole
 * @param item the counter, fee or service it bills (e.g. {@code clickColourA4}, {@code monthlyFee})
 * @param from first day it covers
 * @param to last day it covers
 * @param quantity how many (clicks, minutes, months); negative only for a credit
 * @param unitPrice price per unit in the context's currency, excluding VAT
 * @param rule the DOMAIN.md rule id that makes it due
 */
public record Charge(String key, String description, Long deviceId, String item, LocalDate from, LocalDate to,
        BigDecimal quantity, BigDecimal unitPrice, String rule) {
}
