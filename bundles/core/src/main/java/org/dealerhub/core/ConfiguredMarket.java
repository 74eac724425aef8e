package org.dealerhub.core;

import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.dealerhub.api.Market;
import org.dealerhub.core.calendar.HolidaySource;
import org.dealerhub.core.calendar.JollydayHolidays;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A market from a factory configuration {@code etc/org.dealerhub.market-<CODE>.cfg}. Changing the file changes
 * the market at once, without a restart.
 */
@Component(configurationPid = "org.dealerhub.market", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredMarket.Config.class, factory = true)
public class ConfiguredMarket implements MarketSource {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredMarket.class);

    @ObjectClassDefinition(name = "Dealerhub market", description = "A market: currency, time zone, business hours")
    public @interface Config {
        @AttributeDefinition(description = "Market code, e.g. NO")
        String code();

        @AttributeDefinition(description = "Display name")
        String name() default "";

        @AttributeDefinition(description = "ISO 4217 currency, e.g. NOK")
        String currency();

        @AttributeDefinition(description = "Time zone id, e.g. Europe/Oslo")
        String zone();

        @AttributeDefinition(description = "Business hours open, HH:mm")
        String opens() default "08:00";

        @AttributeDefinition(description = "Business hours close, HH:mm; 24:00 is midnight at the end of the day")
        String closes() default "16:00";

        @AttributeDefinition(description = "Working days, comma-separated: MONDAY-FRIDAY (the default), or e.g."
                + " MONDAY-SUNDAY for a seven-day week, or MONDAY,WEDNESDAY,FRIDAY", required = false)
        String workingDays() default "MONDAY-FRIDAY";

        @AttributeDefinition(description = "The dealer's own closed days, ISO dates, e.g. 2026-12-24", required = false)
        String[] closedDays() default {};

        @AttributeDefinition(description = "Country of the public holidays (ISO 3166-1 alpha-2); the code if empty",
                required = false)
        String holidayCountry() default "";

        @AttributeDefinition(description = "Whether the country's public holidays are closed days (e.g. false in"
                + " Ukraine while martial law makes them working days)", required = false)
        boolean observePublicHolidays() default true;

        @AttributeDefinition(description = "A Jollyday holiday definition (XML file path or URL) that replaces"
                + " Jollyday's own list for the country, e.g. ${karaf.etc}/holidays/Holidays_ua_2023.xml",
                required = false)
        String holidayDefinition() default "";

        @AttributeDefinition(description = "VAT rate in percent on invoices of the market, e.g. 25; prices and invoice"
                + " lines exclude it (KMNO-PRICE-1); empty: the market is not billed", required = false)
        String vatRate() default "";
    }

    /** What one configuration says, swapped whole on every change. */
    private record State(Market market, Set<LocalDate> closedDays, String holidayCountry, boolean publicHolidays,
            Optional<HolidaySource> customHolidays, Optional<BigDecimal> vatRate) {
    }

    private volatile State state;
    private volatile Optional<String> problem = Optional.empty();

    /**
     * A configuration the platform cannot use is reported (logged, and listed by {@link #problem()} for /health
     * and the console) and never silently replaced: the market keeps the hours it had, and says so; a market
     * whose first configuration is unusable has none.
     */
    @Activate
    @Modified
    void configure(Config config) {
        try {
            this.state = toState(config);
            this.problem = Optional.empty();
        } catch (RuntimeException e) {
            State kept = state;
            String message = "market " + config.code() + ": configuration refused: " + e.getMessage()
                    + (kept == null ? "; the market is not available" : "; still using its previous configuration");
            LOG.error(message);
            this.problem = Optional.of(message);
        }
    }

    static State toState(Config config) {
        Set<LocalDate> closed = new TreeSet<>();
        // an etc/ file gives the list as one comma-separated value
        for (String value : config.closedDays()) {
            for (String day : value.split(",")) {
                if (!day.isBlank()) {
                    closed.add(parse(day.trim(), LocalDate::parse, "closedDays"));
                }
            }
        }
        String country = config.holidayCountry().isBlank() ? config.code() : config.holidayCountry().trim();
        Optional<HolidaySource> definition = config.holidayDefinition().isBlank() ? Optional.empty()
                : Optional.of(JollydayHolidays.fromDefinition(url(config.holidayDefinition().trim())));
        Optional<BigDecimal> vat = config.vatRate().isBlank() ? Optional.empty()
                : Optional.of(parse(config.vatRate(), BigDecimal::new, "vatRate"));
        if (vat.isPresent() && (vat.get().signum() < 0 || vat.get().compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new IllegalArgumentException("vatRate " + vat.get() + " is not a percentage from 0 to below 100");
        }
        return new State(toMarket(config), Collections.unmodifiableSet(closed), country,
                config.observePublicHolidays(), definition, vat);
    }

    static Market toMarket(Config c) {
        LocalTime opens = parse(c.opens(), LocalTime::parse, "opens");
        // 24:00 is midnight at the end of the day
        LocalTime closes = c.closes().trim().equals("24:00") ? LocalTime.MIDNIGHT
                : parse(c.closes(), LocalTime::parse, "closes");
        if (closes.equals(LocalTime.MIDNIGHT) && !c.closes().trim().equals("24:00")) {
            throw new IllegalArgumentException("closes 00:00 is ambiguous: write 24:00 for midnight");
        }
        Currency currency = parse(c.currency(), Currency::getInstance, "currency");
        ZoneId zone = parse(c.zone(), ZoneId::of, "zone");
        return new Market(c.code(), c.name().isEmpty() ? c.code() : c.name(), currency, zone, opens, closes,
                workingDays(c.workingDays()));
    }

    /** MONDAY-FRIDAY, MONDAY-SUNDAY, or a comma-separated list of days. */
    static Set<DayOfWeek> workingDays(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : value.split(",")) {
            String[] range = part.trim().toUpperCase(Locale.ROOT).split("-");
            if (range.length > 2 || range[0].isEmpty()) {
                throw new IllegalArgumentException("workingDays '" + value + "' is not a list of days");
            }
            DayOfWeek from = parse(range[0], DayOfWeek::valueOf, "workingDays");
            DayOfWeek to = range.length == 2 ? parse(range[1], DayOfWeek::valueOf, "workingDays") : from;
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("workingDays " + part.trim() + " runs backwards");
            }
            days.addAll(EnumSet.range(from, to));
        }
        return days;
    }

    private static URL url(String location) {
        try {
            return location.contains(":/") ? new URL(location) : Path.of(location).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("holidayDefinition '" + location + "' is not a file or URL");
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, String field) {
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " '" + value + "' cannot be used (" + e.getMessage() + ")");
        }
    }

    @Override
    public Market market() {
        State s = state;
        return s == null ? null : s.market();
    }

    @Override
    public Optional<BigDecimal> vatRate() {
        State s = state;
        return s == null ? Optional.empty() : s.vatRate();
    }

    @Override
    public Optional<String> problem() {
        return problem;
    }

    @Override
    public Optional<HolidaySource> customHolidays() {
        return state.customHolidays();
    }

    @Override
    public Set<LocalDate> closedDays() {
        return state.closedDays();
    }

    @Override
    public String holidayCountry() {
        return state.holidayCountry();
    }

    @Override
    public boolean observesPublicHolidays() {
        return state.publicHolidays();
    }
}
