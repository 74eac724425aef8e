package org.dealerhub.vendor.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.VolumeCap;
import org.junit.jupiter.api.Test;

class CanonPackagesTest {

    private final CanonPackages packages = new CanonPackages();

    private ServicePackage pkg(String market, String code) {
        return packages.packages(market).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void CANON_PKG_1_threePackagesWithTheirResponsePromisesInNorwayAndDenmark() {
        for (String market : List.of("NO", "DK")) {
            assertEquals(List.of("STANDARD", "PLUS", "PREMIUM"),
                    packages.packages(market).stream().map(ServicePackage::code).toList());
            assertEquals(ResponsePromise.Kind.NEXT_BUSINESS_DAY, pkg(market, "STANDARD").response().kind());
            assertEquals(6, pkg(market, "PLUS").response().businessHours());
            assertEquals(4, pkg(market, "PREMIUM").response().businessHours());
        }
        assertTrue(packages.packages("UA").isEmpty());
    }

    @Test
    void CANON_PKG_2_allPackagesIncludeServicePartsTonerDmsAndMono() {
        for (String code : List.of("STANDARD", "PLUS", "PREMIUM")) {
            List<String> included = pkg("NO", code).inclusions().stream().map(ServicePackage.Term::text).toList();
            assertTrue(included.contains("Service and parts, drum included"), code);
            assertTrue(included.contains("Toner for normal use"), code);
            assertTrue(included.contains("Device Management Service (DMS)"), code);
            assertTrue(included.contains("Free mono volume"), code);
        }
    }

    @Test
    void CANON_VOL_2_colourCapsPerModelFamily() {
        Map<String, Long> caps = pkg("NO", "STANDARD").volumeCaps().stream()
                .collect(Collectors.toMap(VolumeCap::modelFamily, VolumeCap::monthlyLimit));
        assertEquals(Map.of("iR C13x5", 1_000L, "iR-ADV C25x/C35x/C351", 2_000L, "iR-ADV C3xxx", 5_000L,
                "iR-ADV C5x35/40", 5_000L, "iR-ADV C5x50/55/60", 10_000L), caps);
        assertEquals(pkg("NO", "STANDARD").volumeCaps(), pkg("NO", "PLUS").volumeCaps());
    }

    @Test
    void CANON_PKG_3_premiumHasNoVolumeLimits() {
        assertTrue(pkg("NO", "PREMIUM").volumeCaps().isEmpty());
        assertTrue(pkg("DK", "PREMIUM").inclusions().stream().anyMatch(t -> t.rule().equals("CANON-PKG-3")));
    }

    @Test
    void CANON_SCOPE_1_exclusionsAreListed() {
        assertTrue(pkg("NO", "PLUS").exclusions().stream().anyMatch(t -> t.rule().equals("CANON-SCOPE-1")));
    }

    @Test
    void CANON_DMS_1_and_2_dmsDeliverablesAndTheCustomersPrerequisitesAreInEveryPackage() {
        for (ServicePackage p : packages.packages("NO")) {
            assertTrue(p.inclusions().stream().filter(t -> t.rule().equals("CANON-DMS-1")).count() >= 5, p.code());
            assertTrue(p.inclusions().stream().anyMatch(t -> t.rule().equals("CANON-DMS-2")
                    && t.text().contains("IP address")), p.code());
            assertTrue(p.exclusions().stream().anyMatch(t -> t.rule().equals("CANON-DMS-2")), p.code());
        }
    }
}
