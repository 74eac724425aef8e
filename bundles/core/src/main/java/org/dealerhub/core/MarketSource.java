package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Market;
import org.dealerhub.core.calendar.HolidaySource;

/** One configured market, as a service inside the core. */
public interface MarketSource {
    /** The market, or null while its configuration has never been usable (see {@link #problem()}). */
    Market market();

    /** The market's VAT rate in percent (KMNO-PRICE-1: prices exclude VAT), empty when not configured. */
    Optional<BigDecimal> vatRate();

    /** Why the market's current configuration was refused, if it was. */
    Optional<String> problem();

    /** The holidays of an operator's Jollyday definition, replacing the library's own list for the country. */
    Optional<HolidaySource> customHolidays();

    /** The dealer's own closed days in the market (added to the public holidays). */
    Set<LocalDate> closedDays();

    /** The country whose public holidays the market observes (ISO 3166-1 alpha-2). */
    String holidayCountry();

    /** False where the country's public holidays are working days (configuration). */
    boolean observesPublicHolidays();
}
