package org.dealerhub.invoicedocuments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dealerhub.api.Invoice;
import org.junit.jupiter.api.Test;

/** The PDF read back as text, and its first page rendered to target/*.png for a person to look at. */
class InvoicePdfTest {

    private static String render(Invoice invoice, Locale locale, String png) throws IOException {
        byte[] pdf = InvoicePdf.write(invoice, LocalDate.of(2026, 12, 13), locale);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path target = Path.of("target", png);
            Files.createDirectories(target.getParent());
            ImageIO.write(image, "png", target.toFile());
            assertTrue(document.getPage(0).getResources().getFontNames().iterator().hasNext());
            // one line: explanations wrap; no-break spaces (Java's group separators) as plain ones
            return new PDFTextStripper().getText(document).replaceAll("[\\s\u00a0\u202f]+", " ");
        }
    }

    @Test
    void aNorwegianInvoiceShowsNumberLinesWithTheirRulesAndTotalsInNorwegianFormat() throws IOException {
        String text = render(Invoices.norwegian(), Locale.forLanguageTag("nb-NO"), "invoice-nb-NO.png");
        assertTrue(text.contains("Faktura"), text);
        assertTrue(text.contains("INV-00004711"), text);
        assertTrue(text.contains("Fjordvik Eiendom AS") && text.contains("Kundenummer: 10001"), text);
        assertTrue(text.contains("Kopi & Service Bergen AS"), text);
        assertTrue(text.contains("Månedsavgift PLUS") && text.contains("(rule CANON-BILL-1)"), text);
        assertTrue(text.contains("Fargeklikk A4") && text.contains("1234 × 0.4 = 493.60 (rule CANON-VOL-3)"), text);
        assertTrue(text.contains("billed before 520.00, adjusted by -20.00 (rule KMNO-METER-1)"), text);
        assertTrue(text.contains("29. nov. 2026"), text); // the invoice date, nb-NO medium
        assertTrue(text.contains("Sum eks. mva. 2 843,60"), text);
        assertTrue(text.contains("Mva. 25 % 710,90"), text);
        assertTrue(text.contains("Sum inkl. mva. 3 554,50"), text);
        assertTrue(text.contains("Alle beløp i NOK"), text);
    }

    @Test
    void aUkrainianInvoiceIsInCyrillicWithHryvniaAmounts() throws IOException {
        String text = render(Invoices.ukrainian(), Locale.forLanguageTag("uk-UA"), "invoice-uk-UA.png");
        assertTrue(text.contains("Рахунок") && text.contains("INV-00000815"), text);
        assertTrue(text.contains("ПП «Дніпро Друк»") && text.contains("ТОВ «Офіс Сервіс Київ»"), text);
        assertTrue(text.contains("Друк на підмінному пристрої") && text.contains("KMUA-ORDER-4"), text);
        assertTrue(text.contains("Разом з ПДВ 3 600,00"), text);
        assertTrue(text.contains("UAH"), text);
        assertEquals(-1, text.indexOf('?'), text); // every glyph was in the font
    }

    @Test
    void danishAndEnglishFormats() throws IOException {
        assertTrue(render(Invoices.norwegian(), Locale.forLanguageTag("da-DK"), "invoice-da-DK.png")
                .contains("I alt inkl. moms 3.554,50"));
        String en = render(Invoices.norwegian(), Locale.ENGLISH, "invoice-en.png");
        assertTrue(en.contains("Total incl. VAT 3,554.50") && en.contains("Nov 29, 2026"), en);
    }

    @Test
    void manyLinesRunOverPagesWithTheTotalsAfterTheLast() throws IOException {
        Invoice one = Invoices.norwegian();
        List<Invoice.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(Invoices.line(i, "Fargeklikk A4, enhet " + i, "100", "0.40", "0", "CANON-VOL-3",
                    "Colour A4 clicks"));
        }
        // 60 × 40.00 = 2400.00, VAT 600.00, gross 3000.00
        Invoice many = new Invoice(one.id(), one.runId(), one.contractId(), one.organisationId(), one.vendor(),
                one.market(), one.seller(), one.buyer(), one.currency(), one.periodFrom(), one.periodTo(),
                one.issued(), one.createdAt(), new BigDecimal("2400.00"), one.vatRate(), new BigDecimal("600.00"),
                new BigDecimal("3000.00"), lines);
        try (PDDocument document = Loader.loadPDF(InvoicePdf.write(many, LocalDate.of(2026, 12, 13), Locale.ENGLISH))) {
            assertTrue(document.getNumberOfPages() > 1);
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(document.getNumberOfPages());
            String text = last.getText(document);
            assertTrue(text.contains("enhet 60") && text.contains("Total incl. VAT 3,000.00"), text);
        }
    }

    @Test
    void aNegativeTotalIsACreditNote() throws IOException {
        String text = render(Invoices.credit(), Locale.ENGLISH, "credit-note-en.png");
        assertTrue(text.contains("Credit note") && text.contains("Total incl. VAT -500.00"), text);
    }
}
