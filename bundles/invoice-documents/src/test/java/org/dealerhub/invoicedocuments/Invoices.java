package org.dealerhub.invoicedocuments;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.dealerhub.api.Invoice;

/** Invoices worked out by hand for the document tests. */
final class Invoices {

    private Invoices() {
    }

    static Invoice.Line line(int number, String item, String quantity, String price, String billedBefore, String rule,
            String description) {
        BigDecimal due = new BigDecimal(quantity).multiply(new BigDecimal(price)).setScale(2,
                java.math.RoundingMode.HALF_UP);
        BigDecimal before = new BigDecimal(billedBefore);
        return new Invoice.Line(number, "key-" + number, number == 1 ? null : 7L, item, new BigDecimal(quantity),
                new BigDecimal(price), due, before, due.subtract(before), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 12, 31), rule, description);
    }

    /**
     * Canon NO, Q4 2026: fee 3 × 790.00 = 2370.00; colour 1234 × 0.40 = 493.60; mono 10000 × 0.05 = 500.00 of which
     * 520.00 billed before, so -20.00. Net 2843.60, VAT 25 % 710.90, gross 3554.50.
     */
    static Invoice norwegian() {
        return invoice(4711, "NO", "NOK", "25", new Invoice.Party("Kopi & Service Bergen AS", "987654321"),
                new Invoice.Party("Fjordvik Eiendom AS", "10001"),
                List.of(line(1, "Månedsavgift PLUS", "3", "790.00", "0", "CANON-BILL-1", "Prepaid period sum"),
                        line(2, "Fargeklikk A4", "1234", "0.40", "0", "CANON-VOL-3", "Colour A4 clicks over the cap"),
                        line(3, "Sort/hvitt-klikk A4", "10000", "0.05", "520.00", "KMNO-METER-1",
                                "Mono A4 clicks, corrected reading")));
    }

    /** Konica Minolta UA: 2 × 1500.00 = 3000.00 UAH, VAT 20 % 600.00, gross 3600.00. */
    static Invoice ukrainian() {
        return invoice(815, "UA", "UAH", "20", new Invoice.Party("ТОВ «Офіс Сервіс Київ»", "12345678"),
                new Invoice.Party("ПП «Дніпро Друк»", "30001"),
                List.of(line(1, "Друк на підмінному пристрої", "2", "1500.00", "0", "KMUA-ORDER-4",
                        "Prints on a loan device")));
    }

    /** A correction: 500.00 billed before, now 100.00 due: -400.00, VAT -100.00, gross -500.00 (a credit note). */
    static Invoice credit() {
        return invoice(4712, "NO", "NOK", "25", new Invoice.Party("Kopi & Service Bergen AS", "987654321"),
                new Invoice.Party("Fjordvik Eiendom AS", "10001"),
                List.of(line(1, "Fargeklikk A4", "250", "0.40", "500.00", "CANON-VOL-3", "Colour A4 clicks")));
    }

    private static Invoice invoice(long id, String market, String currency, String rate, Invoice.Party seller,
            Invoice.Party buyer, List<Invoice.Line> lines) {
        BigDecimal net = lines.stream().map(Invoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal vat = net.multiply(new BigDecimal(rate)).movePointLeft(2).setScale(2, java.math.RoundingMode.HALF_UP);
        return new Invoice(id, 3, 42, 1, "canon", market, seller, buyer, Currency.getInstance(currency),
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 29),
                Instant.parse("2026-11-29T10:00:00Z"), net, new BigDecimal(rate), vat, net.add(vat), lines);
    }
}
