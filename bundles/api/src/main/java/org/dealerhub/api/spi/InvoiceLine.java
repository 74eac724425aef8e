package org.dealerhub.api.spi;

import java.math.BigDecimal;

/** One line a billing policy produces, with the rule id that made it. */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, Money amount, String rule) {
}
