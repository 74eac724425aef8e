package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PORTAL-METER-1..3 through the real service and database. */
class MeterReadingRulesTest {

    private TestPlatform platform;
    private long device;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Meter AS", "M-1", "MS-1", "NO")).id();
        device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "canon", "iR-ADV C3530",
                "iR-ADV C3xxx", DeviceFormat.A3_COLOUR, "SN-M1", null, null, true)).id();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private static MeterReading.Draft reading(String date, long mono, long colour) {
        return new MeterReading.Draft(LocalDate.parse(date), new Counters(mono, colour, 10, 5, 0, 100));
    }

    private MeterReading.Outcome submit(MeterReading.Draft draft) {
        return platform.readings.submit(TestPlatform.ADMIN, device, List.of(draft)).get(0);
    }

    @Test
    void PORTAL_METER_1_aCounterLowerThanThePreviousReadingIsRefused() {
        assertTrue(submit(reading("2026-01-10", 1000, 200)).accepted());
        MeterReading.Outcome lower = submit(reading("2026-01-11", 1000, 199));
        assertFalse(lower.accepted());
        assertEquals("PORTAL-METER-1", lower.rule());
        assertEquals("colourA4", lower.field());
        assertTrue(submit(reading("2026-01-11", 1000, 200)).accepted(), "equal counters are not lower");
    }

    @Test
    void PORTAL_METER_1_aBackdatedReadingMayNotExceedTheNextOne() {
        assertTrue(submit(reading("2026-01-01", 100, 10)).accepted());
        assertTrue(submit(reading("2026-01-31", 300, 30)).accepted());
        MeterReading.Outcome tooHigh = submit(reading("2026-01-15", 400, 20));
        assertEquals("PORTAL-METER-1", tooHigh.rule());
        assertTrue(submit(reading("2026-01-15", 200, 20)).accepted());
        // the backdated reading did not become the device's last one: the next is still checked against 01-31
        assertEquals("PORTAL-METER-1", submit(reading("2026-02-01", 250, 30)).rule());
        assertTrue(submit(reading("2026-02-01", 300, 30)).accepted());
    }

    @Test
    void PORTAL_METER_2_atMostOneReadingPerDevicePerDay() {
        assertTrue(submit(reading("2026-02-01", 100, 10)).accepted());
        MeterReading.Outcome again = submit(reading("2026-02-01", 150, 10));
        assertFalse(again.accepted());
        assertEquals("PORTAL-METER-2", again.rule());
        // also within one batch
        List<MeterReading.Outcome> batch = platform.readings.submit(TestPlatform.ADMIN, device,
                List.of(reading("2026-02-02", 200, 10), reading("2026-02-02", 210, 10)));
        assertTrue(batch.get(0).accepted());
        assertEquals("PORTAL-METER-2", batch.get(1).rule());
    }

    @Test
    void PORTAL_METER_3_everyAcceptedReadingIsInTheHistoryAndNoRefusedOne() {
        List<MeterReading.Outcome> outcomes = platform.readings.submit(TestPlatform.ADMIN, device, List.of(
                reading("2026-03-03", 300, 30), reading("2026-03-01", 100, 10), reading("2026-03-02", 50, 10)));
        assertEquals(List.of(true, true, false), outcomes.stream().map(MeterReading.Outcome::accepted).toList(),
                "decided in date order, reported in request order");
        List<MeterReading> history = platform.readings.history(TestPlatform.ADMIN, device);
        assertEquals(List.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03")),
                history.stream().map(MeterReading::date).toList());
        assertEquals("system", history.get(0).acceptedBy());
    }

    @Test
    void malformedReadingsAreRefusedWholeWithTheFieldAndChangeNothing() {
        DomainException negative = assertThrows(DomainException.class, () -> platform.readings.submit(
                TestPlatform.ADMIN, device, List.of(reading("2026-04-01", 1, 1),
                        new MeterReading.Draft(LocalDate.parse("2026-04-02"), new Counters(-1, 0, 0, 0, 0, 0)))));
        assertEquals(DomainException.Kind.INVALID, negative.kind());
        assertEquals("readings[1].counters.monoA4", negative.field());
        DomainException future = assertThrows(DomainException.class, () -> submit(
                new MeterReading.Draft(LocalDate.now(platform.clock).plusDays(3), new Counters(1, 1, 1, 1, 1, 1))));
        assertEquals("date", future.field());
        assertTrue(platform.readings.history(TestPlatform.ADMIN, device).isEmpty());
    }

    @Test
    void aCustomerOfAnotherOrganisationCannotSeeOrSubmitForTheDevice() {
        long otherOrg = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Other AS", "O-1", "OS-1", "NO")).id();
        Caller other = Caller.customer("other", otherOrg);
        Caller own = Caller.customer("own", platform.devices.get(TestPlatform.ADMIN, device).organisationId());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> platform.readings.history(other, device)).kind());
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                () -> platform.readings.submit(other, device, List.of(reading("2026-05-01", 1, 1)))).kind());
        assertTrue(platform.readings.submit(own, device, List.of(reading("2026-05-01", 1, 1))).get(0).accepted());
    }
}
