package org.dealerhub.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.jaas.Pbkdf2Encryption;
import org.dealerhub.persistence.JpaStore;
import org.dealerhub.persistence.TestDatabase;
import org.dealerhub.persistence.api.Store;

/**
 * The core services wired as DS wires them, on the real persistence unit and migrations over a fresh database
 * ({@link TestDatabase}: in-memory Derby, or PostgreSQL in the second test run): real enough to prove the rules.
 */
final class TestPlatform implements AutoCloseable {

    static final Caller ADMIN = Caller.system();
    static final Caller STAFF = new Caller("staff", Caller.Role.DEALER_STAFF, Optional.empty());

    final TestDatabase database = TestDatabase.fresh();
    final EntityManagerFactory emf;
    final Store store;
    /** The one clock every service gets; frozen at the platform's start until a test moves it. */
    final TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    final VendorRegistry vendors = new VendorRegistry(clock);
    final MarketService markets;
    final OrganisationServiceImpl organisations;
    final DeviceServiceImpl devices;
    final ContractServiceImpl contracts;
    final MeterReadingServiceImpl readings;
    final TermsServiceImpl terms;
    /** Norway 08:00-16:00 Europe/Oslo with its public holidays, as configured in the container. */
    final MarketCalendarService calendars = new MarketCalendarService();
    final ResponseDeadlineService deadlines = new ResponseDeadlineService(vendors, calendars);
    final OrderServiceImpl orders;
    final OrderOperationsImpl operations;
    final SlaReportsImpl reports;
    final PortalUserServiceImpl portalUsers;

    TestPlatform() throws Exception {
        DataSource ds = database.dataSource();
        emf = Persistence.createEntityManagerFactory("dealerhub",
                Map.of("javax.persistence.nonJtaDataSource", ds));
        // the same Store the container gets: migrations first, then transactions on the persistence unit
        store = JpaStore.migrating(ds, emf);
        markets = new MarketService() {
            final Market no = new Market("NO", "Norway", Currency.getInstance("NOK"), ZoneId.of("Europe/Oslo"),
                    LocalTime.of(8, 0), LocalTime.of(16, 0));

            @Override
            public List<Market> markets() {
                return List.of(no);
            }

            @Override
            public Optional<Market> market(String code) {
                return "NO".equals(code) ? Optional.of(no) : Optional.empty();
            }
        };
        organisations = new OrganisationServiceImpl(store, markets);
        devices = new DeviceServiceImpl(store);
        contracts = new ContractServiceImpl(store, vendors, clock);
        readings = new MeterReadingServiceImpl(store, clock);
        terms = new TermsServiceImpl(store, vendors, clock);
        ConfiguredMarket norway = new ConfiguredMarket();
        norway.configure(ConfiguredMarketTest.config("NO", "NOK", "Europe/Oslo", "08:00", "16:00"));
        calendars.bindSource(norway);
        orders = new OrderServiceImpl(store, deadlines, calendars, clock);
        operations = new OrderOperationsImpl(store, orders, readings, vendors, calendars, clock);
        reports = new SlaReportsImpl(store, calendars, orders, clock);
        portalUsers = new PortalUserServiceImpl(store, new Pbkdf2Encryption(), clock,
                Configs.of(PortalUserServiceImpl.Config.class, Map.of("baseUrl", "https://portal.example")));
    }

    /** A vendor "acme" in NO with package BASIC under the given terms version, as a bundle would register it. */
    record Acme(VendorProfile profile, ServicePackageProvider packages) {
    }

    static Acme acme(String terms, String packageName) {
        VendorProfile profile = new VendorProfile() {
            @Override
            public String vendorId() {
                return "acme";
            }

            @Override
            public String name() {
                return "Acme";
            }

            @Override
            public Set<String> markets() {
                return Set.of("NO");
            }

            @Override
            public List<String> termsVersions() {
                return List.of(terms);
            }
        };
        ServicePackageProvider packages = new ServicePackageProvider() {
            @Override
            public String vendorId() {
                return "acme";
            }

            @Override
            public List<ServicePackage> packages(String market) {
                return List.of(new ServicePackage("acme", market, "BASIC", packageName, terms,
                        new ResponsePromise(ResponsePromise.Kind.NEXT_BUSINESS_DAY, 0, "NBD", null),
                        List.of(new ServicePackage.Term("Parts", null)), List.of(), List.of()));
            }
        };
        return new Acme(profile, packages);
    }

    /** The service properties a vendor bundle registers its services with. */
    static final Map<String, Object> ACME = Map.of(VendorProfile.VENDOR_ID, "acme");

    void deploy(Acme acme) {
        vendors.bindProfile(acme.profile(), ACME);
        vendors.bindPackages(acme.packages(), ACME);
    }

    /** Acme's response-time rule for BASIC: four business hours from the clock's start. */
    static final ResponseTimeRule FOUR_HOURS = new ResponseTimeRule() {
        @Override
        public String vendorId() {
            return "acme";
        }

        @Override
        public Set<String> packageCodes() {
            return Set.of("BASIC");
        }

        @Override
        public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
            Instant start = calendar.clockStart(order.registeredAt());
            return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(start, Duration.ofHours(4))), start,
                    "4 business hours", "ACME-4H");
        }
    };

    void undeploy(Acme acme) {
        vendors.unbindProfile(acme.profile(), ACME);
        vendors.unbindPackages(acme.packages(), ACME);
    }

    @Override
    public void close() {
        emf.close();
        database.close();
    }
}
