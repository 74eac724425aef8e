package org.dealerhub.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.TermsService;

/** Publishing a vendor's terms version from the console (KMNO-TERMS-1). */
final class TermsCommands {

    private TermsCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "terms-publish",
            description = "Publishes a newer terms version of a vendor (at least 30 days' notice); --preview shows"
                    + " what it would change first")
    public static class Publish extends DealerhubAction {
        @Reference
        TermsService terms;

        @Argument(index = 0, name = "vendor", required = true)
        @Completion(Completers.Vendors.class)
        String vendor;
        @Argument(index = 1, name = "version", required = true)
        String version;
        @Argument(index = 2, name = "effectiveFrom", required = true, description = "ISO date")
        String effectiveFrom;
        @Option(name = "--preview", description = "Only show which contracts would change")
        boolean preview;

        @Override
        void run(PrintStream out, Caller caller) {
            TermsPublication.Draft draft = new TermsPublication.Draft(version,
                    CalendarCommands.date(effectiveFrom, "effectiveFrom"));
            if (preview) {
                terms.preview(caller, vendor, draft).forEach(c -> out.printf(
                        "contract %d (organisation %d, %s): %s -> %s from %s%n", c.contractId(), c.organisationId(),
                        c.packageCode(), c.fromVersion(), c.toVersion(), c.effectiveFrom()));
                return;
            }
            TermsPublication p = terms.publish(caller, vendor, draft);
            out.printf("Published %s terms %s, effective from %s%n", p.vendor(), p.version(), p.effectiveFrom());
        }
    }
}
