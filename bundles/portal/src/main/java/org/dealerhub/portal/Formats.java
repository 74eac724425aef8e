package org.dealerhub.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, times, numbers and money in the user's locale, for the templates ({@code fmt.date(x)}); instants in the
 * organisation's market's time zone. Null prints as an empty text.
 */
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    public String instant(Instant value) {
        return value == null ? "" : dateTime.format(value);
    }

    /** An ISO date for a date input's value. */
    public String iso(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A quantity, with its decimals as far as it has them (1 234,5). */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    /** An amount with its currency's minor digits and symbol as the locale writes them (1 234,50 kr). */
    public String money(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        // CLDR's currency spacing, which the JDK leaves out: a code written as letters stands apart ("NOK 7,080.00")
        return format.format(amount).replaceFirst("^(\\p{L}{2,})(?=[-\\d])", "$1\u00a0");
    }

    /** Business minutes as hours and minutes ("2 h 05 min"); negative when overdue. */
    public String minutes(long minutes) {
        long abs = Math.abs(minutes);
        return (minutes < 0 ? "−" : "") + abs / 60 + " h " + String.format(locale, "%02d", abs % 60) + " min";
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }
}
