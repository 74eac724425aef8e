package org.dealerhub.vendor.canon;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealerhub.api.spi.VolumeCap;

/**
 * Canon's normal-use colour volume (CANON-VOL-1, -2, -4, CANON-PKG-3) as pure functions: the model family of a model
 * name, colour A4-equivalent pages, and whether a year's colour use is over the cap.
 */
public final class CanonVolumes {

    // CANON-VOL-2: the five model families of the seed's colour-cap table
    public static final String IR_C13X5 = "iR C13x5";
    public static final String IR_ADV_C25X_C35X_C351 = "iR-ADV C25x/C35x/C351";
    public static final String IR_ADV_C3XXX = "iR-ADV C3xxx";
    public static final String IR_ADV_C5X35_40 = "iR-ADV C5x35/40";
    public static final String IR_ADV_C5X50_55_60 = "iR-ADV C5x50/55/60";

    /** CANON-VOL-1: the cap is a monthly average, so a year is compared with 12 x the monthly cap. */
    static final int MONTHS_PER_YEAR = 12;

    /**
     * A normalised model name: "IR", optionally "ADV" (with the later "DX" line), then "C" and the 3- or 4-digit
     * model number, then an optional suffix such as "i", "iF", "iFZ" and an optional generation "II" / "III".
     */
    private static final Pattern MODEL = Pattern.compile(
            "IR ?(ADV (?:DX )?)?C ?(\\d{3,4})[A-Z]{0,3}(?: (?:I{1,3}|IV|MK ?I{1,3}))?");

    private CanonVolumes() {
    }

    /**
     * CANON-VOL-2: the colour-cap model family of a Canon model name, e.g. "iR-ADV C3530", "imageRUNNER ADVANCE
     * C5550i", "iR C1335iF", "iR-ADV C256", "iR-ADV C351"; empty when the model is in none of the five families.
     */
    public static Optional<String> family(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.toUpperCase(Locale.ROOT)
                .replace("IMAGERUNNER", "IR")
                .replace("ADVANCE", "ADV")
                .replace("CANON", " ")
                .replaceAll("[-_/]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        Matcher match = MODEL.matcher(m);
        if (!match.matches()) {
            return Optional.empty();
        }
        boolean advance = match.group(1) != null;
        String number = match.group(2);
        if (!advance) {
            return number.matches("13\\d5") ? Optional.of(IR_C13X5) : Optional.empty();
        }
        if (number.matches("25\\d|35\\d")) {
            return Optional.of(IR_ADV_C25X_C35X_C351); // C351 is a C35x too
        }
        if (number.matches("5\\d(35|40)")) {
            return Optional.of(IR_ADV_C5X35_40);
        }
        if (number.matches("5\\d(50|55|60)")) {
            return Optional.of(IR_ADV_C5X50_55_60);
        }
        if (number.matches("3\\d{3}")) {
            return Optional.of(IR_ADV_C3XXX);
        }
        return Optional.empty();
    }

    /** CANON-VOL-2: the monthly colour cap of a family, empty for an unknown family. */
    public static Optional<Long> monthlyColourCap(String family) {
        return CanonPackages.COLOUR_CAPS.stream().filter(c -> c.modelFamily().equals(family))
                .map(VolumeCap::monthlyLimit).findFirst();
    }

    /**
     * Colour A4-equivalent pages: colour A4 + 2 x colour A3 (CANON-VOL-1: A3 = 2 x A4) + 2 x colour banner prints
     * (CANON-VOL-4: a banner print counts as one A3 click, and separately as one banner click, see
     * {@link #a3Clicks}). Banner prints are on their own counter, not in the A3 counter (as in a meter reading).
     *
     * @throws IllegalArgumentException for a negative count
     * @throws ArithmeticException on overflow
     */
    public static long colourA4Equivalent(long colourA4, long colourA3, long colourBanner) {
        requireCount("colourA4", colourA4);
        requireCount("colourA3", colourA3);
        requireCount("colourBanner", colourBanner);
        return Math.addExact(colourA4, Math.multiplyExact(2L, a3Clicks(colourA3, colourBanner)));
    }

    /** CANON-VOL-4: A3 clicks, a banner print counting as one A3 click (plus one banner click of its own). */
    public static long a3Clicks(long a3, long banner) {
        requireCount("a3", a3);
        requireCount("banner", banner);
        return Math.addExact(a3, banner);
    }

    /**
     * CANON-VOL-1 / CANON-BILL-1: whether a year's colour A4-equivalent pages exceed 12 x the family's monthly cap.
     * Never for PREMIUM, which has no page-volume limits (CANON-PKG-3).
     *
     * @throws IllegalArgumentException for an unknown package code or family, or a negative count
     */
    public static boolean overYearlyColourCap(String packageCode, String family, long yearlyColourA4Equivalent) {
        return yearlyColourExcess(packageCode, family, yearlyColourA4Equivalent) > 0;
    }

    /**
     * CANON-VOL-1, CANON-VOL-3: the colour A4-equivalent pages over 12 x the monthly cap in a year (what Canon may
     * back-bill once a year), 0 when within it and always 0 for PREMIUM (CANON-PKG-3).
     *
     * @throws IllegalArgumentException for an unknown package code or family, or a negative count
     */
    public static long yearlyColourExcess(String packageCode, String family, long yearlyColourA4Equivalent) {
        requireCount("yearlyColourA4Equivalent", yearlyColourA4Equivalent);
        if (!CanonPackages.CODES.contains(packageCode)) {
            throw new IllegalArgumentException("not a Canon service package: " + packageCode);
        }
        long monthly = monthlyColourCap(family)
                .orElseThrow(() -> new IllegalArgumentException("not a Canon colour-cap model family: " + family));
        if (CanonPackages.PREMIUM.equals(packageCode)) {
            return 0; // CANON-PKG-3: unlimited colour pages
        }
        return Math.max(0, yearlyColourA4Equivalent - MONTHS_PER_YEAR * monthly);
    }

    /** The five families of CANON-VOL-2, in the seed's order. */
    public static List<String> families() {
        return List.of(IR_C13X5, IR_ADV_C25X_C35X_C351, IR_ADV_C3XXX, IR_ADV_C5X35_40, IR_ADV_C5X50_55_60);
    }

    private static void requireCount(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
