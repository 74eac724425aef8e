package org.dealerhub.vendor.printernorge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dealerhub.api.spi.ServicePackage;
import org.junit.jupiter.api.Test;

class PrinterNorgeVendorTest {

    @Test
    void PN_FAULT_1_to_3_theOperatingAgreementCoversPrinterFaultsOnly() {
        ServicePackage operating = new PrinterNorgeVendor().packages("NO").get(0);
        assertEquals("OPERATING", operating.code());
        assertTrue(operating.inclusions().stream().anyMatch(t -> t.rule().equals("PN-FAULT-1")));
        List<String> excludedRules = operating.exclusions().stream().map(ServicePackage.Term::rule).toList();
        assertTrue(excludedRules.containsAll(List.of("PN-FAULT-2", "PN-FAULT-3")));
        assertTrue(new PrinterNorgeVendor().packages("DK").isEmpty());
    }
}
