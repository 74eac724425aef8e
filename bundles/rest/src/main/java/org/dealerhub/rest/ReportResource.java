package org.dealerhub.rest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderReport;
import org.dealerhub.api.SlaReport;
import org.dealerhub.api.SlaReports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * What the response-time clocks measured (issue 9): the SLA report as JSON or CSV, the order report of the last
 * 3 calendar months with a card per order (KMUA-REPORT-1). A customer sees only its own organisation's.
 */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String CSV = "text/csv";
    /** One table: a row per contract, per category's response time (contract and device), per device, per breach. */
    static final String[] COLUMNS = {"row", "contract", "organisation", "vendor", "market", "from", "to", "orders",
        "withTarget", "met", "missed", "pending", "device", "category", "responded", "averageResponseMinutes",
        "uptimePercent", "downMinutes", "workingMinutes", "order", "number", "breachedAt", "breachDate",
        "missedMinutes", "respondedAt"};

    private final SlaReports reports;

    ReportResource(SlaReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("sla")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "slaReport", summary = "The SLA report per contract for a period, as JSON or CSV",
            description = "Per contract: orders registered in the period, met and missed (breached) and pending,"
                    + " the breaches that happened in it, the average response time per category (KMNO-SLA-1:"
                    + " responded orders with a target, i.e. within the distance limit) per contract and device, and"
                    + " the uptime of remotely monitored devices over working days (KMNO-SLA-2: 100 % minus the"
                    + " business time of total outages, a Driftsstans order from registration until resolved, closed"
                    + " or cancelled). Times in business minutes of the contract's market. CSV with `Accept: text/csv`"
                    + " or `format=csv`: one table, column `row` says what a row is (contract, response, device,"
                    + " breach).", responses = {
            @ApiResponse(responseCode = "200", description = "the report", content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaReport.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))}),
            @ApiResponse(responseCode = "400", description = "a malformed date or format, or from after to"),
            @ApiResponse(responseCode = "404", description = "contract or organisation unknown or not visible")})
    public Response sla(@Context SecurityContext security, @Context HttpHeaders headers,
            @Parameter(description = "one contract") @QueryParam("contract") Long contract,
            @Parameter(description = "one organisation's contracts") @QueryParam("organisation") Long organisation,
            @Parameter(description = "first day (ISO date); default 6 months before `to`") @QueryParam("from")
            String from,
            @Parameter(description = "last day (ISO date); default today") @QueryParam("to") String to,
            @Parameter(description = "json or csv; default by the Accept header") @QueryParam("format")
            String format) {
        boolean csv = csv(format, headers);
        SlaReport report = reports.sla(Authenticated.caller(security), new SlaReport.Query(contract, organisation,
                date(from, "from"), date(to, "to")));
        return csv ? Response.ok(csv(report), CSV + ";charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("orders")
    @Operation(operationId = "orderReport", summary = "KMUA-REPORT-1: the orders of the last 3 calendar months",
            description = "This month and the two before it; each line names its detail card (`card`, under"
                    + " /api/v1/).", responses = {
            @ApiResponse(responseCode = "200", description = "the orders",
                    content = @Content(schema = @Schema(implementation = OrderReport.class))),
            @ApiResponse(responseCode = "404", description = "organisation unknown or not visible")})
    public OrderReport orders(@Context SecurityContext security,
            @Parameter(description = "one organisation's orders") @QueryParam("organisation") Long organisation) {
        return reports.orders(Authenticated.caller(security), organisation);
    }

    @GET
    @Path("orders/{id}")
    @Operation(operationId = "orderCard", summary = "KMUA-REPORT-1: an order's detail card",
            description = "The order with its details, pauses and clock, its audit trail and its breach.",
            responses = {
            @ApiResponse(responseCode = "200", description = "the card",
                    content = @Content(schema = @Schema(implementation = OrderReport.Card.class))),
            @ApiResponse(responseCode = "404", description = "unknown or not visible")})
    public OrderReport.Card card(@Context SecurityContext security, @PathParam("id") long id) {
        return reports.card(Authenticated.caller(security), id);
    }

    private static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw DomainException.invalid("format", "format is json or csv");
            };
        }
        return headers.getAcceptableMediaTypes().stream().filter(t -> !t.isWildcardType())
                .findFirst().map(t -> t.isCompatible(MediaType.valueOf(CSV))).orElse(false);
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, field + " must be an ISO date like 2026-12-24");
        }
    }

    /** The report as one CSV table (RFC 4180, commons-csv). */
    static String csv(SlaReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (SlaReport.ContractSla c : report.contracts()) {
                Object[] contract = {c.contractId(), c.organisationId(), c.vendor(), c.market(), report.from(),
                    report.to()};
                csv.printRecord(row("contract", contract, c.orders(), c.withTarget(), c.met(), c.missed(),
                        c.pending()));
                for (SlaReport.CategoryTime t : c.responseTimes()) {
                    csv.printRecord(row("response", contract, null, null, null, null, null, null, t.category(),
                            t.responded(), t.averageMinutes()));
                }
                for (SlaReport.DeviceSla d : c.devices()) {
                    csv.printRecord(row("device", contract, null, null, null, null, null, d.deviceId(), null, null,
                            null, d.uptime(), d.uptime() == null ? null : d.downMinutes(),
                            d.uptime() == null ? null : d.workingMinutes()));
                    for (SlaReport.CategoryTime t : d.responseTimes()) {
                        csv.printRecord(row("response", contract, null, null, null, null, null, d.deviceId(),
                                t.category(), t.responded(), t.averageMinutes()));
                    }
                }
                for (SlaReport.Breach b : c.breaches()) {
                    csv.printRecord(row("breach", contract, null, null, null, null, null, b.deviceId(), null, null,
                            null, null, null, null, b.orderId(), b.number(), b.breachedAt(), b.date(),
                            b.missedMinutes(), b.respondedAt()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A row: its kind, the contract's columns, then the given values, padded to every column. */
    private static Object[] row(String kind, Object[] contract, Object... values) {
        Object[] row = new Object[COLUMNS.length];
        row[0] = kind;
        System.arraycopy(contract, 0, row, 1, contract.length);
        System.arraycopy(values, 0, row, 1 + contract.length, values.length);
        return row;
    }
}
