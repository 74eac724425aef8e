package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.SlaReport;
import org.dealerhub.api.SlaReports;

/** The SLA report on the console (issue 9), as the logged-in user sees it. */
final class SlaCommands {

    private SlaCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "sla-report", description = "The SLA report per contract: met and missed"
            + " orders, breaches, average response time per category (KMNO-SLA-1), uptime (KMNO-SLA-2)")
    public static class Report extends DealerhubAction {
        @Reference
        SlaReports reports;

        @Option(name = "--contract", description = "Only this contract")
        Long contract;
        @Option(name = "--organisation", description = "Only this organisation's contracts")
        Long organisation;
        @Option(name = "--from", description = "First day (ISO date); default 6 months before --to")
        String from;
        @Option(name = "--to", description = "Last day (ISO date); default today")
        String to;

        @Override
        void run(PrintStream out, Caller caller) {
            SlaReport report = reports.sla(caller, new SlaReport.Query(contract, organisation, date(from, "from"),
                    date(to, "to")));
            out.printf("SLA report %s .. %s%n", report.from(), report.to());
            out.printf("%8s %6s %-20s %6s %6s %6s %6s %7s  %s%n", "CONTRACT", "ORG", "VENDOR", "ORDERS", "MET",
                    "MISSED", "OPEN", "BREACH", "RESPONSE (avg business h:mm)");
            for (SlaReport.ContractSla c : report.contracts()) {
                StringBuilder times = new StringBuilder();
                for (SlaReport.CategoryTime t : c.responseTimes()) {
                    times.append(t.category()).append(' ').append(OrderCommands.hours(t.averageMinutes()))
                            .append(" (").append(t.responded()).append(")  ");
                }
                out.printf("%8d %6d %-20s %6d %6d %6d %6d %7d  %s%n", c.contractId(), c.organisationId(), c.vendor(),
                        c.orders(), c.met(), c.missed(), c.pending(), c.breaches().size(), times.toString().strip());
                for (SlaReport.Breach b : c.breaches()) {
                    out.printf("    breached %s %s (device %d) on %s, missed by %s%n", b.number(), b.breachedAt(),
                            b.deviceId(), b.date(), OrderCommands.hours(b.missedMinutes()));
                }
                for (SlaReport.DeviceSla d : c.devices()) {
                    if (d.uptime() != null) {
                        out.printf("    device %d uptime %s %% (down %s of %s)%n", d.deviceId(), d.uptime(),
                                OrderCommands.hours(d.downMinutes()), OrderCommands.hours(d.workingMinutes()));
                    }
                }
            }
        }

        private static LocalDate date(String value, String field) {
            try {
                return value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(field, field + " must be an ISO date like 2026-12-24");
            }
        }
    }
}
