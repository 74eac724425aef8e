package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.PriceList;
import org.junit.jupiter.api.Test;

class PriceBookServiceTest {

    @Test
    void pricesAreNonNegativeNamedAmountsOfAtMostFourDecimals() {
        assertEquals(new BigDecimal("0.0825"), PriceBookService.validAmount("clickColourA4", new BigDecimal("0.0825")));
        assertEquals(new BigDecimal("1290"), PriceBookService.validAmount("option.USER-TRAINING",
                new BigDecimal("1290")));
        assertEquals("prices.monthlyFee", assertThrows(DomainException.class,
                () -> PriceBookService.validAmount("monthlyFee", new BigDecimal("-1"))).field());
        assertEquals("prices.clickMonoA4", assertThrows(DomainException.class,
                () -> PriceBookService.validAmount("clickMonoA4", new BigDecimal("0.00001"))).field());
        assertEquals("prices", assertThrows(DomainException.class,
                () -> PriceBookService.validAmount("bad name", BigDecimal.ONE)).field());
        assertEquals("prices.hourlyRate", assertThrows(DomainException.class,
                () -> PriceBookService.validAmount("hourlyRate", null)).field());
    }

    @Test
    void thePricesVersionChangesWithAnyAmountAndOnlyWithTheAmounts() {
        java.util.Currency nok = java.util.Currency.getInstance("NOK");
        PriceList read = new PriceList("canon", "NO", "PLUS", nok, new java.util.TreeMap<>(java.util.Map.of(
                "monthlyFee", new BigDecimal("820"), "clickColourA4", new BigDecimal("0.40"))));
        PriceList same = new PriceList("canon", "NO", "PLUS", nok, new java.util.TreeMap<>(java.util.Map.of(
                "monthlyFee", new BigDecimal("820.00"), "clickColourA4", new BigDecimal("0.4"))));
        PriceList changed = new PriceList("canon", "NO", "PLUS", nok, new java.util.TreeMap<>(java.util.Map.of(
                "monthlyFee", new BigDecimal("821"), "clickColourA4", new BigDecimal("0.40"))));
        assertEquals(read.tag(), same.tag());
        assertEquals(16, read.tag().length());
        org.junit.jupiter.api.Assertions.assertNotEquals(read.tag(), changed.tag());
    }
}
