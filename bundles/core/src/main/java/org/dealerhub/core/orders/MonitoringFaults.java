package org.dealerhub.core.orders;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * KMUA-ORDER-3: remote monitoring may open a repair order from an error code by itself, never for faults a device
 * cannot diagnose (abnormal noise or smell, image shift, streaks on the image). The sources list no error codes
 * (source 003 §3.2.1: the provider's system opens an order "depending on the type of the fault message"), so this
 * is a platform decision: an event opens an order only with an error code of the device's own, and never when its
 * code or text names one of those faults (in English or Ukrainian, as the Ukrainian source does). A vendor could
 * later supply its own list through the SPI; none of the sources gives one today.
 */
public final class MonitoringFaults {

    public static final String RULE = "KMUA-ORDER-3";

    /** The fault classes a device cannot diagnose itself, each with the words that name it. */
    private static final List<List<String>> UNDIAGNOSABLE = List.of(
            List.of("noise", "шум"),
            List.of("smell", "odour", "odor", "запах"),
            List.of("image shift", "shift", "misregistration", "зміщення", "зсув"),
            List.of("streak", "stripe", "смуг", "полос"));

    private MonitoringFaults() {
    }

    /** The fault class a device cannot diagnose that the code or text names (its first word), if any. */
    public static Optional<String> undiagnosable(String errorCode, String symptom) {
        String said = ((errorCode == null ? "" : errorCode) + " " + (symptom == null ? "" : symptom))
                .toLowerCase(Locale.ROOT).replaceAll("[-_./]+", " ");
        return UNDIAGNOSABLE.stream().filter(words -> words.stream().anyMatch(said::contains))
                .map(words -> words.get(0)).findFirst();
    }
}
