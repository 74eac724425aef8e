package org.dealerhub.api;

/** The six counters of one meter reading. A3 and banner are counted separately from A4. */
public record Counters(long monoA4, long colourA4, long monoA3, long colourA3, long banner, long scans) {

    /** The names of the counters, in the order of the record, as fields appear in errors. */
    public static final String[] NAMES = {"monoA4", "colourA4", "monoA3", "colourA3", "banner", "scans"};

    public long[] values() {
        return new long[] {monoA4, colourA4, monoA3, colourA3, banner, scans};
    }

    /** The name of the first counter that is lower than in {@code previous}, or null when none is. */
    public String firstLowerThan(Counters previous) {
        long[] mine = values();
        long[] theirs = previous.values();
        for (int i = 0; i < mine.length; i++) {
            if (mine[i] < theirs[i]) {
                return NAMES[i];
            }
        }
        return null;
    }
}
