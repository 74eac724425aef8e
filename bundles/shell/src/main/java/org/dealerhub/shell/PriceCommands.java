package org.dealerhub.shell;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;

/** Operators' prices from the console. */
final class PriceCommands {

    private PriceCommands() {
    }

    static void print(PrintStream out, PriceList p) {
        out.printf("%s %s %s (%s, excl. VAT, version %s)%n", p.vendor(), p.market(), p.packageCode(), p.currency(),
                p.tag());
        p.prices().forEach((name, amount) -> out.printf("  %-28s %s%n", name, amount.toPlainString()));
        if (p.versions().size() > 1 || p.versions().get(0).validFrom() != null) {
            // BILL-PRICE-1: every dated version, oldest first
            for (PriceList.Version v : p.versions()) {
                out.printf("  valid from %s:%n", v.validFrom() == null ? "the beginning" : v.validFrom());
                v.prices().forEach((name, amount) -> out.printf("    %-26s %s%n", name, amount.toPlainString()));
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "prices", description = "Shows a vendor's prices in a market")
    public static class Prices extends DealerhubAction {
        @Reference
        PriceBook prices;

        @Argument(index = 0, name = "vendor", required = true)
        @Completion(Completers.Vendors.class)
        String vendor;
        @Argument(index = 1, name = "market", required = true)
        @Completion(Completers.Markets.class)
        String market;

        @Override
        void run(PrintStream out, Caller caller) {
            prices.prices(caller, vendor, market).forEach(p -> print(out, p));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "price-set", description = "Sets one price of a vendor package in a market")
    public static class PriceSet extends DealerhubAction {
        @Reference
        PriceBook prices;

        @Argument(index = 0, name = "vendor", required = true)
        @Completion(Completers.Vendors.class)
        String vendor;
        @Argument(index = 1, name = "market", required = true)
        @Completion(Completers.Markets.class)
        String market;
        @Argument(index = 2, name = "package", required = true)
        String packageCode;
        @Argument(index = 3, name = "name", required = true, description = "e.g. monthlyFee, clickColourA4")
        String name;
        @Argument(index = 4, name = "amount", required = true)
        String amount;
        @Option(name = "--version", aliases = "-v", description = "Only if the prices are still at this version"
                + " (as dealerhub:prices shows it); without it the named price is set whatever the others are")
        String version;
        @Option(name = "--valid-from", description = "The first day the price applies, e.g. 2027-01-01 (default:"
                + " today); periods before it keep the earlier price (BILL-PRICE-1)")
        String validFrom;

        @Override
        void run(PrintStream out, Caller caller) {
            BigDecimal value;
            try {
                value = new BigDecimal(amount);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("amount", "amount must be a number like 0.45");
            }
            LocalDate from;
            try {
                from = validFrom == null ? null : LocalDate.parse(validFrom);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("validFrom", "validFrom must be a day like 2027-01-01");
            }
            PriceBook.Changed changed = prices.change(caller, vendor, market, packageCode, version,
                    new PriceList.Change(Map.of(name, value), from));
            if (!changed.applied()) {
                out.println("Pending: " + changed.message() + "; in effect now:");
            }
            print(out, changed.prices());
        }
    }
}
