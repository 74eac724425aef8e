package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.dealerhub.api.DomainException;
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
}
