package org.dealerhub.vendor.canon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.dealerhub.api.spi.VolumeCap;
import org.junit.jupiter.api.Test;

class CanonVolumesTest {

    @Test
    void CANON_VOL_2_modelFamiliesOfTheExampleModels() {
        assertEquals(Optional.of("iR-ADV C3xxx"), CanonVolumes.family("iR-ADV C3530"));
        assertEquals(Optional.of("iR-ADV C5x50/55/60"), CanonVolumes.family("imageRUNNER ADVANCE C5550i"));
        assertEquals(Optional.of("iR C13x5"), CanonVolumes.family("iR C1335iF"));
        assertEquals(Optional.of("iR-ADV C25x/C35x/C351"), CanonVolumes.family("iR-ADV C256"));
        assertEquals(Optional.of("iR-ADV C25x/C35x/C351"), CanonVolumes.family("iR-ADV C351"));
    }

    @Test
    void CANON_VOL_2_everyFamilyAndItsBoundaries() {
        assertEquals(Optional.of("iR C13x5"), CanonVolumes.family("IRC 1325"));
        assertEquals(Optional.of("iR-ADV C25x/C35x/C351"), CanonVolumes.family("IR ADV C250i"));
        assertEquals(Optional.of("iR-ADV C25x/C35x/C351"), CanonVolumes.family("iR-ADV C355iFC"));
        assertEquals(Optional.of("iR-ADV C3xxx"), CanonVolumes.family("Canon iR-ADV C3330i"));
        assertEquals(Optional.of("iR-ADV C5x35/40"), CanonVolumes.family("iR-ADV C5535i III"));
        assertEquals(Optional.of("iR-ADV C5x35/40"), CanonVolumes.family("imagerunner advance c5240"));
        assertEquals(Optional.of("iR-ADV C5x50/55/60"), CanonVolumes.family("iR-ADV C5255"));
        assertEquals(Optional.of("iR-ADV C5x50/55/60"), CanonVolumes.family("iR-ADV C5560i II"));
        assertEquals(Optional.of("iR-ADV C3xxx"), CanonVolumes.family("iR-ADV DX C3826i"));
    }

    @Test
    void CANON_VOL_2_unknownModelsHaveNoFamily() {
        for (String model : new String[] {"iR-ADV C5045", "iR-ADV C5051", "iR-ADV C2030", "iR C3025",
                "iR-ADV C1335", "iR C1330", "i-SENSYS MF643Cdw", "iR-ADV C35", "", "   "}) {
            assertEquals(Optional.empty(), CanonVolumes.family(model), model);
        }
        assertEquals(Optional.empty(), CanonVolumes.family(null));
    }

    @Test
    void CANON_VOL_2_familiesAreThoseOfThePackageCaps() {
        assertEquals(CanonVolumes.families(),
                CanonPackages.COLOUR_CAPS.stream().map(VolumeCap::modelFamily).toList());
        assertEquals(Optional.of(2_000L), CanonVolumes.monthlyColourCap("iR-ADV C25x/C35x/C351"));
        assertEquals(Optional.empty(), CanonVolumes.monthlyColourCap("iR-ADV C9xxx"));
    }

    @Test
    void CANON_VOL_1_a3CountsAsTwoA4() {
        assertEquals(1_000 + 2 * 300, CanonVolumes.colourA4Equivalent(1_000, 300, 0));
        assertEquals(0, CanonVolumes.colourA4Equivalent(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> CanonVolumes.colourA4Equivalent(-1, 0, 0));
        assertThrows(ArithmeticException.class, () -> CanonVolumes.colourA4Equivalent(0, Long.MAX_VALUE / 2 + 1, 0));
    }

    @Test
    void CANON_VOL_4_aBannerPrintIsOneA3ClickAndOneBannerClick() {
        // 10 banner prints: 10 more A3 clicks (20 A4 equivalents); the banner clicks are counted on their own
        assertEquals(100 + 2 * (5 + 10), CanonVolumes.colourA4Equivalent(100, 5, 10));
        assertEquals(15, CanonVolumes.a3Clicks(5, 10));
        assertThrows(IllegalArgumentException.class, () -> CanonVolumes.a3Clicks(0, -1));
    }

    @Test
    void CANON_VOL_1_yearlyColourUseComparedWithTwelveTimesTheMonthlyCap() {
        String family = "iR-ADV C25x/C35x/C351"; // 2,000 a month
        assertFalse(CanonVolumes.overYearlyColourCap("STANDARD", family, 24_000));
        assertTrue(CanonVolumes.overYearlyColourCap("STANDARD", family, 24_001));
        assertTrue(CanonVolumes.overYearlyColourCap("PLUS", family, 30_000));
        // a single month far over the cap is fine when the year's average is within it
        assertFalse(CanonVolumes.overYearlyColourCap("PLUS", family, 10_000 + 11 * 1_000));
        assertEquals(6_000, CanonVolumes.yearlyColourExcess("PLUS", family, 30_000));
        assertEquals(0, CanonVolumes.yearlyColourExcess("STANDARD", family, 24_000));
    }

    @Test
    void CANON_PKG_3_premiumIsNeverOverTheCap() {
        assertFalse(CanonVolumes.overYearlyColourCap("PREMIUM", "iR C13x5", 10_000_000));
        assertEquals(0, CanonVolumes.yearlyColourExcess("PREMIUM", "iR C13x5", 10_000_000));
    }

    @Test
    void CANON_VOL_1_unknownPackageOrFamilyIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CanonVolumes.overYearlyColourCap("GOLD", "iR C13x5", 1));
        assertThrows(IllegalArgumentException.class,
                () -> CanonVolumes.overYearlyColourCap("STANDARD", "iR-ADV C9xxx", 1));
        assertThrows(IllegalArgumentException.class,
                () -> CanonVolumes.overYearlyColourCap("STANDARD", "iR C13x5", -1));
        for (String family : List.of("iR C13x5", "iR-ADV C5x50/55/60")) {
            assertFalse(CanonVolumes.overYearlyColourCap("STANDARD", family, 0));
        }
    }
}
