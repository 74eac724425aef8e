package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write path is safe under concurrent callers: optimistic locking loses no update, and a race that reaches a
 * unique constraint ends in one success and one CONFLICT, never a raw database failure.
 */
class ConcurrentWritesTest {

    private static final int THREADS = 4;
    private static final int UPDATES_PER_THREAD = 200;
    private static final int RACES = 50;

    private TestPlatform platform;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static Device.Draft counting(long org, int n) {
        return new Device.Draft(org, "canon", "iR C1335", null, DeviceFormat.A4_COLOUR, "SN-RMW", null,
                String.valueOf(n), false);
    }

    @Test
    void readModifyWriteFromSeveralThreadsLosesNoUpdate() throws Exception {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Counter AS", "C-1", "CS-1", "NO")).id();
        Device device = platform.devices.create(TestPlatform.ADMIN, counting(org, 0));
        AtomicInteger stale = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                start.await();
                for (int done = 0; done < UPDATES_PER_THREAD;) {
                    // read, modify, write with the version read (If-Match); on 412 read again
                    Device read = platform.devices.get(TestPlatform.ADMIN, device.id());
                    int n = Integer.parseInt(read.location());
                    try {
                        platform.devices.update(TestPlatform.ADMIN, device.id(), read.version(), counting(org, n + 1));
                        done++;
                    } catch (DomainException e) {
                        assertEquals(DomainException.Kind.PRECONDITION_FAILED, e.kind(), e.describe());
                        stale.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> w : workers) {
            w.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        Device last = platform.devices.get(TestPlatform.ADMIN, device.id());
        int writes = THREADS * UPDATES_PER_THREAD;
        int lost = writes - Integer.parseInt(last.location());
        System.out.printf("read-modify-write: %d threads, %d acknowledged writes, %d refused as stale (412) and"
                + " retried, %d lost%n", THREADS, writes, stale.get(), lost);
        assertEquals(0, lost, "every acknowledged write is in the final state");
        assertEquals(device.version() + writes, last.version());
    }

    @Test
    void PORTAL_ACCT_1_twoRacingCreatorsOfOneAccountNumberGetOneSuccessAndOneConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int conflicts = 0;
        for (int race = 0; race < RACES; race++) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Organisation>> creators = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Organisation.Draft draft = new Organisation.Draft("Race AS", "RACE-" + race, "RS-" + race + "-" + c,
                        "NO");
                creators.add(pool.submit(() -> {
                    start.await();
                    return platform.organisations.create(TestPlatform.ADMIN, draft);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Organisation> f : creators) {
                try {
                    f.get(1, TimeUnit.MINUTES);
                    created++;
                } catch (ExecutionException e) {
                    // anything but the refusal fails the test here
                    DomainException refusal = (DomainException) e.getCause();
                    assertEquals(DomainException.Kind.CONFLICT, refusal.kind(), refusal.describe());
                    assertEquals("customerAccountNumber", refusal.field());
                    assertEquals("PORTAL-ACCT-1", refusal.rule());
                    conflicts++;
                }
            }
            assertEquals(1, created, "race " + race);
        }
        pool.shutdown();
        System.out.printf("racing creators: %d races, %d successes, %d conflicts (409), 0 other failures%n", RACES,
                RACES, conflicts);
        assertEquals(RACES, conflicts);
        assertEquals(RACES, platform.organisations.list(TestPlatform.ADMIN).size());
    }

    @Test
    void aConcurrentCommitBetweenTheVersionCheckAndTheWriteIsRefusedAsStale() throws Exception {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Slip AS", "S-1", "SS-1", "NO")).id();
        Device device = platform.devices.create(TestPlatform.ADMIN, counting(org, 0));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> slow = pool.submit(() -> platform.store.tx(r -> {
            // this unit of work reads version v, then another commits v+1 before this one writes
            long v = r.devices().find(TestPlatform.ADMIN, device.id()).orElseThrow().version();
            read.countDown();
            await(committed);
            return r.devices().update(TestPlatform.ADMIN, device.id(), v, counting(org, 1));
        }));
        await(read);
        platform.devices.update(TestPlatform.ADMIN, device.id(), device.version(), counting(org, 2));
        committed.countDown();
        ExecutionException failed = assertThrows(
                ExecutionException.class, () -> slow.get(1, TimeUnit.MINUTES));
        assertTrue(failed.getCause() instanceof DomainException, String.valueOf(failed.getCause()));
        assertEquals(DomainException.Kind.PRECONDITION_FAILED, ((DomainException) failed.getCause()).kind());
        assertEquals("2", platform.devices.get(TestPlatform.ADMIN, device.id()).location());
        pool.shutdown();
    }

    /**
     * PORTAL-METER-1, -2 under races: four clients submit readings for one device at once, forward and backward in
     * time, one at a time and in batches; each day keeps one reading, no counter decreases from one reading to the
     * next, and the history holds exactly the accepted ones.
     */
    @Test
    void PORTAL_METER_1_2_racingSubmissionsForOneDeviceKeepItsHistoryValid() throws Exception {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Meter Race AS", "MR-1", "MRS-1", "NO")).id();
        long device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "canon", "iR C1335", null,
                DeviceFormat.A4_COLOUR, "SN-RACE", null, null, false)).id();
        LocalDate first = LocalDate.of(2025, 1, 1);
        int days = 60;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int client = t;
            int chunk = client < 2 ? 1 : 6;
            workers.add(pool.submit(() -> {
                start.await();
                int accepted = 0;
                for (int i = 0; i < days; i += chunk) {
                    List<MeterReading.Draft> drafts = new ArrayList<>();
                    for (int j = i; j < i + chunk; j++) {
                        int day = client % 2 == 0 ? j : days - 1 - j;
                        long count = day * 100L + client; // each client's reading of a day differs
                        drafts.add(new MeterReading.Draft(first.plusDays(day), new Counters(count, count, 0, 0, 0, 0)));
                    }
                    for (MeterReading.Outcome o : platform.readings.submit(TestPlatform.ADMIN, device, drafts)) {
                        if (o.accepted()) {
                            accepted++;
                        } else {
                            assertTrue(Set.of("PORTAL-METER-1", "PORTAL-METER-2").contains(o.rule()), o.toString());
                        }
                    }
                }
                return accepted;
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Integer> w : workers) {
            accepted += w.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<MeterReading> history = platform.readings.history(TestPlatform.ADMIN, device);
        assertEquals(accepted, history.size(), "every accepted reading is in the history, no other");
        for (int i = 1; i < history.size(); i++) {
            MeterReading before = history.get(i - 1);
            MeterReading after = history.get(i);
            assertTrue(after.date().isAfter(before.date()), after + " after " + before);
            assertNull(after.counters().firstLowerThan(before.counters()), after + " after " + before);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
