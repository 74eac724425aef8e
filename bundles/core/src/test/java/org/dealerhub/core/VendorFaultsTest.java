package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dealerhub.api.Contract;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorHealth;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.VendorProfile;
import org.junit.jupiter.api.Test;

/** A vendor whose code throws is answered 502/503 naming it, counted, and never takes another vendor down. */
class VendorFaultsTest {

    private static final Map<String, Object> BROKEN = Map.of(VendorProfile.VENDOR_ID, "broken");

    /** A profile whose markets() throws, as a faulty bundle's would. */
    private static final VendorProfile BROKEN_PROFILE = new VendorProfile() {
        @Override
        public String vendorId() {
            return "broken";
        }

        @Override
        public String name() {
            return "Broken";
        }

        @Override
        public Set<String> markets() {
            throw new IllegalStateException("markets table missing");
        }

        @Override
        public List<String> termsVersions() {
            return List.of("1");
        }
    };

    /** The rule of acme's BASIC package, failing as a bundle being removed fails: its classes are gone. */
    private static final ResponseTimeRule GONE_RULE = new ResponseTimeRule() {
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
            throw new NoClassDefFoundError("org/acme/Internal");
        }
    };

    @Test
    void aFailingVendorAnswers502Or503NamingItAndTheOthersKeepWorking() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.deploy(TestPlatform.acme("2026", "Basic"));
            platform.vendors.bindProfile(BROKEN_PROFILE, BROKEN);
            platform.vendors.bindRule(GONE_RULE, TestPlatform.ACME);

            // the listing leaves the broken vendor out and shows the others
            assertEquals(List.of("acme"), platform.vendors.vendors().stream().map(Vendor::id).toList());
            DomainException failed = assertThrows(DomainException.class,
                    () -> platform.vendors.packages("broken", "NO"));
            assertEquals(DomainException.Kind.VENDOR_FAILED, failed.kind());
            assertEquals("vendor", failed.field());
            assertTrue(failed.getMessage().contains("broken"), failed.getMessage());
            DomainException unavailable = assertThrows(DomainException.class, () -> platform.vendors.deadline("acme",
                    "BASIC", new OrderFacts("NO", "BASIC", Instant.now(), Map.of()), null));
            assertEquals(DomainException.Kind.VENDOR_UNAVAILABLE, unavailable.kind());
            assertEquals("vendor", unavailable.field());

            // contract creation: 502 for the broken vendor, nothing stored; another vendor's contract works
            long org = platform.organisations.create(TestPlatform.ADMIN,
                    new Organisation.Draft("F AS", "F-1", "FS-1", "NO")).id();
            assertEquals(DomainException.Kind.VENDOR_FAILED, assertThrows(DomainException.class,
                    () -> platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "broken", "NO",
                            "BASIC", LocalDate.of(2026, 1, 1), null, List.of()))).kind());
            assertTrue(platform.contracts.list(TestPlatform.ADMIN).isEmpty());
            platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                    LocalDate.of(2026, 1, 1), null, List.of()));

            // the figures count every call and failure, with the last error
            VendorHealth broken = health(platform, "broken");
            assertFalse(broken.healthy());
            assertEquals(3, broken.failures()); // the listing, packages, the contract
            assertEquals(3, broken.calls());
            assertNotNull(broken.lastFailureAt());
            assertTrue(broken.lastError().contains("markets table missing"), broken.lastError());
            VendorHealth acme = health(platform, "acme");
            assertEquals(1, acme.failures());
            assertTrue(acme.lastError().contains("NoClassDefFoundError"), acme.lastError());
            assertTrue(acme.healthy(), "acme's later calls succeeded");

            // removing the broken vendor leaves nothing behind
            platform.vendors.unbindProfile(BROKEN_PROFILE, BROKEN);
            assertEquals(List.of("acme"), platform.vendors.health().stream().map(VendorHealth::vendor).toList());
            assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class,
                    () -> platform.vendors.packages("broken", "NO")).kind());
        }
    }

    @Test
    void aVendorsOwnRefusalAndTheVirtualMachinesErrorsPassUnchanged() {
        VendorCalls calls = new VendorCalls(new TestClock(Instant.EPOCH));
        calls.open("v");
        DomainException refusal = DomainException.invalid("facts", "no such fact");
        assertEquals(refusal, assertThrows(DomainException.class, () -> calls.call("v", "x", () -> {
            throw refusal;
        })));
        assertThrows(OutOfMemoryError.class, () -> calls.call("v", "x", () -> {
            throw new OutOfMemoryError("test");
        }));
        assertEquals(DomainException.Kind.VENDOR_FAILED, assertThrows(DomainException.class,
                () -> calls.call("v", "x", () -> {
                    throw new AssertionError("any other Error");
                })).kind());
        assertEquals(1, calls.health().get(0).failures());
        calls.close("v");
        assertTrue(calls.health().isEmpty());
    }

    private static VendorHealth health(TestPlatform platform, String vendor) {
        return platform.vendors.health().stream().filter(h -> h.vendor().equals(vendor)).findFirst().orElseThrow();
    }
}
