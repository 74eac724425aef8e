package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;

/** The staff's view of service orders (issue 9): open orders by deadline, and their transitions. */
final class OrderCommands {

    private OrderCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "orders",
            description = "Open service orders by deadline, with the business time left on each clock")
    public static class Open extends DealerhubAction {
        @Reference
        OrderService orders;

        @Override
        void run(PrintStream out, Caller caller) {
            List<ServiceOrder> open = orders.list(caller, new ServiceOrder.Query(null, null, null, null, 0, 500))
                    .stream().filter(o -> o.state().open())
                    .sorted(Comparator.comparing((ServiceOrder o) -> o.sla() == null ? Instant.MAX : o.sla().deadline()))
                    .toList();
            out.printf("%-16s %-12s %8s %-22s %9s %s%n", "NUMBER", "STATE", "DEVICE", "DEADLINE", "LEFT", "CLOCK");
            for (ServiceOrder o : open) {
                ServiceOrder.Sla sla = o.sla();
                out.printf("%-16s %-12s %8d %-22s %9s %s%n", o.number(), o.state(), o.deviceId(),
                        sla == null ? "none" : sla.deadline(), sla == null ? "-" : hours(sla.leftMinutes()),
                        sla == null ? "" : clock(sla, o));
            }
        }

        private static String clock(ServiceOrder.Sla sla, ServiceOrder o) {
            String state = o.respondedAt() != null ? "responded" : sla.running() ? "running" : "paused";
            return sla.breached() ? state + ", BREACHED" : state;
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-transition",
            description = "Moves an order to another state (KMUA-ORDER-2), e.g. IN_PROGRESS, RESOLVED, CLOSED")
    public static class Transition extends DealerhubAction {
        @Reference
        OrderService orders;

        @Argument(index = 0, name = "id", required = true)
        long id;
        @Argument(index = 1, name = "state", required = true)
        String state;
        @Argument(index = 2, name = "reason", description = "why (required for CANCELLED and EXTENDED)")
        String reason;

        @Override
        void run(PrintStream out, Caller caller) {
            OrderState to;
            try {
                to = OrderState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("state", "state must be one of " + List.of(OrderState.values()));
            }
            // the version just read: a change by someone else in between is refused as stale, never overwritten
            ServiceOrder current = orders.get(caller, id);
            ServiceOrder moved = orders.transition(caller, id, current.version(),
                    new ServiceOrder.Transition(to, reason, null));
            out.printf("%s: %s -> %s%n", moved.number(), current.state(), moved.state());
        }
    }

    /** Business minutes as h:mm, negative once late. */
    static String hours(long minutes) {
        long abs = Math.abs(minutes);
        return (minutes < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
    }
}
