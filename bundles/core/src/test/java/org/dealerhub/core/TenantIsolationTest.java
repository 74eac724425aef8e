package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToLongFunction;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.persistence.api.Records;
import org.dealerhub.persistence.api.StoredContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PORTAL-ACCT-1: a customer reaches its own organisation's data only, through every repository, and a device's
 * transfer keeps what happened before it with the organisation that owned the device then.
 */
class TenantIsolationTest {

    private TestPlatform platform;
    private long orgA;
    private long orgB;
    private Caller customerA;
    private Caller customerB;
    private Device deviceA;
    private Device deviceB;
    private Contract contractA;
    private Contract contractB;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        orgA = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("A AS", "A-1", "AS-1", "NO"))
                .id();
        orgB = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("B AS", "B-1", "BS-1", "NO"))
                .id();
        customerA = Caller.customer("a", orgA);
        customerB = Caller.customer("b", orgB);
        deviceA = device(orgA, "SN-A");
        deviceB = device(orgB, "SN-B");
        contractA = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(orgA, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), List.of(deviceA.id())));
        contractB = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(orgB, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(deviceB.id())));
        submit(TestPlatform.ADMIN, deviceA.id(), "2026-01-10", 100);
        submit(TestPlatform.ADMIN, deviceA.id(), "2026-02-10", 200);
        submit(TestPlatform.ADMIN, deviceB.id(), "2026-01-15", 50);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private Device device(long org, String serial) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "acme", "A1", null,
                DeviceFormat.A4_MONO, serial, null, null, false));
    }

    private MeterReading.Outcome submit(Caller caller, long device, String date, long mono) {
        return platform.readings.submit(caller, device, List.of(new MeterReading.Draft(LocalDate.parse(date),
                new Counters(mono, 0, 0, 0, 0, 0)))).get(0);
    }

    private List<LocalDate> days(Caller caller, long device) {
        return platform.readings.history(caller, device).stream().map(MeterReading::date).toList();
    }

    /** Each versioned repository gives customer A its own records and nothing of B's, by list and by id. */
    @Test
    void PORTAL_ACCT_1_everyRepositoryFiltersByTheCallersOrganisation() {
        platform.store.read(r -> {
            check(r.organisations(), orgA, orgB, Organisation::id);
            check(r.devices(), deviceA.id(), deviceB.id(), Device::id);
            check(r.contracts(), contractA.id(), contractB.id(), StoredContract::id);
            assertEquals(2, r.readings().history(customerA, deviceA.id()).size());
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                    () -> r.readings().history(customerA, deviceB.id())).kind());
            assertEquals(List.of(), r.contracts().ofVendor(customerA, "acme").stream()
                    .filter(c -> c.organisationId() != orgA).toList());
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                    () -> r.devices().ownership(customerA, deviceB.id())).kind());
            return null;
        });
        // writes by id of another organisation's record are "not found", and change nothing
        for (Runnable write : List.<Runnable>of(
                () -> platform.organisations.update(customerA, orgB, 1, new Organisation.Draft("X", "B-1", "BS-1",
                        "NO")),
                () -> platform.devices.delete(customerA, deviceB.id(), deviceB.version()),
                () -> platform.contracts.delete(customerA, contractB.id(), contractB.version()),
                () -> submit(customerA, deviceB.id(), "2026-03-01", 60))) {
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, write::run).kind());
        }
        assertEquals(List.of(LocalDate.parse("2026-01-15")), days(TestPlatform.ADMIN, deviceB.id()));
        assertEquals("B AS", platform.organisations.get(TestPlatform.ADMIN, orgB).name());
    }

    private <T> void check(Records<T> records, long own, long other, ToLongFunction<T> id) {
        assertEquals(List.of(own), records.list(customerA).stream().map(id::applyAsLong).toList());
        assertTrue(records.find(customerA, own).isPresent());
        assertTrue(records.find(customerA, other).isEmpty());
        assertEquals(List.of(own, other), records.list(TestPlatform.ADMIN).stream().map(id::applyAsLong).toList());
    }

    @Test
    void PORTAL_ACCT_1_aTransferKeepsTheHistoryWithTheOwnerOfTheTime() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        platform.devices.transfer(TestPlatform.ADMIN, deviceA.id(), new Device.Transfer(orgB, day));

        // the new owner writes from the transfer date on, not before it
        assertTrue(submit(customerB, deviceA.id(), "2026-03-10", 300).accepted());
        MeterReading.Outcome before = submit(customerB, deviceA.id(), "2026-02-20", 250);
        assertFalse(before.accepted());
        assertEquals("PORTAL-ACCT-1", before.rule());
        // the old owner writes no more
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class,
                () -> submit(customerA, deviceA.id(), "2026-03-11", 310)).kind());

        // each reads its own days, the dealer all of them
        assertEquals(List.of(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-02-10")),
                days(customerA, deviceA.id()));
        assertEquals(List.of(LocalDate.parse("2026-03-10")), days(customerB, deviceA.id()));
        assertEquals(3, days(TestPlatform.ADMIN, deviceA.id()).size());
        // both see the device (the old owner for its history), and each only its own period of ownership
        assertTrue(platform.devices.list(customerA).stream().anyMatch(d -> d.id() == deviceA.id()));
        assertEquals(orgB, platform.devices.get(customerB, deviceA.id()).organisationId());
        assertEquals(List.of(new Device.Ownership(deviceA.id(), orgA, null, day)),
                platform.devices.ownership(customerA, deviceA.id()));
        assertEquals(List.of(new Device.Ownership(deviceA.id(), orgB, day, null)),
                platform.devices.ownership(customerB, deviceA.id()));
        assertEquals(2, platform.devices.ownership(TestPlatform.ADMIN, deviceA.id()).size());
    }

    @Test
    void PORTAL_ACCT_1_aDeviceMovesOnlyByATransferAndNotFromUnderARunningContract() {
        // a PUT cannot move it
        Device.Draft moved = new Device.Draft(orgA, "acme", "A1", null, DeviceFormat.A4_MONO, "SN-B", null, null,
                false);
        assertEquals("organisationId", assertThrows(DomainException.class,
                () -> platform.devices.update(TestPlatform.ADMIN, deviceB.id(), deviceB.version(), moved)).field());
        // B's contract runs until further notice: no transfer
        DomainException running = assertThrows(DomainException.class, () -> platform.devices.transfer(
                TestPlatform.ADMIN, deviceB.id(), new Device.Transfer(orgA, LocalDate.of(2026, 6, 1))));
        assertEquals(DomainException.Kind.RULE, running.kind());
        assertEquals("PORTAL-ACCT-1", running.rule());
        // customers and staff: only dealer users transfer
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> platform.devices
                .transfer(customerA, deviceA.id(), new Device.Transfer(orgB, LocalDate.of(2026, 6, 1)))).kind());
        // A's contract ended on 2026-02-28: a transfer on 2026-02-28 is refused, on 2026-03-01 it is not
        assertEquals("PORTAL-ACCT-1", assertThrows(DomainException.class, () -> platform.devices.transfer(
                TestPlatform.ADMIN, deviceA.id(), new Device.Transfer(orgB, LocalDate.of(2026, 2, 28)))).rule());
        platform.devices.transfer(TestPlatform.STAFF, deviceA.id(),
                new Device.Transfer(orgB, LocalDate.of(2026, 3, 1)));
        // a transfer back is dated after the last one
        assertEquals("date", assertThrows(DomainException.class, () -> platform.devices.transfer(
                TestPlatform.ADMIN, deviceA.id(), new Device.Transfer(orgA, LocalDate.of(2026, 3, 1)))).field());
        // a contract's devices belong to its organisation for the whole contract
        assertEquals("deviceIds", assertThrows(DomainException.class, () -> platform.contracts.create(
                TestPlatform.ADMIN, new Contract.Draft(orgB, "acme", "NO", "BASIC", LocalDate.of(2026, 2, 1), null,
                        List.of(deviceA.id())))).field());
        assertEquals(List.of(deviceA.id()), platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(orgB,
                "acme", "NO", "BASIC", LocalDate.of(2026, 3, 1), null, List.of(deviceA.id()))).deviceIds());
    }

    @Test
    void aStaleVersionChangesNothing() {
        Device changed = platform.devices.update(TestPlatform.ADMIN, deviceA.id(), deviceA.version(),
                new Device.Draft(orgA, "acme", "A1", null, DeviceFormat.A4_MONO, "SN-A", null, "Hall", false));
        assertEquals(deviceA.version() + 1, changed.version());
        DomainException stale = assertThrows(DomainException.class, () -> platform.devices.update(
                TestPlatform.ADMIN, deviceA.id(), deviceA.version(), new Device.Draft(orgA, "acme", "A1", null,
                        DeviceFormat.A4_MONO, "SN-A", null, "Cellar", false)));
        assertEquals(DomainException.Kind.PRECONDITION_FAILED, stale.kind());
        assertEquals(DomainException.Kind.PRECONDITION_FAILED, assertThrows(DomainException.class,
                () -> platform.contracts.delete(TestPlatform.ADMIN, contractB.id(), contractB.version() + 1)).kind());
        assertEquals("Hall", platform.devices.get(TestPlatform.ADMIN, deviceA.id()).location());
        assertEquals(contractB.id(), platform.contracts.get(TestPlatform.ADMIN, contractB.id()).id());
    }
}
