package org.dealerhub.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dealerhub.api.Invoice;
import org.dealerhub.api.spi.Charge;

/**
 * The arithmetic of an invoice (issue 10), pure. Rounding: each charge's {@code quantity × unitPrice} is rounded
 * ONCE, to the currency's minor unit (2 decimals for NOK, DKK, UAH), half up; the line then invoices the
 * difference between that rounded amount due and the sum already billed under the charge's key, which is exact.
 * The net total is the exact sum of the lines; VAT is computed once on the net total and rounded the same way.
 */
public final class Invoicing {

    private Invoicing() {
    }

    /** A charge's amount due: {@code quantity × unitPrice}, rounded once to the currency's minor unit, half up. */
    public static BigDecimal due(Charge charge, Currency currency) {
        return round(charge.quantity().multiply(charge.unitPrice()), currency);
    }

    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }

    /**
     * The lines of the next invoice: for each charge, what is due less what was billed before under its key;
     * charges with no difference make no line. A key the policy no longer returns is left as billed (a policy
     * withdraws a charge by returning it with quantity 0, which credits what was billed).
     *
     * @throws IllegalArgumentException when the policy returned a key twice, or an incomplete charge
     */
    public static List<Invoice.Line> difference(List<Charge> charges, Map<String, BigDecimal> billed,
            Currency currency) {
        List<Invoice.Line> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Charge c : charges) {
            if (c.key() == null || c.key().isBlank() || c.quantity() == null || c.unitPrice() == null
                    || c.from() == null || c.to() == null || c.item() == null || c.rule() == null) {
                throw new IllegalArgumentException("the policy returned an incomplete charge " + c);
            }
            if (c.key().length() > 200) {
                throw new IllegalArgumentException("the policy returned a charge key over 200 characters");
            }
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("the policy returned charge key " + c.key() + " twice");
            }
            BigDecimal due = due(c, currency);
            BigDecimal before = round(billed.getOrDefault(c.key(), BigDecimal.ZERO), currency);
            BigDecimal amount = due.subtract(before);
            if (amount.signum() != 0) {
                lines.add(new Invoice.Line(lines.size() + 1, c.key(), c.deviceId(), c.item(), c.quantity(),
                        c.unitPrice(), due, before, amount, c.from(), c.to(), c.rule(),
                        c.description() == null ? c.item() : c.description()));
            }
        }
        return lines;
    }

    /** The exact sum of the lines' amounts. */
    public static BigDecimal net(List<Invoice.Line> lines, Currency currency) {
        return lines.stream().map(Invoice.Line::amount).reduce(round(BigDecimal.ZERO, currency), BigDecimal::add);
    }

    /** VAT on the net total at {@code ratePercent}, rounded once to the minor unit, half up (KMNO-PRICE-1). */
    public static BigDecimal vat(BigDecimal net, BigDecimal ratePercent, Currency currency) {
        return round(net.multiply(ratePercent).movePointLeft(2), currency);
    }
}
