package org.dealerhub.core.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MonitoringFaultsTest {

    @Test
    void KMUA_ORDER_3_noiseSmellImageShiftAndStreaksAreNotDiagnosableWhateverTheSpelling() {
        assertEquals(Optional.of("noise"), MonitoringFaults.undiagnosable("ABNORMAL_NOISE", null));
        assertEquals(Optional.of("smell"), MonitoringFaults.undiagnosable(null, "burning odour near the fuser"));
        assertEquals(Optional.of("image shift"), MonitoringFaults.undiagnosable("IMAGE-SHIFT", null));
        assertEquals(Optional.of("streak"), MonitoringFaults.undiagnosable("E-1", "Vertical streaks on copies"));
        assertEquals(Optional.of("noise"), MonitoringFaults.undiagnosable(null, "аномальний шум"));
        assertEquals(Optional.of("streak"), MonitoringFaults.undiagnosable(null, "смуги на зображенні"));
    }

    @Test
    void KMUA_ORDER_3_aDevicesOwnErrorCodeIsDiagnosable() {
        for (String code : new String[] {"C-2557", "J-12", "SC 542-02", "P-27 offline"}) {
            assertEquals(Optional.empty(), MonitoringFaults.undiagnosable(code, "fuser error"), code);
        }
    }
}
