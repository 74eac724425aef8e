package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.FaultCause;
import org.dealerhub.api.Loan;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MonitoringEvent;
import org.dealerhub.api.OrderOperations;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.OrderWork;
import org.dealerhub.api.Resolution;
import org.dealerhub.api.ServiceOrder;

/**
 * The console's actions on service orders besides their states (issue 9): a monitoring event entered by hand, loan
 * devices lent and returned with their handover counters, the resolution, and labour or waiting. Each change is
 * based on the order's version just read, so a change by someone else in between is refused as stale.
 */
final class OrderOperationCommands {

    private static final String COUNTERS = "monoA4,colourA4,monoA3,colourA3,banner,scans";

    private OrderOperationCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "monitoring-event", description = "Records a device's remote-monitoring"
            + " event: a diagnosable error code opens a repair order (KMUA-ORDER-3), counters become a reading")
    public static class Event extends DealerhubAction {
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "device", required = true)
        long device;
        @Option(name = "--code", description = "the device's error code")
        String code;
        @Option(name = "--symptom", description = "the device's text for the fault")
        String symptom;
        @Option(name = "--counters", description = COUNTERS)
        String counters;

        @Override
        void run(PrintStream out, Caller caller) {
            MonitoringEvent.Outcome o = operations.record(caller, new MonitoringEvent(device, Instant.now(), code,
                    symptom, Map.of(), counters == null ? null : counters(counters, "counters")));
            out.printf("event %d: %s (%s)%s%n", o.id(), o.decision(), o.reason(), o.reading() == null ? ""
                    : ", reading " + reading(o.reading()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "loan-lend", description = "Lends a device in place of the order's device"
            + " (KMUA-ORDER-4) with both devices' counters at the swap (KMUA-ORDER-8)")
    public static class Lend extends DealerhubAction {
        @Reference
        OrderService orders;
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "loanDevice", required = true)
        long loanDevice;
        @Argument(index = 2, name = "cause", required = true, description = "DEVICE, USER_ERROR, USER_DAMAGE,"
                + " THIRD_PARTY or EXTERNAL")
        String cause;
        @Option(name = "--device-counters", required = true, description = "the order's device: " + COUNTERS)
        String deviceCounters;
        @Option(name = "--loan-counters", required = true, description = "the loan device: " + COUNTERS)
        String loanCounters;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder current = orders.get(caller, order);
            Loan loan = operations.lend(caller, order, current.version(), new Loan.Draft(loanDevice,
                    parse(FaultCause.class, "cause", cause), new Loan.Handover(null,
                            counters(deviceCounters, "deviceCounters"), counters(loanCounters, "loanCounters"))));
            print(out, loan);
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "loan-return", description = "Takes a loan device back with both"
            + " devices' counters at the return (KMUA-ORDER-8)")
    public static class Return extends DealerhubAction {
        @Reference
        OrderService orders;
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "loan", required = true)
        long loan;
        @Option(name = "--device-counters", required = true, description = "the order's device: " + COUNTERS)
        String deviceCounters;
        @Option(name = "--loan-counters", required = true, description = "the loan device: " + COUNTERS)
        String loanCounters;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder current = orders.get(caller, order);
            print(out, operations.giveBack(caller, order, current.version(), loan, new Loan.Handover(null,
                    counters(deviceCounters, "deviceCounters"), counters(loanCounters, "loanCounters"))));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "loans", description = "The loan devices of an order")
    public static class Loans extends DealerhubAction {
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;

        @Override
        void run(PrintStream out, Caller caller) {
            operations.loans(caller, order).forEach(l -> print(out, l));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-resolve", description = "Resolves an order by REPAIR, LOAN_DEVICE"
            + " or OUT_OF_SERVICE (KMUA-ORDER-5)")
    public static class Resolve extends DealerhubAction {
        @Reference
        OrderService orders;
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "kind", required = true)
        String kind;
        @Argument(index = 2, name = "note")
        String note;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder current = orders.get(caller, order);
            ServiceOrder resolved = operations.resolve(caller, order, current.version(), new Resolution(
                    parse(Resolution.Kind.class, "kind", kind), note));
            out.printf("%s: %s -> %s by %s%n", resolved.number(), current.state(), resolved.state(),
                    kind.toUpperCase(Locale.ROOT));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-labour", description = "Attaches labour or waiting to an order,"
            + " classified covered or not by the vendor's rule")
    public static class Labour extends DealerhubAction {
        @Reference
        OrderService orders;
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;
        @Argument(index = 1, name = "kind", required = true, description = "LABOUR or WAITING")
        String kind;
        @Argument(index = 2, name = "minutes", required = true)
        int minutes;
        @Argument(index = 3, name = "cause", required = true, description = "DEVICE, USER_ERROR, USER_DAMAGE,"
                + " THIRD_PARTY or EXTERNAL")
        String cause;
        @Argument(index = 4, name = "note")
        String note;

        @Override
        void run(PrintStream out, Caller caller) {
            ServiceOrder current = orders.get(caller, order);
            print(out, operations.addWork(caller, order, current.version(), new OrderWork.Draft(null,
                    parse(OrderWork.Kind.class, "kind", kind), minutes, parse(FaultCause.class, "cause", cause), note,
                    null)));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "order-work", description = "The work on an order, covered or not")
    public static class Work extends DealerhubAction {
        @Reference
        OrderOperations operations;

        @Argument(index = 0, name = "order", required = true)
        long order;

        @Override
        void run(PrintStream out, Caller caller) {
            operations.work(caller, order).forEach(w -> print(out, w));
        }
    }

    static void print(PrintStream out, Loan l) {
        out.printf("loan %d on %s: device %d in place of %d, from %s%s%s%n", l.id(), l.orderNumber(),
                l.loanDeviceId(), l.deviceId(), l.from(), l.to() == null ? " (lent)" : " to " + l.to(),
                l.readings().isEmpty() ? "" : ", readings " + l.readings().stream()
                        .map(OrderOperationCommands::reading).toList());
    }

    static void print(PrintStream out, OrderWork w) {
        out.printf("work %d on %s: %s %d min %s, %s by %s%n", w.id(), w.orderNumber(), w.date(), w.minutes(), w.kind(),
                w.covered() ? "covered" : "NOT covered", w.rule());
    }

    static String reading(MeterReading.Outcome o) {
        return o.accepted() ? "accepted" : "refused (" + o.rule() + ")";
    }

    static Counters counters(String text, String field) {
        long[] v;
        try {
            v = Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            v = new long[0];
        }
        if (v.length != 6) {
            throw DomainException.invalid(field, field + " are six numbers: " + COUNTERS);
        }
        return new Counters(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
