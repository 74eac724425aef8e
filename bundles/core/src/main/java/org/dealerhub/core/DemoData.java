package org.dealerhub.core;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.dealerhub.api.Caller;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.Contract;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo data on first start (etc/org.dealerhub.demo.cfg; delete the file for an empty platform): organisations,
 * devices, contracts and readings for each bundled vendor. A contract snapshots its vendor's package, so the
 * component starts once the bundled vendors are registered, then seeds on its own thread as soon as the vendor
 * registry lists them all; it does nothing once the demo organisations exist. It is the readiness part
 * {@code demo}: up once the demo data is in place, so a client that starts at readiness sees it. On an empty
 * database the organisations get the ids 1 to 4 in order (the id sequence starts at 1), which the demo users'
 * roles in etc/users.properties name: fjordvik {@code organisation-1}, oresund {@code organisation-3}. Both
 * organisations get a portal user of each role (PORTAL-ROLE-1..5), e.g. {@code fjordvik-devices}, password
 * {@code fjordvik-devices-demo}. Their password hashes are computed once ({@code demo-portal-users.properties}), not
 * at each first boot.
 */
@Component(configurationPid = DemoData.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ReadinessCheck.class, property = ReadinessCheck.PART + "=" + ReadinessService.DEMO, immediate = true)
public class DemoData implements ReadinessCheck {

    static final String PID = "org.dealerhub.demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final String FIRST_ACCOUNT = "10001";
    static final List<String> BUNDLED = List.of("canon", "konica-minolta-no", "konica-minolta-ua", "printer-norge");

    private final OrganisationService organisations;
    private final DeviceService devices;
    private final ContractService contracts;
    private final MeterReadingService readings;
    private final VendorRegistry vendors;
    private final Store store;
    /** What the seeding thread found: null while it runs, then "in place" or why it failed. */
    private volatile String state;
    private final ExecutorService seeder = Executors.newSingleThreadExecutor(r -> new Thread(r, "dealerhub-demo"));

    @Activate
    public DemoData(@Reference OrganisationService organisations, @Reference DeviceService devices,
            @Reference ContractService contracts, @Reference MeterReadingService readings,
            @Reference VendorRegistry vendors, @Reference Store store,
            @Reference(target = "(vendor.id=canon)") ServicePackageProvider canon,
            @Reference(target = "(vendor.id=konica-minolta-no)") ServicePackageProvider kmNorway,
            @Reference(target = "(vendor.id=konica-minolta-ua)") ServicePackageProvider kmUkraine,
            @Reference(target = "(vendor.id=printer-norge)") ServicePackageProvider printerNorge) {
        this.organisations = organisations;
        this.devices = devices;
        this.contracts = contracts;
        this.readings = readings;
        this.vendors = vendors;
        this.store = store;
        seeder.execute(this::seedOnce);
    }

    @Deactivate
    void stop() {
        seeder.shutdownNow();
    }

    private void seedOnce() {
        Caller system = Caller.system();
        try {
            boolean seeded = organisations.list(system).stream()
                    .anyMatch(o -> o.customerAccountNumber().equals(FIRST_ACCOUNT));
            if (seeded) {
                state = "in place (seeded at an earlier start)";
                return;
            }
            // the registry binds vendors in the same service events that started us: wait until it has them
            if (!vendors.awaitVendors(BUNDLED, Duration.ofSeconds(30))) {
                LOG.warn("Not every bundled vendor registered within 30 s; seeding what can be seeded");
            }
            seed(system);
            state = "in place";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be created", e);
            state = "failed: " + e.getMessage();
        }
    }

    @Override
    public boolean up() {
        String s = state;
        return s != null && s.startsWith("in place");
    }

    @Override
    public String describe() {
        String s = state;
        return s == null ? "down: being seeded" : up() ? s : "down: " + s;
    }

    private void seed(Caller system) {
        long fjordvik = org(system, "Fjordvik Eiendom AS", FIRST_ACCOUNT, "SYS-50001", "NO");
        long nordlys = org(system, "Nordlys Regnskap AS", "10002", "SYS-50002", "NO");
        long oresund = org(system, "Øresund Arkitekter ApS", "20001", "SYS-60001", "DK");
        long dnipro = org(system, "Dnipro Logistyka TOV", "30001", "SYS-70001", "UA");
        if (fjordvik != 1 || oresund != 3) {
            LOG.warn("Demo organisations got ids {} and {}, not 1 and 3: the demo users' organisation roles in"
                    + " etc/users.properties do not match them", fjordvik, oresund);
        }

        long c3530 = device(system, fjordvik, "canon", "iR-ADV C3530", "iR-ADV C3xxx", DeviceFormat.A3_COLOUR,
                "CN-3530-0001", "Oslo, 2nd floor", true);
        long c1335 = device(system, fjordvik, "canon", "iR C1335", "iR C13x5", DeviceFormat.A4_COLOUR,
                "CN-1335-0002", "Oslo, reception", false);
        long c300i = device(system, nordlys, "konica-minolta", "bizhub C300i", "bizhub C300i", DeviceFormat.A3_COLOUR,
                "KM-C300I-0001", "Tromsø office", true);
        long pn = device(system, nordlys, "printer-norge", "PN Office 4020", "PN Office", DeviceFormat.A4_MONO,
                "PN-4020-0001", "Tromsø archive", false);
        long c5535 = device(system, oresund, "canon", "iR-ADV C5535", "iR-ADV C5x35/40", DeviceFormat.A3_COLOUR,
                "CN-5535-0003", "København, studio", true);
        long c250i = device(system, dnipro, "konica-minolta", "bizhub C250i", "bizhub C250i", DeviceFormat.A3_COLOUR,
                "KM-C250I-0002", "Kyiv, warehouse office", true);
        long b4000i = device(system, dnipro, "konica-minolta", "bizhub 4000i", "bizhub 4000i", DeviceFormat.A4_MONO,
                "KM-4000I-0003", "Dnipro depot", false);

        LocalDate start = LocalDate.of(2026, 1, 1);
        contract(system, fjordvik, "canon", "NO", "STANDARD", start, List.of(c3530, c1335));
        contract(system, nordlys, "konica-minolta-no", "NO", "SERVICE", start, List.of(c300i));
        contract(system, nordlys, "printer-norge", "NO", "OPERATING", start, List.of(pn));
        contract(system, oresund, "canon", "DK", "PLUS", start, List.of(c5535));
        contract(system, dnipro, "konica-minolta-ua", "UA", "HW-SERVICE", start, List.of(c250i, b4000i));

        for (long device : List.of(c3530, c1335, c300i, pn, c5535, c250i, b4000i)) {
            readings.submit(system, device, List.of(
                    new MeterReading.Draft(LocalDate.of(2026, 9, 30), new Counters(12_000, 3_000, 800, 200, 0, 900)),
                    new MeterReading.Draft(LocalDate.of(2026, 10, 31), new Counters(13_400, 3_500, 860, 240, 0, 1_020))));
        }
        portalUsers(system, "fjordvik", fjordvik, c3530, c1335);
        portalUsers(system, "oresund", oresund, c5535, c5535);
        LOG.info("Demo data created: 4 organisations, 7 devices, 5 contracts, 10 portal users");
    }

    /**
     * One portal user of each role (PORTAL-ROLE-1..5), named {@code <prefix>-<role>}, with the password
     * {@code <name>-demo} (hashed in advance); the device managers are assigned one device each.
     */
    private void portalUsers(Caller c, String prefix, long org, long managed, long bothManaged) {
        Map<String, PortalUser.Draft> users = new LinkedHashMap<>();
        users.put(prefix + "-admin", new PortalUser.Draft(null, null, PortalRole.ADMINISTRATOR, List.of()));
        users.put(prefix + "-devices", new PortalUser.Draft(null, null, PortalRole.DEVICE_MANAGER, List.of(managed)));
        users.put(prefix + "-stock", new PortalUser.Draft(null, null, PortalRole.STOCK_MANAGER, List.of()));
        users.put(prefix + "-both", new PortalUser.Draft(null, null, PortalRole.DEVICE_AND_STOCK_MANAGER,
                List.of(bothManaged)));
        users.put(prefix + "-self", new PortalUser.Draft(null, null, PortalRole.SELF_SERVICE, List.of()));
        Instant now = Instant.now();
        Properties hashes = passwordHashes();
        users.forEach((name, d) -> {
            String hash = PortalUserServiceImpl.HASH_PREFIX + Objects.requireNonNull(hashes.getProperty(name), name);
            store.tx(r -> {
                PortalUser user = r.portalUsers().create(c, org, new PortalUser.Draft(name, name + "@demo.example",
                        d.role(), d.deviceIds()), now);
                r.portalUsers().password(user.id(), hash);
                return null;
            });
        });
    }

    private static Properties passwordHashes() {
        Properties hashes = new Properties();
        try (InputStream in = DemoData.class.getResourceAsStream("demo-portal-users.properties")) {
            hashes.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("the demo users' password hashes cannot be read", e);
        }
        return hashes;
    }

    private long org(Caller c, String name, String account, String system, String market) {
        return organisations.create(c, new Organisation.Draft(name, account, system, market)).id();
    }

    private long device(Caller c, long org, String vendor, String model, String family, DeviceFormat format,
            String serial, String location, boolean monitored) {
        return devices.create(c, new Device.Draft(org, vendor, model, family, format, serial, null, location,
                monitored)).id();
    }

    private void contract(Caller c, long org, String vendor, String market, String pkg, LocalDate start,
            List<Long> deviceIds) {
        contracts.create(c, new Contract.Draft(org, vendor, market, pkg, start, start.plusYears(3).minusDays(1),
                deviceIds));
    }
}
