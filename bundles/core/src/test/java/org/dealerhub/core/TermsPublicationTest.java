package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.Contract;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.TermsPublication;
import org.junit.jupiter.api.Test;

class TermsPublicationTest {

    private static TermsPublication publication(String version, String effective, String published) {
        return new TermsPublication(1, "acme", version, LocalDate.parse(effective), Instant.parse(published), "admin");
    }

    @Test
    void KMNO_TERMS_1_aContractKeepsItsVersionUntilANewerPublicationTakesEffect() {
        Instant signed = Instant.parse("2026-01-10T10:00:00Z");
        List<TermsPublication> published = List.of(publication("2020-Q3", "2026-03-01", "2026-01-20T09:00:00Z"));
        assertEquals("2020", EffectiveTerms.on(LocalDate.parse("2026-02-28"), "2020", signed, published));
        assertEquals("2020-Q3", EffectiveTerms.on(LocalDate.parse("2026-03-01"), "2020", signed, published));
        // a contract signed after the publication was signed under the newer terms already
        assertEquals("2021", EffectiveTerms.on(LocalDate.parse("2026-04-01"), "2021",
                Instant.parse("2026-02-01T00:00:00Z"), published));
    }

    @Test
    void KMNO_TERMS_1_publishingNeedsThirtyDaysNoticeAndShowsWhatItChangesFirst() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.clock.set(Instant.parse("2026-01-05T09:00:00Z"));
            TestPlatform.Acme acme = TestPlatform.acme("2020", "Basic");
            platform.deploy(acme);
            long org = platform.organisations.create(TestPlatform.ADMIN,
                    new Organisation.Draft("T AS", "T-1", "TS-1", "NO")).id();
            Contract signed = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO",
                    "BASIC", LocalDate.of(2026, 1, 1), null, List.of()));
            // the vendor bundle now offers a newer terms version
            platform.undeploy(acme);
            platform.deploy(TestPlatform.acme("2021", "Basic"));
            platform.clock.set(Instant.parse("2026-11-23T12:00:00Z"));
            TermsServiceImpl terms = platform.terms;

            DomainException early = assertThrows(DomainException.class, () -> terms.publish(TestPlatform.ADMIN,
                    "acme", new TermsPublication.Draft("2021", LocalDate.of(2026, 12, 22))));
            assertEquals("KMNO-TERMS-1", early.rule());
            assertEquals("effectiveFrom", early.field());
            assertEquals(DomainException.Kind.FORBIDDEN, assertThrows(DomainException.class, () -> terms.publish(
                    TestPlatform.STAFF, "acme", new TermsPublication.Draft("2021", LocalDate.of(2026, 12, 23))))
                    .kind());

            TermsPublication.Draft draft = new TermsPublication.Draft("2021", LocalDate.of(2026, 12, 23));
            assertEquals(List.of(new TermsPublication.Change(signed.id(), org, "BASIC", "2020", "2021",
                    LocalDate.of(2026, 12, 23))), terms.preview(TestPlatform.STAFF, "acme", draft));
            assertEquals("2021", terms.publish(TestPlatform.ADMIN, "acme", draft).version());
            assertEquals(DomainException.Kind.CONFLICT, assertThrows(DomainException.class,
                    () -> terms.publish(TestPlatform.ADMIN, "acme", draft)).kind());
            // before its effective date the contract is still under the version it was signed under
            Contract read = platform.contracts.get(TestPlatform.ADMIN, signed.id());
            assertEquals("2020", read.termsVersion());
            assertEquals("2020", read.effectiveTermsVersion());
        }
    }

    @Test
    void KMNO_TERMS_1_aContractsEffectiveTermsChangeOnTheEffectiveDate() throws Exception {
        try (TestPlatform platform = new TestPlatform()) {
            platform.clock.set(Instant.parse("2026-01-05T09:00:00Z"));
            TestPlatform.Acme acme = TestPlatform.acme("2020", "Basic");
            platform.deploy(acme);
            long org = platform.organisations.create(TestPlatform.ADMIN,
                    new Organisation.Draft("E AS", "E-1", "ES-1", "NO")).id();
            long id = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                    LocalDate.of(2026, 1, 1), null, List.of())).id();
            platform.undeploy(acme);
            platform.deploy(TestPlatform.acme("2021", "Basic"));
            platform.clock.set(Instant.parse("2026-02-01T10:00:00Z"));
            platform.terms.publish(TestPlatform.ADMIN, "acme",
                    new TermsPublication.Draft("2021", LocalDate.of(2026, 3, 3)));

            // the last moment of the day before (the platform's days are UTC days) and the first of the day
            platform.clock.set(Instant.parse("2026-03-02T23:59:59Z"));
            assertEquals("2020", platform.contracts.get(TestPlatform.ADMIN, id).effectiveTermsVersion());
            assertEquals("2020", platform.contracts.list(TestPlatform.ADMIN).get(0).effectiveTermsVersion());
            platform.clock.set(Instant.parse("2026-03-03T00:00:00Z"));
            assertEquals("2021", platform.contracts.get(TestPlatform.ADMIN, id).effectiveTermsVersion());
            assertEquals("2021", platform.contracts.list(TestPlatform.ADMIN).get(0).effectiveTermsVersion());
            // signed under 2020, whatever is in effect
            assertEquals("2020", platform.contracts.get(TestPlatform.ADMIN, id).termsVersion());
        }
    }
}
