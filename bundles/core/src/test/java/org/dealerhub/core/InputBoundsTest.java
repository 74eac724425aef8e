package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every number and date is bounded by its meaning; a refusal names the field and changes nothing. */
class InputBoundsTest {

    private TestPlatform platform;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void datesOutsideTheCenturiesWeWorkInAreRefusedNamingTheField() {
        assertInvalid("from", () -> new MarketCalendarService().view("NO", LocalDate.of(1, 1, 1),
                LocalDate.of(1, 1, 2)));
        assertInvalid("to", () -> new MarketCalendarService().view("NO", LocalDate.of(2199, 12, 1),
                LocalDate.of(2200, 1, 1)));
        assertInvalid("registeredAt", () -> new ResponseDeadlineService(null, null).deadline(
                new org.dealerhub.api.ResponseDeadlines.Request("canon", "STANDARD", "NO",
                        Instant.parse("9999-01-01T00:00:00Z"), Map.of())));
        assertEquals(LocalDate.of(1900, 1, 1), Checks.date(LocalDate.of(1900, 1, 1), "d"));
        assertEquals(Instant.parse("2199-12-31T23:59:59Z"), Checks.instant(Instant.parse("2199-12-31T23:59:59Z"),
                "i"));
        assertInvalid("i", () -> Checks.instant(Instant.MIN, "i"));
        assertInvalid("i", () -> Checks.instant(Instant.MAX, "i"));
    }

    @Test
    void factsArePresentAndTheDistanceIsAFewThousandKilometresAtMost() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("category", null);
        assertInvalid("facts.category", () -> ResponseDeadlineService.facts(withNull));
        assertInvalid("facts.distanceKm", () -> ResponseDeadlineService.facts(Map.of("distanceKm", "1e30")));
        assertInvalid("facts.distanceKm", () -> ResponseDeadlineService.facts(Map.of("distanceKm", "-1")));
        assertInvalid("facts.distanceKm", () -> ResponseDeadlineService.facts(Map.of("distanceKm", "far")));
        assertInvalid("facts.option", () -> ResponseDeadlineService.facts(Map.of("option", "x".repeat(201))));
        assertEquals(Map.of("distanceKm", "12.5"), ResponseDeadlineService.facts(Map.of("distanceKm", "12.5")));
    }

    @Test
    void pricesLieBetweenZeroAndAMillionWithFourDecimals() {
        assertInvalid("prices.monthlyFee", () -> PriceBookService.validAmount("monthlyFee", new BigDecimal("1e30")));
        assertInvalid("prices.monthlyFee", () -> PriceBookService.validAmount("monthlyFee", new BigDecimal("-0.01")));
        assertInvalid("prices.clickMonoA4", () -> PriceBookService.validAmount("clickMonoA4",
                new BigDecimal("0.00001")));
        assertEquals(new BigDecimal("1000000"), PriceBookService.validAmount("monthlyFee",
                new BigDecimal("1000000")));
    }

    @Test
    void countersIdsAndReadingDatesAreBounded() {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Bounds AS", "B-1", "BS-1", "NO")).id();
        assertInvalid("organisationId", () -> platform.devices.create(TestPlatform.ADMIN, new Device.Draft(-3L,
                "acme", "A1", null, DeviceFormat.A4_MONO, "SN-1", null, null, false)));
        long device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "acme", "A1", null,
                DeviceFormat.A4_MONO, "SN-1", null, null, false)).id();
        assertInvalid("counters.scans", () -> platform.readings.submit(TestPlatform.ADMIN, device, List.of(
                new MeterReading.Draft(LocalDate.of(2026, 1, 1), new Counters(1, 1, 1, 1, 1, 1_000_000_000_001L)))));
        assertInvalid("readings[1].date", () -> platform.readings.submit(TestPlatform.ADMIN, device, List.of(
                new MeterReading.Draft(LocalDate.of(2026, 1, 1), new Counters(1, 1, 1, 1, 1, 1)),
                new MeterReading.Draft(LocalDate.of(1, 1, 1), new Counters(1, 1, 1, 1, 1, 1)))));
        assertTrue(platform.readings.history(TestPlatform.ADMIN, device).isEmpty(), "a refusal changes nothing");
        assertEquals(1, platform.readings.submit(TestPlatform.ADMIN, device, List.of(new MeterReading.Draft(
                LocalDate.of(2026, 1, 1), new Counters(1, 1, 1, 1, 1, Checks.MAX_COUNTER)))).stream()
                .filter(MeterReading.Outcome::accepted).count());
    }

    @Test
    void aContractPutIsAFullReplacement() {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Put AS", "P-1", "PS-1", "NO")).id();
        long device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "acme", "A1", null,
                DeviceFormat.A4_MONO, "SN-P", null, null, false)).id();
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        LocalDate start = LocalDate.of(2026, 1, 1);
        Contract signed = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO",
                "BASIC", start, LocalDate.of(2027, 1, 1), List.of(device)));
        // each signed field is required (null is not "keep"), and must be sent as signed
        for (String field : List.of("organisationId", "vendor", "market", "packageCode", "start")) {
            Contract.Draft missing = new Contract.Draft(field.equals("organisationId") ? null : org,
                    field.equals("vendor") ? null : "acme", field.equals("market") ? null : "NO",
                    field.equals("packageCode") ? null : "BASIC", field.equals("start") ? null : start, null,
                    List.of());
            assertInvalid(field, () -> platform.contracts.update(TestPlatform.ADMIN, signed.id(), signed.version(), missing));
        }
        assertEquals(signed, platform.contracts.get(TestPlatform.ADMIN, signed.id()), "a refusal changes nothing");
        // a missing optional field is cleared: no end date, no devices
        Contract replaced = platform.contracts.update(TestPlatform.ADMIN, signed.id(), signed.version(),
                new Contract.Draft(org, "acme", "NO", "BASIC", start, null, null));
        assertEquals(null, replaced.end());
        assertEquals(List.of(), replaced.deviceIds());
    }

    private static void assertInvalid(String field, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(DomainException.Kind.INVALID, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
    }
}
