package org.dealerhub.core;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;

import org.dealerhub.api.Market;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A market from a factory configuration {@code etc/org.dealerhub.market-<CODE>.cfg}. Changing the file changes
 * the market at once, without a restart.
 */
@Component(configurationPid = "org.dealerhub.market", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredMarket.Config.class, factory = true)
public class ConfiguredMarket implements MarketSource {

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

        @AttributeDefinition(description = "Business hours close, HH:mm")
        String closes() default "16:00";

        @AttributeDefinition(description = "The dealer's own closed days, ISO dates, e.g. 2026-12-24", required = false)
        String[] closedDays() default {};

        @AttributeDefinition(description = "Country of the public holidays (ISO 3166-1 alpha-2); the code if empty",
                required = false)
        String holidayCountry() default "";

        @AttributeDefinition(description = "Whether the country's public holidays are closed days (e.g. false in"
                + " Ukraine while martial law makes them working days)", required = false)
        boolean observePublicHolidays() default true;
    }

    /** What one configuration says, swapped whole on every change. */
    private record State(Market market, Set<LocalDate> closedDays, String holidayCountry, boolean publicHolidays) {
    }

    private volatile State state;

    @Activate
    @Modified
    void configure(Config config) {
        Set<LocalDate> closed = new TreeSet<>();
        // an etc/ file gives the list as one comma-separated value
        for (String value : config.closedDays()) {
            for (String day : value.split(",")) {
                if (!day.isBlank()) {
                    closed.add(LocalDate.parse(day.trim()));
                }
            }
        }
        String country = config.holidayCountry().isBlank() ? config.code() : config.holidayCountry().trim();
        this.state = new State(toMarket(config), Collections.unmodifiableSet(closed), country,
                config.observePublicHolidays());
    }

    static Market toMarket(Config c) {
        LocalTime opens = LocalTime.parse(c.opens());
        LocalTime closes = LocalTime.parse(c.closes());
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("market " + c.code() + ": opens must be before closes");
        }
        return new Market(c.code(), c.name().isEmpty() ? c.code() : c.name(), Currency.getInstance(c.currency()),
                ZoneId.of(c.zone()), opens, closes);
    }

    @Override
    public Market market() {
        return state.market();
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
