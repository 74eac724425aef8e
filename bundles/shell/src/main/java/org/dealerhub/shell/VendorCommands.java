package org.dealerhub.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.Readiness;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.VendorHealth;
import org.dealerhub.api.spi.ServicePackage;

/** Vendor, package and health commands. */
final class VendorCommands {

    private VendorCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "vendors", description = "Lists the deployed vendors")
    public static class Vendors extends DealerhubAction {
        @Reference
        VendorCatalog vendors;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-22s %-26s %-10s %s%n", "ID", "NAME", "MARKETS", "TERMS");
            vendors.vendors().forEach(v -> out.printf("%-22s %-26s %-10s %s%n", v.id(), v.name(),
                    String.join(",", v.markets().stream().sorted().toList()), v.currentTermsVersion()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "packages", description = "Lists a vendor's service packages in a market")
    public static class Packages extends DealerhubAction {
        @Reference
        VendorCatalog vendors;
        @Reference
        MarketService markets;

        @Argument(index = 0, name = "vendor", required = true, description = "Vendor id")
        @Completion(Completers.Vendors.class)
        String vendor;

        @Argument(index = 1, name = "market", required = true, description = "Market code, e.g. NO")
        @Completion(Completers.Markets.class)
        String market;

        @Override
        void run(PrintStream out, Caller caller) {
            if (markets.market(market).isEmpty()) {
                throw DomainException.invalid("market", "unknown market " + market);
            }
            for (ServicePackage p : vendors.packages(vendor, market)) {
                out.printf("%s  %s  [terms %s]%n  response: %s (%s)%n", p.code(), p.name(), p.termsVersion(),
                        p.response().description(), p.response().rule());
                p.inclusions().forEach(t -> out.printf("  + %s (%s)%n", t.text(), t.rule()));
                p.exclusions().forEach(t -> out.printf("  - %s (%s)%n", t.text(), t.rule()));
                p.volumeCaps().forEach(c -> out.printf("  cap %s: %d %s/month (%s)%n", c.modelFamily(),
                        c.monthlyLimit(), c.counter(), c.rule()));
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "health",
            description = "Shows whether the platform is ready, each part's state and each vendor's health")
    public static class Health extends DealerhubAction {
        @Reference
        Readiness readiness;

        @Override
        void run(PrintStream out, Caller caller) {
            boolean ready = readiness.ready();
            Readiness.Details details = readiness.details();
            out.println(ready ? "ready" + (details.readyAfterMs() == null ? ""
                    : " (" + details.readyAfterMs() + " ms after JVM start)") : "starting");
            details.parts().forEach((part, state) -> out.printf("  %-12s %s%n", part, state));
            out.printf("%-22s %-8s %8s %8s  %s%n", "VENDOR", "HEALTH", "CALLS", "FAILURES", "LAST FAILURE");
            for (VendorHealth v : details.vendors()) {
                out.printf("%-22s %-8s %8d %8d  %s%n", v.vendor(), v.healthy() ? "ok" : "failing", v.calls(),
                        v.failures(), v.lastFailureAt() == null ? "-" : v.lastFailureAt() + " " + v.lastError());
            }
        }
    }
}
