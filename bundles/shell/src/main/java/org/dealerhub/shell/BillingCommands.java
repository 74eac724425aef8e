package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.BillingRun;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.RunningBill;

/** Billing runs from the console (issue 10): a preview by default, written with --commit. */
final class BillingCommands {

    private BillingCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "billing-run", description = "Bills the selected contracts for a period:"
            + " a preview (nothing written) unless --commit; shows a progress bar and a summary")
    public static class Run extends DealerhubAction {
        static final int BAR = 30;

        @Reference
        BillingService billing;

        @Argument(index = 0, name = "from", required = true, description = "first day, e.g. 2026-01-01")
        String from;
        @Argument(index = 1, name = "to", required = true, description = "last day, e.g. 2026-01-31")
        String to;
        @Option(name = "--select", description = "all (default), market, vendor, organisation or contract")
        String select = "all";
        @Option(name = "--value", description = "the market code, vendor id, organisation id or contract id")
        String value;
        @Option(name = "--commit", description = "write the invoices; without it nothing is written")
        boolean commit;

        @Override
        void run(PrintStream out, Caller caller) {
            BillingRun.Selection.Kind kind;
            try {
                kind = BillingRun.Selection.Kind.valueOf(select.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("selection.kind", "--select must be one of "
                        + List.of(BillingRun.Selection.Kind.values()).toString().toLowerCase(Locale.ROOT));
            }
            int[] shown = {-1};
            BillingRun run = billing.run(caller, new BillingRun.Request(date(from, "from"), date(to, "to"),
                    new BillingRun.Selection(kind, value), !commit), (done, total) -> {
                        int percent = total == 0 ? 100 : (int) (100L * done / total);
                        if (percent != shown[0] || done == total) {
                            shown[0] = percent;
                            out.print("\r" + bar(done, total));
                            out.flush();
                        }
                    });
            if (shown[0] >= 0) {
                out.println();
            }
            out.println(summary(run));
        }

        static String bar(int done, int total) {
            int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
            return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + done + "/" + total + " contracts";
        }

        static String summary(BillingRun r) {
            StringBuilder s = new StringBuilder();
            s.append(r.dryRun() ? "Preview (nothing written)" : "Billing run " + r.id()).append(": ")
                    .append(r.periodFrom()).append(" to ").append(r.periodTo()).append(", ").append(r.selection())
                    .append(", by ").append(r.startedBy()).append(" in ").append(r.duration().toMillis())
                    .append(" ms\n");
            s.append(String.format("  %d contracts: %d invoiced (%d lines), %d unchanged, %d deferred, %d parked%n",
                    r.contracts(), r.invoiced(), r.lines(), r.unchanged(), r.deferred(), r.parkedCount()));
            for (BillingRun.Total t : r.totals()) {
                s.append(String.format("  %s: %d invoices, net %s, VAT %s, gross %s%n", t.currency(), t.invoices(),
                        t.net().toPlainString(), t.vat().toPlainString(), t.gross().toPlainString()));
            }
            for (BillingRun.Parked p : r.parked()) {
                s.append(String.format("  parked contract %d%s: %s%n", p.contractId(),
                        p.rule() == null ? "" : " (" + p.rule() + ")", p.reason()));
            }
            if (r.dryRun()) {
                s.append("  run again with --commit to write the invoices\n");
            }
            return s.toString().stripTrailing();
        }

        private static LocalDate date(String value, String field) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(field, field + " must be an ISO date like 2026-01-31");
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "running-bill", description = "What a contract's invoice would be today"
            + " from its live meters, with each allowance used, forecast to its period's end, and its alerts")
    public static class Running extends DealerhubAction {
        @Reference
        BillingService billing;

        @Argument(index = 0, name = "contract", required = true, description = "the contract id")
        long contract;

        @Override
        void run(PrintStream out, Caller caller) {
            out.print(text(billing.runningBill(caller, contract)));
        }

        static String text(RunningBill b) {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Contract %d (%s), running bill on %s%n",
                    b.contractId(), b.vendor(), b.date()));
            BillingRun.Outcome o = b.invoice();
            switch (o.status()) {
                case INVOICED -> {
                    s.append(String.format(Locale.ROOT, "  invoice %s to %s: net %s, VAT %s, gross %s %s%n",
                            o.invoice().periodFrom(), o.invoice().periodTo(), o.invoice().net().toPlainString(),
                            o.invoice().vat().toPlainString(), o.invoice().gross().toPlainString(), b.currency()));
                    o.invoice().lines().forEach(l -> s.append(String.format(Locale.ROOT, "    %-60s %12s  %s%n",
                            l.description(), l.amount().toPlainString(), l.rule())));
                }
                case UNCHANGED -> s.append("  nothing more to invoice").append('\n');
                default -> s.append("  ").append(o.status()).append(": ").append(o.reason())
                        .append(o.rule() == null ? "" : " (" + o.rule() + ")").append('\n');
            }
            for (RunningBill.Allowance a : b.allowances()) {
                s.append(String.format(Locale.ROOT, "  %s (%s)%n    %,d of %,d %s used by %s (%d %%), %s a day:"
                        + " forecast %,d by %s%s%n", a.description(), a.rule(), a.used(), a.limit(), a.unit(),
                        a.measuredTo(), a.percentUsed(), a.perDay().toPlainString(), a.forecast(), a.to(),
                        a.forecastExcess() == 0 ? "" : String.format(Locale.ROOT, ", %,d %s%s",
                                a.forecastExcess(), a.kind().equals("CAP") ? "over" : "short",
                                a.forecastAmount() == null ? "" : " = " + a.forecastAmount().toPlainString() + " "
                                        + b.currency() + " at today's price")));
            }
            b.alerts().forEach(a -> s.append(String.format(Locale.ROOT, "  ALERT %s (%s): %s%n", a.level(),
                    a.rule(), a.message())));
            return s.toString();
        }
    }
}
