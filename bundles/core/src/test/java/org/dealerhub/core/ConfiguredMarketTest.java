package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.dealerhub.api.Market;
import org.dealerhub.core.calendar.HolidaySource;
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
        return Configs.of(ConfiguredMarket.Config.class, Map.of("code", code, "currency", currency, "zone", zone,
                "opens", opens, "closes", closes, "closedDays", closedDays, "observePublicHolidays", publicHolidays));
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

    static ConfiguredMarket.Config config(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of("code", "UA", "currency", "UAH", "zone", "Europe/Kyiv",
                "opens", "09:00", "closes", "18:00"));
        all.putAll(values);
        return Configs.of(ConfiguredMarket.Config.class, all);
    }

    @Test
    void KMUA_EXTRA_1_aMarketMayBeOpenUntilMidnightOnEveryDay() {
        Market kyiv247 = ConfiguredMarket.toMarket(config(Map.of("opens", "00:00", "closes", "24:00",
                "workingDays", "MONDAY-SUNDAY")));
        assertTrue(kyiv247.closesAtMidnight());
        assertEquals(EnumSet.allOf(DayOfWeek.class), kyiv247.workingDays());
    }

    @Test
    void KMUA_EXTRA_1_midnightMustBeWritten2400() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfiguredMarket.toMarket(config(Map.of("opens", "00:00", "closes", "00:00"))));
    }

    @Test
    void workingDaysAreRangesOrLists() {
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                ConfiguredMarket.workingDays("monday, WEDNESDAY,Friday"));
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY),
                ConfiguredMarket.workingDays("MONDAY-SATURDAY"));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredMarket.workingDays("FRIDAY-MONDAY"));
        assertThrows(IllegalArgumentException.class, () -> ConfiguredMarket.workingDays("WEEKDAYS"));
    }

    @Test
    void anUnusableConfigurationIsReportedAndNeverSilentlyReplaced() {
        ConfiguredMarket market = new ConfiguredMarket();
        market.configure(config(Map.of()));
        assertTrue(market.problem().isEmpty());
        market.configure(config(Map.of("closes", "25:00")));
        assertEquals(LocalTime.of(18, 0), market.market().closes(), "the market keeps the hours it had");
        assertTrue(market.problem().orElseThrow().contains("closes '25:00'"), market.problem().toString());
        assertTrue(market.problem().orElseThrow().contains("still using its previous configuration"));
        market.configure(config(Map.of("closes", "24:00")));
        assertTrue(market.market().closesAtMidnight());
        assertTrue(market.problem().isEmpty(), "a usable configuration clears the problem");
    }

    @Test
    void aMarketWhoseFirstConfigurationIsUnusableIsNotAvailable() {
        ConfiguredMarket market = new ConfiguredMarket();
        market.configure(config(Map.of("zone", "Europe/Atlantis")));
        assertNull(market.market());
        assertTrue(market.problem().orElseThrow().contains("not available"));
    }

    /** Ukraine's 2023 reform, read from the definition shipped in etc/holidays (DOMAIN.md, Ukraine). */
    @Test
    void anOperatorCorrectsAHolidayListByConfiguration() throws Exception {
        Path definition = Path.of("../../config/etc/holidays/Holidays_ua_2023.xml").toAbsolutePath().normalize();
        ConfiguredMarket market = new ConfiguredMarket();
        market.configure(config(Map.of("holidayDefinition", definition.toString())));
        HolidaySource reformed = market.customHolidays().orElseThrow();
        assertTrue(reformed.holiday(LocalDate.of(2027, 1, 7)).isEmpty(), "7 January is no longer a holiday");
        assertTrue(reformed.holiday(LocalDate.of(2027, 12, 27)).isPresent(), "25 December (a Saturday) moves to Monday");
        assertTrue(reformed.holiday(LocalDate.of(2026, 5, 8)).isPresent(), "8 May instead of 9 May");
        assertTrue(reformed.holiday(LocalDate.of(2026, 5, 11)).isEmpty());
        assertTrue(reformed.holiday(LocalDate.of(2026, 7, 15)).isPresent(), "Statehood Day 15 July");
        assertTrue(reformed.holiday(LocalDate.of(2026, 10, 1)).isPresent(), "Defenders' Day 1 October");
        assertTrue(reformed.holiday(LocalDate.of(2026, 10, 14)).isEmpty());
        market.configure(config(Map.of("holidayDefinition", "/nowhere/holidays.xml")));
        assertTrue(market.problem().orElseThrow().contains("holiday definition"), market.problem().toString());
    }
}
