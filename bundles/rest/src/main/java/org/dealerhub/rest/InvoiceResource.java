package org.dealerhub.rest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dealerhub.api.BillingRun;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.InvoiceDocuments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Invoices (issue 10): a customer user sees only its own organisation's (PORTAL-ACCT-1), others answer 404. Each
 * line is explained in words with its rule; {@code Accept: text/csv} gives the lines for accounting,
 * {@code application/pdf} a PDF for the customer (in the Accept-Language, else the market's language) and
 * {@code application/xml} PEPPOL BIS Billing 3.0 / EHF UBL for e-invoicing.
 */
@Path("invoices")
public class InvoiceResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    static final String[] CSV_HEADER = {"invoice", "number", "issued", "seller", "sellerAccount", "buyer",
        "buyerAccount", "contract", "currency", "periodFrom", "periodTo", "line", "chargeKey", "device", "item",
        "from", "to", "quantity", "unitPrice", "due", "billedBefore", "amount", "rule", "description",
        "invoiceNet", "vatRate", "invoiceVat", "invoiceGross"};

    static final String PDF = "application/pdf";
    /** The language of a market's invoices when the client names none. */
    private static final Map<String, Locale> MARKET_LOCALE = Map.of("NO", Locale.forLanguageTag("nb-NO"), "DK",
            Locale.forLanguageTag("da-DK"), "UA", Locale.forLanguageTag("uk-UA"));

    private final BillingService billing;
    private final InvoiceDocuments documents;

    InvoiceResource(BillingService billing, InvoiceDocuments documents) {
        this.billing = billing;
        this.documents = documents;
    }

    /** An invoice as a client reads it: its number, and each line explained. */
    public record View(long id, String number, long runId, long contractId, long organisationId, String vendor,
            String market, Invoice.Party seller, Invoice.Party buyer, Currency currency, LocalDate periodFrom,
            LocalDate periodTo, LocalDate issued, Instant createdAt, BigDecimal net, BigDecimal vatRate,
            BigDecimal vat, BigDecimal gross, List<Line> lines) {

        static View of(Invoice i) {
            return i == null ? null : new View(i.id(), i.number(), i.runId(), i.contractId(), i.organisationId(),
                    i.vendor(), i.market(), i.seller(), i.buyer(), i.currency(), i.periodFrom(), i.periodTo(),
                    i.issued(), i.createdAt(), i.net(), i.vatRate(), i.vat(), i.gross(),
                    i.lines().stream().map(Line::of).toList());
        }
    }

    /**
     * One line: {@code due} is quantity × unit price rounded once to the currency's minor unit (half up);
     * {@code amount} is what this invoice bills, due less what was billed before under the same charge key.
     */
    public record Line(int number, String chargeKey, Long deviceId, String item, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal due, BigDecimal billedBefore, BigDecimal amount, LocalDate from,
            LocalDate to, String rule, String description, boolean adjustment, String explanation) {

        static Line of(Invoice.Line l) {
            return new Line(l.number(), l.chargeKey(), l.deviceId(), l.item(), l.quantity(), l.unitPrice(), l.due(),
                    l.billedBefore(), l.amount(), l.from(), l.to(), l.rule(), l.description(), l.adjustment(),
                    l.explanation());
        }
    }

    /** What billing a contract up to a date would come to, written nowhere. */
    public record Preview(long contractId, BillingRun.Outcome.Status status, View invoice, String reason,
            String rule, List<BillingRun.Notice> notices) {

        static Preview of(BillingRun.Outcome o) {
            return new Preview(o.contractId(), o.status(), View.of(o.invoice()), o.reason(), o.rule(), o.notices());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listInvoices", summary = "The visible invoices, newest first, filtered", responses = {
            @ApiResponse(responseCode = "200", description = "the invoices"),
            @ApiResponse(responseCode = "400", description = "a filter or the paging is invalid")})
    public List<View> list(@Context SecurityContext security, @QueryParam("organisation") Long organisation,
            @QueryParam("contract") Long contract, @QueryParam("run") Long run,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Parameter(description = "at most 500") @QueryParam("limit") @DefaultValue("50") int limit) {
        return billing.invoices(Authenticated.caller(security), organisation, contract, run, offset, limit).stream()
                .map(View::of).toList();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, CSV, PDF, MediaType.APPLICATION_XML})
    @Operation(operationId = "getInvoice", summary = "One invoice, each line explained in words with its rule;"
            + " with Accept: text/csv a row per line for accounting, the invoice's totals repeated on each;"
            + " application/pdf the invoice for the customer, in the Accept-Language (nb-NO, da-DK, uk-UA, en;"
            + " else the market's language); application/xml the PEPPOL BIS Billing 3.0 / EHF UBL 2.1 Invoice, or"
            + " CreditNote when the total is negative",
            responses = {
                    @ApiResponse(responseCode = "200", description = "found", content = {
                            @Content(mediaType = MediaType.APPLICATION_JSON,
                                    schema = @Schema(implementation = View.class)),
                            @Content(mediaType = CSV, schema = @Schema(type = "string")),
                            @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = MediaType.APPLICATION_XML,
                                    schema = @Schema(type = "string", description = "UBL 2.1 Invoice or CreditNote"))}),
                    @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public Response get(@Context SecurityContext security, @Context HttpHeaders headers, @PathParam("id") long id) {
        Invoice invoice = billing.invoice(Authenticated.caller(security), id);
        // JSON unless the client prefers CSV, PDF or XML by name (no Accept, or */*, is JSON)
        MediaType wanted = headers.getAcceptableMediaTypes().stream().findFirst().filter(m -> !m.isWildcardType())
                .orElse(MediaType.APPLICATION_JSON_TYPE);
        if (wanted.isCompatible(MediaType.valueOf(PDF))) {
            Locale locale = headers.getAcceptableLanguages().stream().findFirst()
                    .filter(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()))
                    .orElse(MARKET_LOCALE.getOrDefault(invoice.market(), Locale.ENGLISH));
            return Response.ok(documents.pdf(invoice, locale), PDF).header("Content-Disposition",
                    "inline; filename=\"" + invoice.number() + ".pdf\"").build();
        }
        if (wanted.isCompatible(MediaType.APPLICATION_XML_TYPE)) {
            return Response.ok(documents.ubl(invoice), MediaType.APPLICATION_XML + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + invoice.number() + ".xml\"")
                    .build();
        }
        if (!wanted.isCompatible(CSV_TYPE)) {
            return Response.ok(View.of(invoice), MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(invoice, writer);
            writer.flush();
        };
        return Response.ok(body, CSV + "; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + invoice.number() + ".csv\"").build();
    }

    static void write(Invoice i, Appendable out) throws IOException {
        CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out);
        for (Invoice.Line l : i.lines()) {
            csv.printRecord(i.id(), i.number(), i.issued(), i.seller().name(), i.seller().account(),
                    i.buyer().name(), i.buyer().account(), i.contractId(), i.currency().getCurrencyCode(),
                    i.periodFrom(), i.periodTo(), l.number(), l.chargeKey(), l.deviceId(), l.item(), l.from(),
                    l.to(), l.quantity().toPlainString(), l.unitPrice().toPlainString(),
                    l.due().toPlainString(), l.billedBefore().toPlainString(), l.amount().toPlainString(),
                    l.rule(), l.description(), i.net().toPlainString(), i.vatRate().toPlainString(),
                    i.vat().toPlainString(), i.gross().toPlainString());
        }
        csv.flush();
    }
}
