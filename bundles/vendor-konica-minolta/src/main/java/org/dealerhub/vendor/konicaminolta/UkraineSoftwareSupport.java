package org.dealerhub.vendor.konicaminolta;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;

/**
 * Konica Minolta Ukraine software support (SW-SUPPORT), in working days 09:00-18:00 Kyiv time (KMUA-SW-1, the
 * market calendar's hours). The response is the registration confirmation and runs from receipt; the resolution
 * runs from the end of analysis (KMUA-SW-4); change requests have no regulated resolution time (KMUA-SW-5). Targets
 * per priority (KMUA-SW-2) are agreed in the contract, so they come from the operator's configuration.
 *
 * <p>Facts: {@code priority} (Critical, High, Medium, Low, also in Ukrainian), {@code kind} ({@code response}, the
 * default, or {@code resolution}), {@code type} ({@code incident}, the default, or {@code change-request}),
 * {@code analysisEndedAt} (an ISO instant), {@code knownError} ({@code true} / {@code false}) and, once the known
 * error's fix is released, {@code fixReleasedAt} (an ISO instant).
 */
final class UkraineSoftwareSupport {

    static final String PACKAGE = "SW-SUPPORT";

    /** KMUA-SW-2: the four incident priorities. */
    enum Priority {
        CRITICAL("Critical", "критичний"),
        HIGH("High", "високий"),
        MEDIUM("Medium", "середній"),
        LOW("Low", "низький");

        final String label;
        final String ukrainian;

        Priority(String label, String ukrainian) {
            this.label = label;
            this.ukrainian = ukrainian;
        }

        static Optional<Priority> of(String raw) {
            String key = Facts.key(raw);
            for (Priority p : values()) {
                if (p.label.toLowerCase(Locale.ROOT).equals(key) || p.ukrainian.equals(key)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** Business hours per priority; 0 or less means no regulated target. */
    record Targets(Map<Priority, Integer> responseHours, Map<Priority, Integer> resolutionHours) {
        Targets {
            responseHours = Map.copyOf(responseHours);
            resolutionHours = Map.copyOf(resolutionHours);
        }
    }

    private final Targets targets;

    UkraineSoftwareSupport(Targets targets) {
        this.targets = targets;
    }

    ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        Instant registered = order.registeredAt();
        // KMUA-SW-4: from receipt; requests are handled in working hours (KMUA-SW-1)
        Instant clockStart = calendar.clockStart(registered);

        String kind = order.fact("kind").map(Facts::key).orElse("response");
        if (!kind.equals("response") && !kind.equals("resolution")) {
            return Facts.none(clockStart, "Fact kind " + Facts.quote(order.fact("kind").get())
                    + " unknown: response or resolution", "KMUA-SW-4");
        }
        String type = order.fact("type").map(Facts::key).orElse("incident");
        if (!type.equals("incident") && !type.equals("change-request")) {
            return Facts.none(clockStart, "Fact type " + Facts.quote(order.fact("type").get())
                    + " unknown: incident or change-request", "KMUA-SW-5");
        }
        boolean resolution = kind.equals("resolution");
        if (resolution && type.equals("change-request")) {
            // KMUA-SW-5: "Час вирішення запиту на зміни не регламентується Договором"
            return Facts.none(clockStart, "Change requests have no regulated resolution time", "KMUA-SW-5");
        }

        // KMUA-SW-2
        Optional<String> rawPriority = order.fact("priority");
        if (rawPriority.isEmpty()) {
            return Facts.none(clockStart, "Fact priority missing: Critical, High, Medium or Low", "KMUA-SW-2");
        }
        Optional<Priority> priority = Priority.of(rawPriority.get());
        if (priority.isEmpty()) {
            return Facts.none(clockStart, "Fact priority " + Facts.quote(rawPriority.get())
                    + " unknown: Critical, High, Medium or Low", "KMUA-SW-2");
        }
        String label = priority.get().label;

        if (!resolution) {
            // KMUA-SW-4: the response is the registration confirmation, counted from receipt
            int hours = targets.responseHours().getOrDefault(priority.get(), 0);
            if (hours <= 0) {
                return Facts.none(clockStart, label + ": no response target configured", "KMUA-SW-4");
            }
            Duration target = Duration.ofHours(hours);
            return Facts.at(calendar.plusBusinessTime(clockStart, target), clockStart, label
                    + ": registration confirmation within " + Facts.hoursText(target, "business")
                    + " of receipt", "KMUA-SW-4");
        }

        // KMUA-SW-4: incidents linked to a known error being fixed have no resolution deadline
        Optional<String> rawKnownError = order.fact("knownError");
        if (rawKnownError.isPresent()) {
            Optional<Boolean> knownError = Facts.bool(rawKnownError.get());
            if (knownError.isEmpty()) {
                return Facts.none(clockStart, "Fact knownError " + Facts.quote(rawKnownError.get())
                        + " is not true or false", "KMUA-SW-4");
            }
            if (knownError.get() && order.fact("fixReleasedAt").isEmpty()) {
                return Facts.none(clockStart, "Linked to a known error being fixed: no resolution deadline",
                        "KMUA-SW-4");
            }
        }
        // platform decision (the source is silent on what follows the fix): once the known error's fix is
        // released, a linked incident's resolution time runs from the release, or from its own analysis if later
        Optional<Instant> fixReleased = Optional.empty();
        if (rawKnownError.flatMap(Facts::bool).orElse(false)) {
            String rawFix = order.fact("fixReleasedAt").get();
            fixReleased = Facts.instant(rawFix);
            if (fixReleased.isEmpty()) {
                return Facts.none(clockStart, "Fact fixReleasedAt " + Facts.quote(rawFix) + " is not an ISO instant",
                        "KMUA-SW-4");
            }
        }
        // KMUA-SW-4: "Час вирішення інциденту починає відлік з завершення аналізу інциденту"
        Optional<String> rawAnalysisEnd = order.fact("analysisEndedAt");
        if (rawAnalysisEnd.isEmpty()) {
            return Facts.none(clockStart, "Resolution time not running yet: it runs from the end of analysis"
                    + " (fact analysisEndedAt not given)", "KMUA-SW-4");
        }
        Optional<Instant> analysisEnd = Facts.instant(rawAnalysisEnd.get());
        if (analysisEnd.isEmpty()) {
            return Facts.none(clockStart, "Fact analysisEndedAt " + Facts.quote(rawAnalysisEnd.get())
                    + " is not an ISO instant", "KMUA-SW-4");
        }
        if (analysisEnd.get().isBefore(registered)) {
            return Facts.none(clockStart, "Fact analysisEndedAt " + Facts.quote(rawAnalysisEnd.get())
                    + " is before the registration", "KMUA-SW-4");
        }
        Instant resolutionStart = calendar.clockStart(fixReleased.filter(f -> f.isAfter(analysisEnd.get()))
                .orElse(analysisEnd.get()));
        int hours = targets.resolutionHours().getOrDefault(priority.get(), 0);
        if (hours <= 0) {
            return Facts.none(resolutionStart, label + ": no resolution target configured", "KMUA-SW-4");
        }
        Duration target = Duration.ofHours(hours);
        return Facts.at(calendar.plusBusinessTime(resolutionStart, target), resolutionStart, label
                + ": resolution within " + Facts.hoursText(target, "business") + " of the end of analysis",
                "KMUA-SW-4");
    }
}
