package org.dealerhub.vendor.konicaminolta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.junit.jupiter.api.Test;

class KonicaMinoltaTest {

    @Test
    void KMNO_TERMS_1_twoTermsVersionsNewContractsUseTheNewest() {
        KonicaMinoltaNorwayProfile profile = new KonicaMinoltaNorwayProfile();
        assertEquals(List.of("2020", "2020-Q3"), profile.termsVersions());
        assertEquals("2020-Q3", profile.currentTermsVersion());
        new KonicaMinoltaNorwayPackages().packages("NO")
                .forEach(p -> assertEquals("2020-Q3", p.termsVersion(), p.code()));
    }

    @Test
    void KMNO_SLA_1_responseIsPerCategoryWithinThirtyKilometres() {
        ServicePackage service = new KonicaMinoltaNorwayPackages().packages("NO").get(0);
        assertEquals(ResponsePromise.Kind.PER_CATEGORY, service.response().kind());
        assertEquals("KMNO-SLA-1", service.response().rule());
        assertTrue(service.response().description().contains("30 km"));
    }

    @Test
    void KMNO_SUPPORT_1_supportAgreementCoversTwoHoursAYear() {
        ServicePackage support = new KonicaMinoltaNorwayPackages().packages("NO").get(1);
        assertTrue(support.inclusions().stream().anyMatch(t -> t.rule().equals("KMNO-SUPPORT-1")
                && t.text().contains("2 hours")));
    }

    @Test
    void KMUA_RESP_1_hardwareReactionTimeIsPerContractInUkraineOnly() {
        KonicaMinoltaUkrainePackages ua = new KonicaMinoltaUkrainePackages();
        assertEquals(ResponsePromise.Kind.PER_CONTRACT, ua.packages("UA").get(0).response().kind());
        assertTrue(ua.packages("NO").isEmpty());
        assertTrue(new KonicaMinoltaNorwayPackages().packages("UA").isEmpty());
    }
}
