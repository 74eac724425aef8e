package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Organisation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationAndContractTest {

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
    void PORTAL_ACCT_1_anOrganisationHasBothAccountNumbersEachUnique() {
        Organisation created = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Fjord AS", "10001", "SYS-1", "NO"));
        assertEquals("10001", created.customerAccountNumber());
        assertEquals("SYS-1", created.systemAccountNumber());
        DomainException missing = assertThrows(DomainException.class, () -> platform.organisations.create(
                TestPlatform.ADMIN, new Organisation.Draft("No System AS", "10002", " ", "NO")));
        assertEquals("systemAccountNumber", missing.field());
        DomainException duplicate = assertThrows(DomainException.class, () -> platform.organisations.create(
                TestPlatform.ADMIN, new Organisation.Draft("Copy AS", "10001", "SYS-2", "NO")));
        assertEquals(DomainException.Kind.CONFLICT, duplicate.kind());
        assertEquals("PORTAL-ACCT-1", duplicate.rule());
        assertEquals(1, platform.organisations.list(TestPlatform.ADMIN).size(), "a refusal changes nothing");
    }

    @Test
    void KMNO_TERMS_1_aSignedContractKeepsItsPackageWhenTheVendorChangesOrLeaves() {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("Terms AS", "T-1", "TS-1", "NO")).id();
        long device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "acme", "A1", null,
                DeviceFormat.A4_MONO, "SN-T1", null, null, false)).id();
        TestPlatform.Acme v2020 = TestPlatform.acme("2020", "Basic 2020");
        platform.deploy(v2020);
        Contract signed = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO",
                "BASIC", LocalDate.of(2026, 1, 1), null, List.of(device)));
        assertEquals("2020", signed.termsVersion());

        // the vendor bundle is upgraded to new terms: the signed contract does not change
        platform.undeploy(v2020);
        TestPlatform.Acme v2021 = TestPlatform.acme("2021", "Basic 2021");
        platform.deploy(v2021);
        Contract read = platform.contracts.get(TestPlatform.ADMIN, signed.id());
        assertEquals("2020", read.termsVersion());
        assertEquals("Basic 2020", read.packageSnapshot().name());
        // ... and a new contract is signed under the new version
        assertEquals("2021", platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO",
                "BASIC", LocalDate.of(2026, 2, 1), null, List.of())).termsVersion());

        // the vendor bundle is removed: the contract still reads from its snapshot
        platform.undeploy(v2021);
        assertEquals("Basic 2020", platform.contracts.get(TestPlatform.ADMIN, signed.id()).packageSnapshot().name());
        // and its package cannot be changed by an update
        DomainException change = assertThrows(DomainException.class, () -> platform.contracts.update(
                TestPlatform.ADMIN, signed.id(), signed.version(), new Contract.Draft(org, "acme", "NO", "PLUS",
                        LocalDate.of(2026, 1, 1), null, List.of(device))));
        assertEquals("KMNO-TERMS-1", change.rule());
    }

    @Test
    void aContractNeedsADeployedVendorItsPackageAndTheOrganisationsOwnDevices() {
        long org = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("A AS", "A-1", "AS-1", "NO")).id();
        long other = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("B AS", "B-1", "BS-1", "NO")).id();
        long foreignDevice = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(other, "acme", "A1", null,
                DeviceFormat.A4_MONO, "SN-B", null, null, false)).id();
        LocalDate start = LocalDate.of(2026, 1, 1);
        assertEquals("vendor", assertThrows(DomainException.class, () -> platform.contracts.create(
                TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC", start, null, List.of()))).field());
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        assertEquals("packageCode", assertThrows(DomainException.class, () -> platform.contracts.create(
                TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "GOLD", start, null, List.of()))).field());
        assertEquals("deviceIds", assertThrows(DomainException.class, () -> platform.contracts.create(
                TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC", start, null,
                        List.of(foreignDevice)))).field());
        assertEquals("end", assertThrows(DomainException.class, () -> platform.contracts.create(
                TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC", start, start.minusDays(1),
                        List.of()))).field());
        assertEquals(0, platform.contracts.list(TestPlatform.ADMIN).size());
    }

    @Test
    void rolesDecideWhoMayChangeAndDelete() {
        Organisation created = platform.organisations.create(TestPlatform.ADMIN,
                new Organisation.Draft("R AS", "R-1", "RS-1", "NO"));
        long org = created.id();
        long version = created.version();
        Caller customer = Caller.customer("c", org);
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () ->
                platform.organisations.update(customer, org, version, new Organisation.Draft("X", "R-1", "RS-1", "NO")))
                .kind());
        assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () ->
                platform.organisations.delete(TestPlatform.STAFF, org, version)).kind());
        assertEquals("R AS", platform.organisations.get(customer, org).name());
        platform.organisations.delete(TestPlatform.ADMIN, org, version);
        assertEquals(DomainException.Kind.NOT_FOUND, assertThrows(DomainException.class, () ->
                platform.organisations.get(TestPlatform.ADMIN, org)).kind());
    }
}
