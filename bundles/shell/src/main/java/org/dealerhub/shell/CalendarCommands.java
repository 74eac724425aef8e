package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.spi.ResponseDeadline;

/** Market calendars, response deadlines and implementation packages from the console. */
final class CalendarCommands {

    private CalendarCommands() {
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, field + " must be an ISO date like 2026-12-24");
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "calendar", description = "Shows a market's working days and closed days")
    public static class Calendar extends DealerhubAction {
        @Reference
        MarketCalendars calendars;

        @Argument(index = 0, name = "market", required = true)
        @Completion(Completers.Markets.class)
        String market;
        @Argument(index = 1, name = "from", required = true, description = "ISO date")
        String from;
        @Argument(index = 2, name = "to", required = true, description = "ISO date")
        String to;

        @Override
        void run(PrintStream out, Caller caller) {
            MarketCalendars.View view = calendars.view(market, date(from, "from"), date(to, "to"));
            out.printf("%s  %s  %s-%s  %d working days%n", view.market(), view.zone(), view.opens(), view.closes(),
                    view.workingDays().size());
            view.closedDays().forEach(d -> out.printf("  %s  %s%s%n", d.date(), d.name(),
                    d.dealerClosedDay() ? " (dealer)" : ""));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "deadline", description = "Computes a response deadline")
    public static class Deadline extends DealerhubAction {
        @Reference
        ResponseDeadlines deadlines;

        @Argument(index = 0, name = "vendor", required = true)
        @Completion(Completers.Vendors.class)
        String vendor;
        @Argument(index = 1, name = "package", required = true)
        String packageCode;
        @Argument(index = 2, name = "market", required = true)
        @Completion(Completers.Markets.class)
        String market;
        @Argument(index = 3, name = "registeredAt", required = true, description = "ISO instant, e.g. 2026-11-20T14:59:00Z")
        String registeredAt;
        @Argument(index = 4, name = "facts", multiValued = true, description = "name=value, e.g. category=Driftsstans")
        List<String> facts;

        @Override
        void run(PrintStream out, Caller caller) {
            Instant at;
            try {
                at = Instant.parse(registeredAt);
            } catch (DateTimeParseException e) {
                throw DomainException.invalid("registeredAt", "registeredAt must be an ISO instant");
            }
            Map<String, String> factMap = new HashMap<>();
            for (String fact : facts == null ? List.<String>of() : facts) {
                int eq = fact.indexOf('=');
                if (eq <= 0) {
                    throw DomainException.invalid("facts", "a fact is name=value: " + fact);
                }
                factMap.put(fact.substring(0, eq), fact.substring(eq + 1));
            }
            ResponseDeadline d = deadlines.deadline(new ResponseDeadlines.Request(vendor, packageCode, market, at,
                    factMap));
            out.println("clock start: " + d.clockStart());
            out.println("deadline:    " + d.deadline().map(Object::toString).orElse("none"));
            out.println("reason:      " + d.reason() + (d.rule() == null ? "" : " [rule: " + d.rule() + "]"));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "implementation-packages",
            description = "Shows a vendor's implementation services per package")
    public static class ImplementationPackages extends DealerhubAction {
        @Reference
        VendorCatalog vendors;

        @Argument(index = 0, name = "vendor", required = true)
        @Completion(Completers.Vendors.class)
        String vendor;

        @Override
        void run(PrintStream out, Caller caller) {
            VendorCatalog.ImplementationOffer offer = vendors.implementationOffer(vendor);
            out.printf("%-40s", "SERVICE");
            offer.packages().forEach(p -> out.printf(" %-14s", p.code()));
            out.println();
            offer.services().forEach(s -> {
                out.printf("%-40s", s.name() + (s.unit() == org.dealerhub.api.spi.ImplementationServiceCatalog.Unit.HOURLY
                        ? " (per hour)" : ""));
                offer.packages().forEach(p -> out.printf(" %-14s",
                        p.services().getOrDefault(s.code(),
                                org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.NOT_AVAILABLE)));
                out.println();
            });
        }
    }
}
