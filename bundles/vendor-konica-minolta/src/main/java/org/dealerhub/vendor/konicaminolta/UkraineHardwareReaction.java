package org.dealerhub.vendor.konicaminolta;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;

/**
 * Konica Minolta Ukraine hardware service (HW-SERVICE): the reaction time is per contract (KMUA-RESP-1), from
 * registration in the provider's system, in business hours. Paid options (KMUA-EXTRA-1) may shorten it or extend
 * the hours to 24/7, the latter only for devices in Kyiv.
 *
 * <p>Facts: {@code reactionHours} (the contract's reaction time, or the shortened one, in hours), {@code option}
 * ({@code shorter-response}, {@code 24x7}, or both separated by a comma) and {@code city}.
 */
final class UkraineHardwareReaction {

    static final String PACKAGE = "HW-SERVICE";
    static final String SHORTER_RESPONSE = "shorter-response";
    static final String ROUND_THE_CLOCK = "24x7";

    private UkraineHardwareReaction() {
    }

    static ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        Instant registered = order.registeredAt();
        // KMUA-RESP-1: from registration in the provider's system, in the contract's (business) hours
        Instant clockStart = calendar.clockStart(registered);

        // KMUA-EXTRA-1: the paid options
        Set<String> options = new LinkedHashSet<>();
        Optional<String> rawOptions = order.fact("option");
        if (rawOptions.isPresent()) {
            for (String part : rawOptions.get().split(",")) {
                String option = Facts.key(part).replace("24/7", ROUND_THE_CLOCK);
                if (!option.equals(SHORTER_RESPONSE) && !option.equals(ROUND_THE_CLOCK)) {
                    return Facts.none(clockStart, "Fact option " + Facts.quote(rawOptions.get())
                            + " unknown: shorter-response or 24x7", "KMUA-EXTRA-1");
                }
                options.add(option);
            }
        }
        boolean roundTheClock = options.contains(ROUND_THE_CLOCK);
        boolean shorter = options.contains(SHORTER_RESPONSE);

        if (roundTheClock) {
            // KMUA-EXTRA-1: "Сервісне обслуговування 24/7 доступне лише для Обладнання, розташованого в місті Києві"
            Optional<String> city = order.fact("city");
            if (city.isEmpty() || !isKyiv(city.get())) {
                return Facts.none(clockStart, "Option 24x7 refused: 24/7 service is available only for devices in"
                        + " Kyiv (fact city " + city.map(Facts::quote).orElse("missing") + ")", "KMUA-EXTRA-1");
            }
        }

        // KMUA-RESP-1: the reaction time is per contract; the source gives no figure
        Optional<String> rawHours = order.fact("reactionHours");
        if (rawHours.isEmpty()) {
            return shorter
                    ? Facts.none(clockStart, "Option shorter-response without fact reactionHours (the shortened"
                            + " reaction time)", "KMUA-EXTRA-1")
                    : Facts.none(clockStart, "Reaction time per contract, not given (fact reactionHours)",
                            "KMUA-RESP-1");
        }
        Optional<Duration> hours = Facts.hours(rawHours.get());
        if (hours.isEmpty()) {
            return Facts.none(clockStart, "Fact reactionHours " + Facts.quote(rawHours.get())
                    + " is not a number of hours (0 < hours <= " + Facts.MAX_HOURS + ")", "KMUA-RESP-1");
        }
        String reaction = shorter ? "Shortened reaction time" : "Reaction time per contract";
        if (roundTheClock) {
            // KMUA-EXTRA-1: 24/7 counts plain wall-clock hours from registration, not business hours
            return Facts.at(registered.plus(hours.get()), registered, reaction + ", 24/7 service in Kyiv: "
                    + Facts.hoursText(hours.get(), "wall-clock") + " from registration", "KMUA-EXTRA-1");
        }
        return Facts.at(calendar.plusBusinessTime(clockStart, hours.get()), clockStart, reaction + ": "
                        + Facts.hoursText(hours.get(), "business") + " from registration",
                shorter ? "KMUA-EXTRA-1" : "KMUA-RESP-1");
    }

    /** Kyiv in the spellings an operator may type: Kyiv, Kiev, Київ, Киев. */
    static boolean isKyiv(String city) {
        String c = Facts.key(city);
        return c.equals("kyiv") || c.equals("kiev") || c.equals("київ") || c.equals("киев");
    }
}
