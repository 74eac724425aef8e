package org.dealerhub.vendor.konicaminolta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dealerhub.api.spi.ImplementationServiceCatalog.Availability;
import org.dealerhub.api.spi.ImplementationServiceCatalog.ImplementationPackage;
import org.dealerhub.api.spi.ImplementationServiceCatalog.Service;
import org.junit.jupiter.api.Test;

class KonicaMinoltaUkraineExtrasTest {

    private final KonicaMinoltaUkraineExtras extras = new KonicaMinoltaUkraineExtras();

    @Test
    void KMUA_EXTRA_1_theNinePaidExtrasAreOptions() {
        assertEquals(List.of("TRANSPORT-PREPARATION", "DELIVERY", "REINSTALLATION", "DRIVERS-SCANNING",
                "SETTINGS-CHANGE", "ACCESSORY-INSTALLATION", "SHORTER-RESPONSE", "OUT-OF-HOURS", "EXTENDED-REPORTS"),
                extras.services().stream().map(Service::code).toList());
        assertTrue(extras.services().stream().allMatch(s -> s.rule().equals("KMUA-EXTRA-1")));
        ImplementationPackage only = extras.packages().get(0);
        assertEquals(1, extras.packages().size());
        assertEquals(extras.services().stream().map(Service::code).collect(Collectors.toSet()),
                only.services().keySet());
        assertEquals(Set.of(Availability.OPTION), Set.copyOf(only.services().values()));
        assertEquals("konica-minolta-ua", extras.vendorId());
    }

    @Test
    void KMUA_EXTRA_1_roundTheClockOnlyInKyiv() {
        Service outOfHours = extras.services().stream().filter(s -> s.code().equals("OUT-OF-HOURS")).findFirst()
                .orElseThrow();
        assertTrue(outOfHours.description().contains("24/7 only for devices in Kyiv"));
    }
}
