package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.LocalTime;
import java.time.ZoneId;

import org.dealerhub.api.Market;
import org.junit.jupiter.api.Test;

class ConfiguredMarketTest {

    static ConfiguredMarket.Config config(String code, String currency, String zone, String opens, String closes) {
        return config(code, currency, zone, opens, closes, new String[0]);
    }

    static ConfiguredMarket.Config config(String code, String currency, String zone, String opens, String closes,
            String[] closedDays) {
        return config(code, currency, zone, opens, closes, closedDays, true);
    }

    static ConfiguredMarket.Config config(String code, String currency, String zone, String opens, String closes,
            String[] closedDays, boolean publicHolidays) {
        return new ConfiguredMarket.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConfiguredMarket.Config.class;
            }

            @Override
            public String code() {
                return code;
            }

            @Override
            public String name() {
                return "";
            }

            @Override
            public String currency() {
                return currency;
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public String opens() {
                return opens;
            }

            @Override
            public String closes() {
                return closes;
            }

            @Override
            public String[] closedDays() {
                return closedDays;
            }

            @Override
            public String holidayCountry() {
                return "";
            }

            @Override
            public boolean observePublicHolidays() {
                return publicHolidays;
            }
        };
    }

    @Test
    void aMarketComesFromItsConfiguration() {
        Market ua = ConfiguredMarket.toMarket(config("UA", "UAH", "Europe/Kyiv", "09:00", "18:00"));
        assertEquals("UAH", ua.currency().getCurrencyCode());
        assertEquals(ZoneId.of("Europe/Kyiv"), ua.zone());
        assertEquals(LocalTime.of(9, 0), ua.opens());
        assertEquals(LocalTime.of(18, 0), ua.closes());
        assertEquals("UA", ua.name(), "the code names a market without a name");
    }

    @Test
    void aBadConfigurationIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredMarket.toMarket(config("NO", "NOK", "Europe/Oslo", "16:00", "08:00")));
        assertThrows(RuntimeException.class,
                () -> ConfiguredMarket.toMarket(config("NO", "KRONER", "Europe/Oslo", "08:00", "16:00")));
    }
}
