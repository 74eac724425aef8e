package org.dealerhub.shell;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.OrganisationService;

/** Organisations, devices, contracts and meter readings from the console. */
final class DataCommands {

    private DataCommands() {
    }

    static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("date", "date must be an ISO date like 2026-11-01");
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "organisations", description = "Lists organisations")
    public static class Organisations extends DealerhubAction {
        @Reference
        OrganisationService organisations;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-5s %-32s %-10s %-12s %s%n", "ID", "NAME", "CUSTOMER", "SYSTEM", "MARKET");
            organisations.list(caller).forEach(o -> out.printf("%-5d %-32s %-10s %-12s %s%n", o.id(), o.name(),
                    o.customerAccountNumber(), o.systemAccountNumber(), o.market()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "organisation-add", description = "Adds an organisation (PORTAL-ACCT-1)")
    public static class OrganisationAdd extends DealerhubAction {
        @Reference
        OrganisationService organisations;

        @Argument(index = 0, name = "name", required = true)
        String name;
        @Argument(index = 1, name = "customerAccount", required = true)
        String customerAccount;
        @Argument(index = 2, name = "systemAccount", required = true)
        String systemAccount;
        @Argument(index = 3, name = "market", required = true)
        @Completion(Completers.Markets.class)
        String market;

        @Override
        void run(PrintStream out, Caller caller) {
            Organisation o = organisations.create(caller,
                    new Organisation.Draft(name, customerAccount, systemAccount, market));
            out.println("Created organisation " + o.id());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "devices", description = "Lists devices")
    public static class Devices extends DealerhubAction {
        @Reference
        DeviceService devices;

        @Option(name = "--organisation", description = "Only this organisation's devices")
        Long organisation;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-5s %-5s %-16s %-16s %-10s %s%n", "ID", "ORG", "VENDOR", "MODEL", "FORMAT", "SERIAL");
            devices.list(caller).stream().filter(d -> organisation == null || d.organisationId() == organisation)
                    .forEach(d -> out.printf("%-5d %-5d %-16s %-16s %-10s %s%n", d.id(), d.organisationId(),
                            d.vendor(), d.model(), d.format(), d.serialNumber()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "device-transfer", description = "Transfers a device to another"
            + " organisation from a date on; earlier readings stay with the earlier owner (PORTAL-ACCT-1)")
    public static class DeviceTransfer extends DealerhubAction {
        @Reference
        DeviceService devices;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;
        @Argument(index = 1, name = "organisation", required = true, description = "the new owner's id")
        long organisation;
        @Argument(index = 2, name = "date", required = true, description = "ISO date the new owner owns it from")
        String date;

        @Override
        void run(PrintStream out, Caller caller) {
            Device.Ownership o = devices.transfer(caller, device, new Device.Transfer(organisation, day(date)));
            out.println("Device " + o.deviceId() + " belongs to organisation " + o.organisationId() + " from "
                    + o.from());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "contracts", description = "Lists contracts")
    public static class Contracts extends DealerhubAction {
        @Reference
        ContractService contracts;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-5s %-5s %-20s %-6s %-12s %-12s %s%n", "ID", "ORG", "VENDOR", "MARKET", "PACKAGE", "TERMS",
                    "DEVICES");
            contracts.list(caller).forEach(c -> out.printf("%-5d %-5d %-20s %-6s %-12s %-12s %s%n", c.id(),
                    c.organisationId(), c.vendor(), c.market(), c.packageCode(), c.termsVersion(), c.deviceIds()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "readings", description = "Shows a device's meter-reading history")
    public static class Readings extends DealerhubAction {
        @Reference
        MeterReadingService readings;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-11s %9s %9s %9s %9s %7s %9s%n", "DATE", "MONO_A4", "COLOUR_A4", "MONO_A3", "COLOUR_A3",
                    "BANNER", "SCANS");
            readings.history(caller, device).forEach(r -> {
                Counters c = r.counters();
                out.printf("%-11s %9d %9d %9d %9d %7d %9d%n", r.date(), c.monoA4(), c.colourA4(), c.monoA3(),
                        c.colourA3(), c.banner(), c.scans());
            });
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "reading-submit", description = "Submits a meter reading for a device")
    public static class ReadingSubmit extends DealerhubAction {
        @Reference
        MeterReadingService readings;

        @Argument(index = 0, name = "device", required = true)
        @Completion(Completers.Devices.class)
        long device;
        @Argument(index = 1, name = "date", required = true, description = "ISO date, e.g. 2026-11-01")
        String date;
        @Argument(index = 2, name = "counters", required = true, multiValued = true,
                description = "monoA4 colourA4 monoA3 colourA3 banner scans")
        List<Long> counters;

        @Override
        void run(PrintStream out, Caller caller) {
            if (counters.size() != 6) {
                throw DomainException.invalid("counters", "six counters are required: monoA4 colourA4 monoA3"
                        + " colourA3 banner scans");
            }
            LocalDate day = day(date);
            MeterReading.Outcome outcome = readings.submit(caller, device, List.of(new MeterReading.Draft(day,
                    new Counters(counters.get(0), counters.get(1), counters.get(2), counters.get(3), counters.get(4),
                            counters.get(5))))).get(0);
            if (!outcome.accepted()) {
                throw DomainException.rule(outcome.rule(), outcome.field(), outcome.error());
            }
            out.println("Accepted reading of " + day + " for device " + device);
        }
    }
}
