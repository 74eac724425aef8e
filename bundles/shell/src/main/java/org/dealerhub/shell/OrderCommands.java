package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.ServiceOrder.Pause;

/**
 * The staff's view of service orders (issue 9): open orders by deadline, and the actions staff take on them: an
 * order taken by phone or e-mail (channel CONSOLE), transitions, holds and their release, the response. Each action
 * is based on the version just read, so a change by someone else in between is refused as stale, never overwritten.
 */
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

        static String clock(ServiceOrder.Sla sla, ServiceOrder o) {
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
            OrderState to = parse(OrderState.class, "state", state);
            // the version just read: a change by someone else in between is refused as stale, never overwritten
            ServiceOrder current = orders.get(caller, id);
            ServiceOrder moved = orders.transition(caller, id, current.version(),
                    new ServiceOrder.Transition(to, reason, null));
            out.printf("%s: %s -> %s%n", moved.number(), current.state(), moved.state());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-register",
            description = "Registers an order taken by phone or e-mail (channel CONSOLE, KMUA-CHAN-1); what is"
                    + " missing holds it (KMUA-ORDER-1)")
    public static class Register extends DealerhubAction {
        @Reference
        OrderService orders;

        @Argument(index = 0, name = "device", required = true)
        long device;
        @Argument(index = 1, name = "contract", required = true)
        long contract;
        @Argument(index = 2, name = "kind", required = true,
                description = "REPAIR, TONER, INSTALLATION, SOFTWARE_INCIDENT, CHANGE_REQUEST, MOVE or EXIT")
        String kind;
        @Option(name = "--symptom")
        String symptom;
        @Option(name = "--error-code")
        String errorCode;
        @Option(name = "--meter", description = "the current meter reading")
        Long meter;
        @Option(name = "--contact")
        String contact;
        @Option(name = "--email")
        String email;
        @Option(name = "--fact", multiValued = true,
                description = "name=value for the vendor's response-time rule, e.g. category=Driftsstans")
        List<String> facts;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder order = orders.register(caller, new ServiceOrder.Draft(device, contract,
                    parse(OrderKind.class, "kind", kind), OrderChannel.CONSOLE, null, symptom, errorCode, meter,
                    contact, email, facts(facts)));
            out.printf("%s registered (id %d), %s%n", order.number(), order.id(), clock(order));
            if (!order.missing().isEmpty()) {
                out.println("held until complete (KMUA-ORDER-1), missing: " + String.join(", ", order.missing()));
            }
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-hold",
            description = "Stops an order's clock: DEBT (KMUA-DEBT-1), CUSTOMER_QUESTION (KMUA-SW-3) or WAITING")
    public static class Hold extends DealerhubAction {
        @Reference
        OrderService orders;

        @Argument(index = 0, name = "id", required = true)
        long id;
        @Argument(index = 1, name = "reason", required = true)
        String reason;
        @Argument(index = 2, name = "note")
        String note;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder current = orders.get(caller, id);
            ServiceOrder held = orders.hold(caller, id, current.version(),
                    new ServiceOrder.Hold(parse(ServiceOrder.PauseReason.class, "reason", reason), note));
            Pause pause = held.pauses().get(held.pauses().size() - 1);
            out.printf("%s held (pause %d, %s), %s%n", held.number(), pause.id(), pause.reason(), clock(held));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-release", description = "Ends a pause of an order's clock")
    public static class Release extends DealerhubAction {
        @Reference
        OrderService orders;

        @Argument(index = 0, name = "id", required = true)
        long id;
        @Argument(index = 1, name = "pause", required = true, description = "the pause id (dealerhub:order-hold)")
        long pause;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder released = orders.release(caller, id, orders.get(caller, id).version(), pause);
            out.printf("%s released, %s%n", released.number(), clock(released));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-respond",
            description = "Records the response now, which stops the response-time clock (KMUA-RESP-1, KMNO-SLA-1)")
    public static class Respond extends DealerhubAction {
        @Reference
        OrderService orders;

        @Argument(index = 0, name = "id", required = true)
        long id;
        @Argument(index = 1, name = "how", required = true, description = "e.g. \"remote diagnostics\"")
        String how;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder responded = orders.respond(caller, id, orders.get(caller, id).version(),
                    new ServiceOrder.Response(null, how));
            ServiceOrder.Sla sla = responded.sla();
            out.printf("%s responded%s%n", responded.number(), sla == null ? "" : Boolean.TRUE.equals(sla.met())
                    ? " within the deadline" : ", " + hours(sla.missedByMinutes()) + " business time late");
        }
    }

    /** Where the order's clock stands, in words. */
    static String clock(ServiceOrder order) {
        ServiceOrder.Sla sla = order.sla();
        if (sla == null) {
            return order.deadline() == null ? "no deadline" : "no deadline: " + order.deadline().reason();
        }
        return "deadline " + sla.deadline() + ", " + hours(sla.leftMinutes()) + " business time left, "
                + Open.clock(sla, order);
    }

    /** name=value pairs as a map; anything else is refused. */
    static Map<String, String> facts(List<String> pairs) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw DomainException.invalid("fact", "a fact is name=value, e.g. category=Driftsstans");
            }
            facts.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return facts;
    }

    /** Business minutes as h:mm, negative once late. */
    static String hours(long minutes) {
        long abs = Math.abs(minutes);
        return (minutes < 0 ? "-" : "") + abs / 60 + ":" + String.format("%02d", abs % 60);
    }
}
