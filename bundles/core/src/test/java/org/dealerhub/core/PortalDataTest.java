package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.StockLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The portal's data (issue 11) on the real persistence unit: local stock (PORTAL-ROLE-3), the knowledge base
 * (PORTAL-ROLE-4) and the service centre's corrections of meter histories (PORTAL-METER-4), with what each portal
 * role may and may not do, through the core services and the persistence scope.
 */
class PortalDataTest {

    private static final Caller STAFF = TestPlatform.STAFF;
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

    private TestPlatform platform;
    private LocalStockServiceImpl stock;
    private KnowledgeBaseImpl knowledge;
    private MeterCorrectionsImpl corrections;
    private long org;
    private long replenished;
    private long plain;
    private long foreign;
    private Caller administrator;
    private Caller stockManager;
    private Caller deviceManager;
    private Caller both;
    private Caller self;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        stock = new LocalStockServiceImpl(platform.store, platform.clock);
        knowledge = new KnowledgeBaseImpl(platform.store, platform.clock);
        corrections = new MeterCorrectionsImpl(platform.store, platform.clock);
        org = organisation("A AS", "A-1");
        long other = organisation("B AS", "B-1");
        replenished = device(org, "SN-1");
        plain = device(org, "SN-2");
        foreign = device(other, "SN-3");
        administrator = Caller.customer("a-admin", org);
        stockManager = user("a-stock", PortalRole.STOCK_MANAGER);
        deviceManager = user("a-devices", PortalRole.DEVICE_MANAGER, replenished);
        both = user("a-both", PortalRole.DEVICE_AND_STOCK_MANAGER, plain);
        self = user("a-self", PortalRole.SELF_SERVICE);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long organisation(String name, String account) {
        return platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft(name, account, "S" + account,
                "NO")).id();
    }

    private long device(long organisation, String serial) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, "canon", "iR C1335", null,
                DeviceFormat.A4_COLOUR, serial, null, null, false)).id();
    }

    private Caller user(String name, PortalRole role, Long... devices) {
        PortalUser u = platform.portalUsers.invite(STAFF, org, new PortalUser.Draft(name, name + "@a.example", role,
                List.of(devices)));
        return Caller.portal(u.userName(), org, u.role());
    }

    private static StockLocation.Draft shelf(int black) {
        return new StockLocation.Draft("Copy room", "Reception, ground floor", Map.of("toner-black", black,
                "drum-black", 1));
    }

    private static DomainException refused(DomainException.Kind kind, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    private void read(Caller by, long device, LocalDate date, long mono) {
        assertTrue(platform.readings.submit(by, device, List.of(new MeterReading.Draft(date,
                new Counters(mono, 0, 0, 0, 0, 0)))).get(0).accepted());
    }

    private List<Long> monoHistory(Caller caller, long device) {
        return platform.readings.history(caller, device).stream().map(r -> r.counters().monoA4()).toList();
    }

    // --- PORTAL-ROLE-3: local stock ----------------------------------------------------------------------------

    @Test
    void PORTAL_ROLE_3_staffSetUpReplenishmentAndStockManagersMaintainTheStockData() {
        refused(DomainException.Kind.NOT_FOUND, () -> stock.get(stockManager, replenished));
        StockLocation s = stock.enable(STAFF, replenished, shelf(2));
        assertEquals(org, s.organisationId());
        assertEquals(Map.of("drum-black", 1, "toner-black", 2), s.levels());
        StockLocation changed = stock.update(stockManager, replenished, s.version(), shelf(1));
        assertEquals(1, changed.levels().get("toner-black"));
        assertEquals("a-stock", changed.updatedBy());
        assertEquals(List.of(replenished), stock.list(stockManager, org).stream().map(StockLocation::deviceId)
                .toList());
        // a device not on automatic replenishment has no stock data, and only staff set one up
        refused(DomainException.Kind.NOT_FOUND, () -> stock.update(stockManager, plain, 0, shelf(1)));
        refused(DomainException.Kind.FORBIDDEN, () -> stock.enable(administrator, plain, shelf(1)));
        refused(DomainException.Kind.CONFLICT, () -> stock.enable(STAFF, replenished, shelf(1)));
        refused(DomainException.Kind.FORBIDDEN, () -> stock.disable(stockManager, replenished, changed.version()));
        stock.disable(STAFF, replenished, changed.version());
        refused(DomainException.Kind.NOT_FOUND, () -> stock.get(STAFF, replenished));
    }

    @Test
    void PORTAL_ROLE_3_everyChangeIsAuditedWithWhoAndWhen() {
        StockLocation s = stock.enable(STAFF, replenished, shelf(2));
        platform.clock.advance(java.time.Duration.ofMinutes(5));
        s = stock.update(stockManager, replenished, s.version(), shelf(1));
        s = stock.update(administrator, replenished, s.version(), shelf(0));
        stock.disable(STAFF, replenished, s.version());
        List<StockLocation.Change> changes = stock.changes(STAFF, replenished);
        assertEquals(List.of("staff", "a-stock", "a-admin", "staff"), changes.stream().map(StockLocation.Change::by)
                .toList());
        assertEquals(List.of(2, 1, 0), changes.subList(0, 3).stream().map(c -> c.levels().get("toner-black"))
                .toList());
        assertTrue(changes.get(3).removed());
        assertTrue(changes.get(1).at().isAfter(changes.get(0).at()));
        assertEquals(4, stock.changes(stockManager, replenished).size());
    }

    @Test
    void PORTAL_ROLE_3_countsAreNeverNegativeAndARefusedChangeChangesNothing() {
        StockLocation s = stock.enable(STAFF, replenished, shelf(2));
        DomainException e = refused(DomainException.Kind.INVALID, () -> stock.update(stockManager, replenished,
                s.version(), shelf(-1)));
        assertEquals("levels.toner-black", e.field());
        refused(DomainException.Kind.INVALID, () -> stock.update(stockManager, replenished, s.version(),
                new StockLocation.Draft("x", null, Map.of("Toner Black!", 1))));
        refused(DomainException.Kind.INVALID, () -> stock.update(stockManager, replenished, s.version(),
                new StockLocation.Draft(" ", null, Map.of())));
        assertEquals(s, stock.get(STAFF, replenished));
        assertEquals(1, stock.changes(STAFF, replenished).size());
    }

    @Test
    void PORTAL_ROLE_3_anotherOrganisationsStockIsNotFound() {
        stock.enable(STAFF, foreign, shelf(2));
        refused(DomainException.Kind.NOT_FOUND, () -> stock.get(stockManager, foreign));
        refused(DomainException.Kind.NOT_FOUND, () -> stock.update(stockManager, foreign, 0, shelf(1)));
        refused(DomainException.Kind.NOT_FOUND, () -> stock.changes(administrator, foreign));
        refused(DomainException.Kind.NOT_FOUND, () -> stock.list(stockManager, platform.devices.get(STAFF, foreign)
                .organisationId()));
        refused(DomainException.Kind.NOT_FOUND, () -> stock.enable(STAFF, 999_999, shelf(1)));
    }

    @Test
    void PORTAL_ROLE_3_twoUpdatesOfOneVersionAtOnceMakeOneChangeAndOne412() throws Exception {
        for (int round = 0; round < 10; round++) {
            StockLocation s = round == 0 ? stock.enable(STAFF, replenished, shelf(0))
                    : stock.get(STAFF, replenished);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<StockLocation>> results = new ArrayList<>();
                for (Caller c : List.of(stockManager, both)) {
                    int black = c == both ? 7 : 3;
                    results.add(pool.submit(() -> {
                        start.await();
                        return stock.update(c, replenished, s.version(), shelf(black));
                    }));
                }
                start.countDown();
                int won = 0;
                int stale = 0;
                StockLocation winner = null;
                for (Future<StockLocation> f : results) {
                    try {
                        winner = f.get(30, TimeUnit.SECONDS);
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertEquals(DomainException.Kind.PRECONDITION_FAILED, ((DomainException) e.getCause()).kind(),
                                e.getCause().getMessage());
                        stale++;
                    }
                }
                assertEquals(1, won, "round " + round + " from " + s + " to " + winner + " now " + stock.get(STAFF, replenished));
                assertEquals(1, stale);
                assertEquals(winner, stock.get(STAFF, replenished), "the winner's change is the one stored");
                assertEquals(s.version() + 1, winner.version());
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(11, stock.changes(STAFF, replenished).size(), "one audited change per round");
    }

    // --- the portal roles on stock and knowledge (PORTAL-ROLE-1..4) ----------------------------------------------

    @Test
    void PORTAL_ROLE_4_aDeviceAndStockManagerMaintainsStockAndASelfServiceUserOnlyReadsKnowledge() {
        StockLocation s = stock.enable(STAFF, replenished, shelf(2));
        // the device-and-stock manager maintains the stock of devices it is not assigned, as a stock manager does
        s = stock.update(both, replenished, s.version(), shelf(5));
        assertEquals(1, stock.list(both, org).size());
        // the device manager (assigned this very device) and the self-service user may not
        for (Caller refusedRole : List.of(deviceManager, self)) {
            long version = s.version();
            for (Executable call : List.<Executable>of(() -> stock.get(refusedRole, replenished),
                    () -> stock.list(refusedRole, org), () -> stock.changes(refusedRole, replenished),
                    () -> stock.update(refusedRole, replenished, version, shelf(9)))) {
                assertEquals("PORTAL-ROLE-3", refused(DomainException.Kind.FORBIDDEN, call).rule());
            }
        }
        assertEquals(5, stock.get(STAFF, replenished).levels().get("toner-black"));
        // every portal role reads the knowledge base; none writes it
        KnowledgeArticle a = knowledge.create(STAFF, new KnowledgeArticle.Draft("Toner", "Shake it", "en",
                List.of("canon")));
        for (Caller c : List.of(administrator, deviceManager, stockManager, both, self)) {
            assertEquals(a, knowledge.get(c, a.id()));
            assertEquals(1, knowledge.search(c, null).total());
            refused(DomainException.Kind.FORBIDDEN, () -> knowledge.create(c, new KnowledgeArticle.Draft("x", "y",
                    "en", List.of())));
            refused(DomainException.Kind.FORBIDDEN, () -> knowledge.update(c, a.id(), a.version(),
                    new KnowledgeArticle.Draft("x", "y", "en", List.of())));
            refused(DomainException.Kind.FORBIDDEN, () -> knowledge.delete(c, a.id(), a.version()));
        }
        // ... and the self-service user reaches nothing else (PortalRolesTest covers devices, orders, users)
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.list(self, replenished));
    }

    @Test
    void PORTAL_ROLE_1_anAdministratorMaintainsStockButSetsUpNoReplenishment() {
        StockLocation s = stock.enable(STAFF, replenished, shelf(2));
        assertEquals(4, stock.update(administrator, replenished, s.version(), shelf(4)).levels().get("toner-black"));
        refused(DomainException.Kind.FORBIDDEN, () -> stock.enable(administrator, plain, shelf(1)));
        refused(DomainException.Kind.FORBIDDEN, () -> corrections.correct(administrator, replenished,
                new MeterCorrection.Draft(MAR_1, null, null, true, "typo")));
    }

    @Test
    void PORTAL_ROLE_2_aDeviceManagerSeesTheCorrectionsOfItsDevicesOnly() {
        read(STAFF, replenished, MAR_1, 100);
        read(STAFF, plain, MAR_1, 100);
        corrections.correct(STAFF, replenished, new MeterCorrection.Draft(MAR_1, null, counters(90), false, "typo"));
        assertEquals(1, corrections.list(deviceManager, replenished).size());
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.list(deviceManager, plain));
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.list(stockManager, replenished));
    }

    // --- PORTAL-ROLE-4: knowledge base ----------------------------------------------------------------------------

    @Test
    void PORTAL_ROLE_4_articlesAreSearchedByTextTagAndLanguageInPages() {
        for (int i = 0; i < 25; i++) {
            knowledge.create(STAFF, new KnowledgeArticle.Draft("Papirstopp " + i, "Åpne skuff " + i + " (50 %)",
                    "nb", List.of("Canon", "iR-ADV C3530")));
        }
        knowledge.create(STAFF, new KnowledgeArticle.Draft("Sådan skifter du toner", "Åbn frontdækslet", "da",
                List.of("canon", "toner")));
        knowledge.create(STAFF, new KnowledgeArticle.Draft("Як надіслати показники", "Лічильник", "uk",
                List.of("konica-minolta")));
        KnowledgeArticle.Page page = knowledge.search(self, new KnowledgeArticle.Query("PAPIRSTOPP", null, null, 20,
                10));
        assertEquals(25, page.total());
        assertEquals(5, page.articles().size());
        assertEquals(List.of("canon", "ir-adv-c3530"), page.articles().get(0).tags());
        assertEquals(26, knowledge.search(self, new KnowledgeArticle.Query(null, "canon", null, 0, 0)).total());
        assertEquals(1, knowledge.search(self, new KnowledgeArticle.Query(null, "canon", "da", 0, 0)).total());
        assertEquals(1, knowledge.search(self, new KnowledgeArticle.Query("лічильник", null, null, 0, 0)).total());
        assertEquals(20, knowledge.search(self, new KnowledgeArticle.Query(null, null, null, 0, 0)).articles()
                .size(), "20 a page unless asked");
        // LIKE's wildcards are searched for as themselves
        assertEquals(25, knowledge.search(self, new KnowledgeArticle.Query("50 %", null, null, 0, 0)).total());
        assertEquals(0, knowledge.search(self, new KnowledgeArticle.Query("5_ %", null, null, 0, 0)).total());
        refused(DomainException.Kind.INVALID, () -> knowledge.search(self, new KnowledgeArticle.Query(null, null,
                "de", 0, 0)));
    }

    @Test
    void PORTAL_ROLE_4_staffWriteArticlesWithVersionsAndPlainTextOnly() {
        KnowledgeArticle a = knowledge.create(STAFF, new KnowledgeArticle.Draft(" Toner ", "Shake it", "EN",
                List.of("canon")));
        assertEquals("Toner", a.title());
        assertEquals("en", a.language());
        assertEquals("staff", a.createdBy());
        KnowledgeArticle b = knowledge.update(STAFF, a.id(), a.version(), new KnowledgeArticle.Draft("Toner",
                "Shake it five times", "en", List.of("canon", "toner")));
        assertEquals(a.version() + 1, b.version());
        refused(DomainException.Kind.PRECONDITION_FAILED, () -> knowledge.update(STAFF, a.id(), a.version(),
                new KnowledgeArticle.Draft("Lost", "update", "en", List.of())));
        refused(DomainException.Kind.INVALID, () -> knowledge.create(STAFF, new KnowledgeArticle.Draft("Bell",
                "ring \u0007 twice", "en", List.of())));
        refused(DomainException.Kind.INVALID, () -> knowledge.create(STAFF, new KnowledgeArticle.Draft("T", "B",
                "en", List.of("<script>"))));
        // staff write, dealer administrators delete
        refused(DomainException.Kind.FORBIDDEN, () -> knowledge.delete(STAFF, a.id(), b.version()));
        knowledge.delete(TestPlatform.ADMIN, a.id(), b.version());
        refused(DomainException.Kind.NOT_FOUND, () -> knowledge.get(self, a.id()));
    }

    // --- PORTAL-METER-4: corrections -------------------------------------------------------------------------

    private static Counters counters(long mono) {
        return new Counters(mono, 0, 0, 0, 0, 0);
    }

    @Test
    void PORTAL_METER_4_staffCorrectAReadingAndEveryCorrectionIsAudited() {
        read(administrator, replenished, MAR_1, 100);
        read(administrator, replenished, APR_1, 5_000); // a typo: 500 was meant
        // the customer's May reading is refused (PORTAL-METER-1), so it phones the service centre
        MeterReading.Outcome may = platform.readings.submit(administrator, replenished, List.of(
                new MeterReading.Draft(MAY_1, counters(900)))).get(0);
        assertFalse(may.accepted());
        assertEquals("PORTAL-METER-1", may.rule());
        platform.clock.advance(java.time.Duration.ofHours(1));
        MeterCorrection c = corrections.correct(STAFF, replenished, new MeterCorrection.Draft(APR_1, null,
                counters(500), false, "customer phoned: 500, not 5000"));
        assertEquals(APR_1, c.oldDate());
        assertEquals(5_000, c.oldCounters().monoA4());
        assertEquals(APR_1, c.newDate());
        assertEquals(500, c.newCounters().monoA4());
        assertEquals("staff", c.correctedBy());
        assertEquals(platform.clock.instant(), c.correctedAt());
        assertEquals("customer phoned: 500, not 5000", c.reason());
        // now the May reading fits, and the customer sees the corrected history and the correction
        read(administrator, replenished, MAY_1, 900);
        assertEquals(List.of(100L, 500L, 900L), monoHistory(administrator, replenished));
        assertEquals(List.of(c), corrections.list(administrator, replenished));
        // a date moved, then a reading voided: all audited, oldest first
        corrections.correct(STAFF, replenished, new MeterCorrection.Draft(MAR_1, LocalDate.of(2026, 3, 2), null,
                false, "read on the 2nd"));
        MeterCorrection voided = corrections.correct(STAFF, replenished, new MeterCorrection.Draft(APR_1, null,
                null, true, "double entry"));
        assertTrue(voided.voided());
        assertNull(voided.newCounters());
        assertEquals(List.of(100L, 900L), monoHistory(STAFF, replenished));
        assertEquals(List.of(APR_1, MAR_1, APR_1), corrections.list(STAFF, replenished).stream()
                .map(MeterCorrection::oldDate).toList());
        // the device's newest reading stays the one new readings are checked against
        MeterReading.Outcome lower = platform.readings.submit(administrator, replenished, List.of(
                new MeterReading.Draft(LocalDate.of(2026, 6, 1), counters(800)))).get(0);
        assertEquals("PORTAL-METER-1", lower.rule());
    }

    @Test
    void PORTAL_METER_4_aCorrectionKeepsTheHistoryInOrderNamingTheRule() {
        read(STAFF, replenished, MAR_1, 100);
        read(STAFF, replenished, APR_1, 200);
        read(STAFF, replenished, MAY_1, 300);
        // counters above the later reading would make that one lower than its predecessor
        DomainException e = refused(DomainException.Kind.RULE, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(APR_1, null, counters(301), false, "x")));
        assertEquals("PORTAL-METER-1", e.rule());
        assertEquals("monoA4", e.field());
        refused(DomainException.Kind.RULE, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(APR_1, null, counters(99), false, "x")));
        // moved past a later reading it is out of order; onto a day with a reading it is a second one
        assertEquals("PORTAL-METER-1", refused(DomainException.Kind.RULE, () -> corrections.correct(STAFF,
                replenished, new MeterCorrection.Draft(APR_1, LocalDate.of(2026, 5, 2), null, false, "x"))).rule());
        assertEquals("PORTAL-METER-2", refused(DomainException.Kind.RULE, () -> corrections.correct(STAFF,
                replenished, new MeterCorrection.Draft(APR_1, MAY_1, null, false, "x"))).rule());
        // bad input
        refused(DomainException.Kind.INVALID, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(APR_1, null, counters(250), false, " ")));
        refused(DomainException.Kind.INVALID, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(APR_1, null, null, false, "nothing")));
        refused(DomainException.Kind.INVALID, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(APR_1, null, counters(250), true, "both")));
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.correct(STAFF, replenished,
                new MeterCorrection.Draft(LocalDate.of(2026, 4, 2), null, counters(250), false, "no such")));
        // a refused correction changes nothing
        assertEquals(List.of(100L, 200L, 300L), monoHistory(STAFF, replenished));
        assertEquals(List.of(), corrections.list(STAFF, replenished));
        // a move within its neighbours is fine
        assertEquals(LocalDate.of(2026, 4, 15), corrections.correct(STAFF, replenished, new MeterCorrection.Draft(
                APR_1, LocalDate.of(2026, 4, 15), counters(250), false, "ok")).newDate());
    }

    @Test
    void PORTAL_METER_4_concurrentCorrectionsAndSubmissionsAreDecidedOneAfterTheOtherAndAllAudited()
            throws Exception {
        read(STAFF, replenished, MAR_1, 100);
        read(STAFF, replenished, APR_1, 200);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (long mono : List.of(150L, 160L)) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return corrections.correct(STAFF, replenished, new MeterCorrection.Draft(APR_1, null,
                            counters(mono), false, "to " + mono));
                }));
            }
            calls.add(pool.submit(() -> {
                start.await();
                return platform.readings.submit(administrator, replenished, List.of(new MeterReading.Draft(MAY_1,
                        counters(170))));
            }));
            start.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // the audit is one chain: the second correction's old value is the first one's new value
        List<MeterCorrection> audit = corrections.list(STAFF, replenished);
        assertEquals(2, audit.size());
        assertEquals(200, audit.get(0).oldCounters().monoA4());
        assertEquals(audit.get(0).newCounters(), audit.get(1).oldCounters());
        assertEquals(List.of(100L, audit.get(1).newCounters().monoA4(), 170L), monoHistory(STAFF, replenished));
    }

    @Test
    void PORTAL_METER_4_customersCorrectNothingAndSeeOnlyTheirOwnDevicesCorrections() {
        read(STAFF, replenished, MAR_1, 100);
        read(STAFF, foreign, MAR_1, 100);
        for (Caller c : List.of(administrator, deviceManager, stockManager, both, self)) {
            // a role that sees the device is refused by the rule; one that does not learns nothing of it
            boolean sees = platform.devices.list(c).stream().anyMatch(d -> d.id() == replenished);
            DomainException e = refused(sees ? DomainException.Kind.FORBIDDEN : DomainException.Kind.NOT_FOUND,
                    () -> corrections.correct(c, replenished, new MeterCorrection.Draft(MAR_1, null, counters(1),
                            false, "mine")));
            if (sees) {
                assertEquals("PORTAL-METER-4", e.rule());
            }
        }
        corrections.correct(STAFF, foreign, new MeterCorrection.Draft(MAR_1, null, counters(50), false, "x"));
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.list(administrator, foreign));
        refused(DomainException.Kind.NOT_FOUND, () -> corrections.correct(administrator, foreign,
                new MeterCorrection.Draft(MAR_1, null, counters(1), false, "another organisation's")));
        // so is setting another organisation's device up for replenishment (PORTAL-ROLE-3)
        refused(DomainException.Kind.NOT_FOUND, () -> stock.enable(administrator, foreign, shelf(1)));
        assertEquals(List.of(100L), monoHistory(STAFF, replenished));
    }
}
