package org.dealerhub.invoicedocuments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.dealerhub.api.Invoice;

/**
 * An invoice as an A4 PDF a customer reads (Apache PDFBox): seller, customer with account number, number, dates,
 * period, each line with its explanation in words and rule id, totals excluding VAT, VAT and including VAT; dates
 * and money in the locale's format, money with the currency's minor unit. The text is in Liberation Sans, the
 * TrueType font PDFBox itself ships (Latin, Nordic letters and Cyrillic), embedded as a subset, so the PDF reads
 * the same on any machine, in Ukrainian too.
 */
final class InvoicePdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float AMOUNT_COLUMN = 110;
    private static final float TEXT_COLUMN = MARGIN + 34;
    private static final float SIZE = 9.5f;
    private static final float LEADING = 13;

    private final Invoice invoice;
    private final LocalDate due;
    private final ResourceBundle labels;
    private final NumberFormat money;
    private final NumberFormat rate;
    private final DateTimeFormatter dates;
    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private PDPageContentStream page;
    private float y;

    private InvoicePdf(Invoice invoice, LocalDate due, Locale locale) throws IOException {
        this.invoice = invoice;
        this.due = due;
        this.labels = ResourceBundle.getBundle(InvoicePdf.class.getPackageName() + ".Labels", locale,
                InvoicePdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.money = NumberFormat.getNumberInstance(locale);
        int digits = invoice.currency().getDefaultFractionDigits();
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
        this.rate = NumberFormat.getNumberInstance(locale);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
            this.font = PDType0Font.load(document, ttf);
        }
    }

    static byte[] write(Invoice invoice, LocalDate due, Locale locale) {
        try {
            InvoicePdf pdf = new InvoicePdf(invoice, due, locale);
            try (PDDocument document = pdf.document) {
                pdf.render();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("invoice " + invoice.id() + " as PDF", e);
        }
    }

    private void render() throws IOException {
        newPage();
        boolean credit = invoice.gross().signum() < 0;
        bold(label(credit ? "creditNote" : "invoice"), 20, MARGIN, y);
        text(invoice.number(), 12, MARGIN + WIDTH - width(invoice.number(), 12), y);
        y -= 36;

        float top = y;
        block(label("seller"), invoice.seller().name(), label("organisationNumber") + ": " + invoice.seller().account());
        float left = y;
        y = top;
        float column = MARGIN + WIDTH / 2;
        float row = y;
        for (String[] fact : new String[][] { { "number", invoice.number() },
                { "issued", dates.format(invoice.issued()) }, { "due", dates.format(due) },
                { "period", dates.format(invoice.periodFrom()) + " – " + dates.format(invoice.periodTo()) },
                { "contract", Long.toString(invoice.contractId()) } }) {
            text(label(fact[0]), SIZE, column, row);
            text(fact[1], SIZE, column + 95, row);
            row -= LEADING;
        }
        y = Math.min(left, row) - 8;
        block(label("buyer"), invoice.buyer().name(), label("account") + ": " + invoice.buyer().account());
        y -= 14;

        heading();
        for (Invoice.Line line : invoice.lines()) {
            List<String> words = wrap(line.explanation(), SIZE - 1, MARGIN + WIDTH - AMOUNT_COLUMN - TEXT_COLUMN);
            if (y - LEADING * (1 + words.size()) < MARGIN + 80) { // room for the totals below the last line
                newPage();
                heading();
            }
            text(Integer.toString(line.number()), SIZE, MARGIN, y);
            text(line.item(), SIZE, TEXT_COLUMN, y);
            amount(line.amount(), SIZE, y, false);
            y -= LEADING;
            for (String explained : words) {
                page.setNonStrokingColor(0.3f);
                text(explained, SIZE - 1, TEXT_COLUMN, y);
                page.setNonStrokingColor(0f);
                y -= LEADING - 1;
            }
            y -= 5;
        }
        rule(y + 8);
        y -= 8;
        total(label("net"), invoice.net(), false);
        total(MessageFormat.format(labels.getString("vat"), rate.format(invoice.vatRate())), invoice.vat(), false);
        rule(y + 9);
        total(label("gross"), invoice.gross(), true);
        y -= 10;
        text(MessageFormat.format(labels.getString("currency"), invoice.currency().getCurrencyCode()), SIZE - 1,
                MARGIN, y);
        page.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = PDRectangle.A4.getHeight() - MARGIN - 14;
    }

    private void block(String title, String name, String account) throws IOException {
        bold(title, SIZE, MARGIN, y);
        y -= LEADING;
        text(name, SIZE + 1, MARGIN, y);
        y -= LEADING;
        text(account, SIZE, MARGIN, y);
        y -= LEADING;
    }

    private void heading() throws IOException {
        bold(label("line"), SIZE, MARGIN, y);
        bold(label("description"), SIZE, TEXT_COLUMN, y);
        String amount = label("amount") + " (" + invoice.currency().getCurrencyCode() + ")";
        bold(amount, SIZE, MARGIN + WIDTH - width(amount, SIZE), y);
        rule(y - 4);
        y -= LEADING + 6;
    }

    private void total(String label, BigDecimal value, boolean strong) throws IOException {
        float x = MARGIN + WIDTH - AMOUNT_COLUMN - 130;
        if (strong) {
            bold(label, SIZE + 1, x, y);
        } else {
            text(label, SIZE, x, y);
        }
        amount(value, strong ? SIZE + 1 : SIZE, y, strong);
        y -= LEADING + 2;
    }

    private void amount(BigDecimal value, float size, float at, boolean strong) throws IOException {
        String s = money.format(value);
        if (strong) {
            bold(s, size, MARGIN + WIDTH - width(s, size), at);
        } else {
            text(s, size, MARGIN + WIDTH - width(s, size), at);
        }
    }

    private void rule(float at) throws IOException {
        page.setLineWidth(0.5f);
        page.moveTo(MARGIN, at);
        page.lineTo(MARGIN + WIDTH, at);
        page.stroke();
    }

    /** Liberation Sans comes in regular only: bold is the regular glyphs filled and stroked. */
    private void bold(String s, float size, float x, float at) throws IOException {
        page.setRenderingMode(RenderingMode.FILL_STROKE);
        page.setLineWidth(size / 30);
        text(s, size, x, at);
        page.setRenderingMode(RenderingMode.FILL);
    }

    private void text(String s, float size, float x, float at) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, at);
        page.showText(printable(s));
        page.endText();
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(printable(s)) / 1000 * size;
    }

    /** Java's locale formats use no-break spaces as group separators; the font may lack some: a plain space. */
    private String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            out.appendCodePoint(hasGlyph(c) ? c : Character.isSpaceChar(c) ? ' ' : '?');
        });
        return out.toString();
    }

    private boolean hasGlyph(int c) {
        try {
            font.encode(Character.toString(c));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private List<String> wrap(String s, float size, float limit) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size) > limit && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private String label(String key) {
        return labels.getString(key);
    }
}
