package org.dealerhub.vendor.canon;

import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.DOWNGRADABLE;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.INCLUDED;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.NOT_AVAILABLE;
import static org.dealerhub.api.spi.ImplementationServiceCatalog.Availability.OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dealerhub.api.spi.ImplementationServiceCatalog.Availability;
import org.dealerhub.api.spi.ImplementationServiceCatalog.ImplementationPackage;
import org.dealerhub.api.spi.ImplementationServiceCatalog.Service;
import org.dealerhub.api.spi.ImplementationServiceCatalog.Unit;
import org.junit.jupiter.api.Test;

class CanonImplementationServicesTest {

    private final CanonImplementationServices catalog = new CanonImplementationServices();

    private Service service(String code) {
        return catalog.services().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private Map<String, Availability> column(String packageCode) {
        return catalog.packages().stream().filter(p -> p.code().equals(packageCode)).findFirst().orElseThrow()
                .services();
    }

    @Test
    void CANON_IMPL_matrixIsExactlyTheSeedTable() {
        assertEquals(List.of("BASIC", "STANDARD", "ADVANCED"),
                catalog.packages().stream().map(ImplementationPackage::code).toList());
        // rows of DOMAIN.md "Canon implementation packages": Basic, Standard, Advanced
        Map<String, List<Availability>> rows = Map.of(
                "PRE-INSTALL", List.of(INCLUDED, INCLUDED, INCLUDED),
                "FREIGHT-DELIVERY", List.of(INCLUDED, INCLUDED, INCLUDED),
                "PLUG-AND-PLAY", List.of(NOT_AVAILABLE, INCLUDED, NOT_AVAILABLE),
                "INSTALLATION-NETWORK", List.of(NOT_AVAILABLE, NOT_AVAILABLE, INCLUDED),
                "CONNECTIVITY-IMPLEMENT", List.of(NOT_AVAILABLE, NOT_AVAILABLE, OPTION),
                "USER-TRAINING", List.of(OPTION, OPTION, OPTION),
                "SECURITY-ACTIVATION", List.of(DOWNGRADABLE, DOWNGRADABLE, DOWNGRADABLE));
        rows.forEach((service, expected) -> assertEquals(expected,
                List.of(column("BASIC").get(service), column("STANDARD").get(service), column("ADVANCED").get(service)),
                service));
        Set<String> codes = catalog.services().stream().map(Service::code).collect(Collectors.toSet());
        assertEquals(rows.keySet(), codes);
        catalog.packages().forEach(p -> assertEquals(codes, p.services().keySet(), p.code()));
    }

    @Test
    void CANON_IMPL_4_installationIsSoldInHourlyUnits() {
        assertEquals(Unit.HOURLY, service("INSTALLATION-NETWORK").unit());
        assertEquals("CANON-IMPL-4", service("INSTALLATION-NETWORK").rule());
        assertTrue(service("INSTALLATION-NETWORK").description().contains("1 working day"));
    }

    @Test
    void CANON_IMPL_5_connectivityAndTrainingCoverUpToOneHour() {
        assertEquals("CANON-IMPL-5", service("CONNECTIVITY-IMPLEMENT").rule());
        assertTrue(service("CONNECTIVITY-IMPLEMENT").description().contains("up to 1 hour"));
        assertEquals("CANON-IMPL-5", service("USER-TRAINING").rule());
        assertTrue(service("USER-TRAINING").description().contains("up to 6 people"));
    }

    @Test
    void CANON_IMPL_6_securityActivationAtThePreparationCentre() {
        Service security = service("SECURITY-ACTIVATION");
        assertEquals("CANON-IMPL-6", security.rule());
        assertTrue(security.description().contains("256-bit"));
    }

    @Test
    void CANON_IMPL_1_to_3_everyServiceCitesItsRule() {
        Map<String, String> rules = catalog.services().stream()
                .collect(Collectors.toMap(Service::code, Service::rule));
        assertEquals("CANON-IMPL-1", rules.get("PRE-INSTALL"));
        assertEquals("CANON-IMPL-2", rules.get("FREIGHT-DELIVERY"));
        assertEquals("CANON-IMPL-3", rules.get("PLUG-AND-PLAY"));
        assertEquals("canon", catalog.vendorId());
        assertEquals(7, catalog.services().stream().map(Service::name).distinct().count());
    }
}
