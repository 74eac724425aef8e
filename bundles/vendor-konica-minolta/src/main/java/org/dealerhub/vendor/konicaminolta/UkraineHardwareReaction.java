package org.dealerhub.vendor.konicaminolta;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;

/**
 * Konica Minolta Ukraine hardware service (HW-SERVICE): the reaction time is per contract (KMUA-RESP-1), from
 * registration in the provider's system, in business hours. Paid options (KMUA-EXTRA-1) may shorten it or extend
 * the hours to 24/7, the latter only for devices in Kyiv.
 *
 * <p>Facts: {@code reactionHours} (the contract's reaction time, or the shortened one, in hours), {@code option}
 * ({@code shorter-response}, {@code out-of-hours}, {@code 24x7}, several separated by commas), {@code serviceHours}
 * (with {@code out-of-hours}: the bought daily hours, e.g. {@code 08:00-22:00}, every day of the week, weekends and
 * public holidays included) and {@code city}.
 */
final class UkraineHardwareReaction {

    static final String PACKAGE = "HW-SERVICE";
    static final String SHORTER_RESPONSE = "shorter-response";
    static final String ROUND_THE_CLOCK = "24x7";
    static final String OUT_OF_HOURS = "out-of-hours";
    private static final Pattern HOURS = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

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
                if (!option.equals(SHORTER_RESPONSE) && !option.equals(ROUND_THE_CLOCK)
                        && !option.equals(OUT_OF_HOURS)) {
                    return Facts.none(clockStart, "Fact option " + Facts.quote(rawOptions.get())
                            + " unknown: shorter-response, out-of-hours or 24x7", "KMUA-EXTRA-1");
                }
                options.add(option);
            }
        }
        boolean roundTheClock = options.contains(ROUND_THE_CLOCK);
        boolean shorter = options.contains(SHORTER_RESPONSE);
        // KMUA-EXTRA-1: service outside working hours, weekends and public holidays included, in hours bought
        Optional<LocalTime[]> window = Optional.empty();
        if (options.contains(OUT_OF_HOURS) && !roundTheClock) {
            Optional<String> rawWindow = order.fact("serviceHours");
            window = rawWindow.flatMap(UkraineHardwareReaction::window);
            if (window.isEmpty()) {
                return Facts.none(clockStart, "Option out-of-hours needs fact serviceHours as HH:MM-HH:MM (opens"
                        + " before it closes, 24:00 at the latest), not " + rawWindow.map(Facts::quote)
                        .orElse("missing"), "KMUA-EXTRA-1");
            }
        }

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
        if (window.isPresent()) {
            LocalTime[] w = window.get();
            ZonedDateTime start = windowStart(registered.atZone(calendar.zone()), w);
            return Facts.at(plusWindowTime(start, hours.get(), w), start.toInstant(), reaction + ", service hours "
                    + order.fact("serviceHours").get().trim() + " every day: " + Facts.hoursText(hours.get(),
                            "service") + " from registration", "KMUA-EXTRA-1");
        }
        return Facts.at(calendar.plusBusinessTime(clockStart, hours.get()), clockStart, reaction + ": "
                        + Facts.hoursText(hours.get(), "business") + " from registration",
                shorter ? "KMUA-EXTRA-1" : "KMUA-RESP-1");
    }

    /** {@code HH:MM-HH:MM}, opening before closing; {@code 24:00} closes at midnight. */
    static Optional<LocalTime[]> window(String raw) {
        Matcher m = HOURS.matcher(raw.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int oh = Integer.parseInt(m.group(1));
        int om = Integer.parseInt(m.group(2));
        int ch = Integer.parseInt(m.group(3));
        int cm = Integer.parseInt(m.group(4));
        if (oh > 23 || om > 59 || cm > 59 || ch > 24 || ch == 24 && cm > 0) {
            return Optional.empty();
        }
        LocalTime opens = LocalTime.of(oh, om);
        LocalTime closes = ch == 24 ? LocalTime.MAX : LocalTime.of(ch, cm);
        return opens.isBefore(closes) ? Optional.of(new LocalTime[] {opens, closes}) : Optional.empty();
    }

    /** The instant itself within the daily window, else the window's next opening. */
    private static ZonedDateTime windowStart(ZonedDateTime t, LocalTime[] w) {
        LocalTime time = t.toLocalTime();
        if (time.isBefore(w[0])) {
            return t.with(w[0]);
        }
        return time.isBefore(w[1]) ? t : t.toLocalDate().plusDays(1).atTime(w[0]).atZone(t.getZone());
    }

    /** Adds service time counted only within the daily window, every day (daylight-saving days by the zone). */
    private static Instant plusWindowTime(ZonedDateTime start, Duration amount, LocalTime[] w) {
        ZonedDateTime t = start;
        Duration left = amount;
        while (true) {
            ZonedDateTime close = w[1] == LocalTime.MAX ? t.toLocalDate().plusDays(1).atStartOfDay(t.getZone())
                    : t.toLocalDate().atTime(w[1]).atZone(t.getZone());
            Duration today = Duration.between(t, close);
            if (left.compareTo(today) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(today);
            t = t.toLocalDate().plusDays(1).atTime(w[0]).atZone(t.getZone());
        }
    }

    /** Kyiv in the spellings an operator may type: Kyiv, Kiev, Київ, Киев. */
    static boolean isKyiv(String city) {
        String c = Facts.key(city);
        return c.equals("kyiv") || c.equals("kiev") || c.equals("київ") || c.equals("киев");
    }
}
