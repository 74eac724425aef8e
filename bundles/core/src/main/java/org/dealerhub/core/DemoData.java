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
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.StockLocation;
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
        portalData(system, c3530, c5535);
        LOG.info("Demo data created: 4 organisations, 7 devices, 5 contracts, 10 portal users, 2 stock locations, {}"
                + " knowledge articles", ARTICLES.size());
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

    /** Knowledge articles in the portal's four languages (PORTAL-ROLE-4), as dealer staff would write them. */
    static final List<KnowledgeArticle.Draft> ARTICLES = List.of(
            new KnowledgeArticle.Draft("Slik leser du av telleverket",
                    "Trykk på telleverk-knappen på betjeningspanelet (Canon: «Telleverk/Enhet», Konica Minolta:"
                            + " «Meny» > «Teller»). Noter tallene for svart-hvitt og farge, A4 og A3, og send dem"
                            + " inn i portalen samme dag.\n\nPortalen avviser en avlesning som er lavere enn den"
                            + " forrige, eller en ny avlesning samme dag. Er tallene riktige likevel, ring"
                            + " servicesenteret, så retter vi historikken.",
                    "nb", List.of("meter", "canon", "konica-minolta")),
            new KnowledgeArticle.Draft("Papirstopp i kassett 2 på imageRUNNER ADVANCE",
                    "Åpne skuffen til kassett 2 forsiktig og ta ut papiret som sitter fast. Luft papirbunken,"
                            + " kontroller at papirførerne ligger inntil bunken, og lukk skuffen.\n\nKommer stoppen"
                            + " igjen etter kort tid, meld en serviceordre med feilkoden fra skjermen.",
                    "nb", List.of("canon", "ir-adv-c3530", "paper-jam")),
            new KnowledgeArticle.Draft("Sådan skifter du tonerpatron",
                    "Åbn frontdækslet, og drej den tomme patron mod venstre, til den kan trækkes ud. Ryst den nye"
                            + " patron fem-seks gange, før den sættes i, og luk dækslet.\n\nEr jeres enhed sat op"
                            + " til automatisk toneropfyldning, sendes en ny patron af sig selv: hold lagerbeholdningen"
                            + " i portalen ajour, så vi ikke sender for mange.",
                    "da", List.of("canon", "toner", "ir-adv-c5535")),
            new KnowledgeArticle.Draft("Hvornår starter responstiden?",
                    "Servicebestillinger behandles i den normale åbningstid. En bestilling sendt uden for"
                            + " åbningstiden behandles fra starten af den førstkommende arbejdsdag, og responstiden"
                            + " regnes derfra.",
                    "da", List.of("service-order", "response-time")),
            new KnowledgeArticle.Draft("Як надіслати показники лічильника",
                    "Натисніть кнопку «Лічильник» на панелі керування пристрою. Запишіть показники для"
                            + " чорно-білого та кольорового друку і введіть їх на порталі. Без віддаленого"
                            + " моніторингу показники подаються щомісяця.",
                    "uk", List.of("meter", "konica-minolta", "bizhub-c250i")),
            new KnowledgeArticle.Draft("Cleaning the scanner glass",
                    "Streaks on copies usually come from the narrow scanning strip left of the main glass. Lift"
                            + " the document feeder and wipe the strip and the glass with a dry, lint-free cloth; use"
                            + " no spray or alcohol.\n\nIf the streaks stay, register a service order and attach a"
                            + " test copy.",
                    "en", List.of("canon", "konica-minolta", "image-quality")));

    /**
     * The knowledge base, and local stock for one device of each demo organisation with stock managers
     * (PORTAL-ROLE-3, -4).
     */
    private void portalData(Caller c, long fjordvikDevice, long oresundDevice) {
        Instant now = Instant.now();
        store.tx(r -> {
            ARTICLES.forEach(a -> r.knowledge().create(a, now, c.user()));
            r.stock().create(c, fjordvikDevice, new StockLocation.Draft("Oslo, 2nd floor copy room",
                    "Deliver to the reception desk, ground floor; ask for facility services",
                    Map.of("toner-black", 2, "toner-cyan", 1, "toner-magenta", 1, "toner-yellow", 1)), now);
            r.stock().create(c, oresundDevice, new StockLocation.Draft("København, studio",
                    "Varelevering via gårdindgangen, mandag-fredag 8-15",
                    Map.of("toner-black", 3, "toner-cyan", 2, "toner-magenta", 2, "toner-yellow", 2, "drum-black", 1)),
                    now);
            return null;
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
