package org.dealerhub.shell;

import java.io.PrintStream;
import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.SoftwareSupport;

/**
 * Software support and paid extras at the console (issue 9), as the logged-in user. Each change is based on the
 * version just read: a change by someone else in between is refused as stale, never overwritten.
 */
final class SoftwareCommands {

    private SoftwareCommands() {
    }

    static void print(PrintStream out, SoftwareSupport.Incident i) {
        out.printf("%s %s %s priority %s (proposed %s%s), known error %s, resolution %s [%s], closed %s%n",
                i.number(), i.kind(), i.state(), i.priority(), i.proposedPriority(), i.priorityAgreed() ? ", agreed"
                        : "", i.knownErrorId() == null ? "-" : i.knownErrorId(),
                i.resolution().original() == null ? "none: " + i.resolution().reason() : i.resolutionDue(),
                i.resolution().rule(), i.closingReason() == null ? "-" : i.closingReason());
    }

    @Service
    @Command(scope = "dealerhub", name = "incident", description = "The software side of an order (KMUA-SW-2..5)")
    public static class Show extends DealerhubAction {
        @Reference
        SoftwareSupport software;

        @Argument(index = 0, name = "order", required = true)
        long order;

        @Override
        void run(PrintStream out, Caller caller) {
            print(out, software.incident(caller, order));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "incident-priority",
            description = "Accepts (the same priority) or renegotiates (another, with the reason) an incident's"
                    + " priority (KMUA-SW-2)")
    public static class Priority extends DealerhubAction {
        @Reference
        SoftwareSupport software;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "priority", required = true, description = "CRITICAL, HIGH, MEDIUM or LOW")
        String priority;
        @Argument(index = 2, name = "reason", description = "why (required when renegotiated)")
        String reason;

        @Override
        void run(PrintStream out, Caller caller) {
            SoftwareSupport.Priority p = parse(SoftwareSupport.Priority.class, "priority", priority);
            long version = software.incident(caller, order).version();
            print(out, software.changePriority(caller, order, version, new SoftwareSupport.PriorityChange(p, reason)));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "incident-close",
            description = "Closes an incident as SYMPTOM_GONE, WORKAROUND or OUTSIDE_SYSTEM (KMUA-SW-5)")
    public static class Close extends DealerhubAction {
        @Reference
        SoftwareSupport software;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "reason", required = true)
        String reason;
        @Argument(index = 2, name = "note")
        String note;

        @Override
        void run(PrintStream out, Caller caller) {
            SoftwareSupport.ClosingReason r = parse(SoftwareSupport.ClosingReason.class, "reason", reason);
            long version = software.incident(caller, order).version();
            print(out, software.close(caller, order, version, new SoftwareSupport.Closure(r, note)));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "known-errors", description = "Known errors and their linked orders")
    public static class KnownErrors extends DealerhubAction {
        @Reference
        SoftwareSupport software;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%6s %-22s %-40s %s%n", "ID", "FIX RELEASED", "TITLE", "ORDERS");
            for (SoftwareSupport.KnownError k : software.knownErrors(caller)) {
                out.printf("%6d %-22s %-40s %s%n", k.id(), k.fixReleasedAt() == null ? "under way" : k.fixReleasedAt(),
                        k.title(), k.linkedOrderIds());
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-extra",
            description = "Buys a paid extra for an order (KMUA-EXTRA-1): SHORTER_RESPONSE --hours H,"
                    + " OUT_OF_HOURS --service-hours HH:MM-HH:MM, ROUND_THE_CLOCK (Kyiv only)")
    public static class Extra extends DealerhubAction {
        @Reference
        OrderExtras extras;
        @Reference
        org.dealerhub.api.OrderService orders;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "code", required = true)
        String code;
        @Option(name = "--hours", description = "the shortened reaction time in hours")
        String hours;
        @Option(name = "--service-hours", description = "the bought daily service hours, e.g. 08:00-22:00")
        String serviceHours;

        @Override
        void run(PrintStream out, Caller caller) {
            OrderExtras.Code c = parse(OrderExtras.Code.class, "code", code);
            BigDecimal h;
            try {
                h = hours == null ? null : new BigDecimal(hours);
            } catch (NumberFormatException e) {
                throw DomainException.invalid("reactionHours", "reactionHours is a number of hours");
            }
            long version = orders.get(caller, order).version();
            ServiceOrder bought = extras.buy(caller, order, version, new OrderExtras.OrderDraft(c, h, serviceHours));
            out.printf("%s: %s bought, deadline %s (%s)%n", bought.number(), c, bought.deadline().original(),
                    bought.deadline().rule());
        }
    }
}
