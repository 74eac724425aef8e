package org.dealerhub.api.spi;

/**
 * A normal-use cap, e.g. Canon's colour pages per month per model family (CANON-VOL-2).
 *
 * @param modelFamily the model family it applies to
 * @param counter what is counted, e.g. {@code colour-a4-equivalent}
 * @param monthlyLimit the average monthly limit
 */
public record VolumeCap(String modelFamily, String counter, long monthlyLimit, String rule) {
}
