package org.dealerhub.core;

import java.time.LocalDate;
import java.util.Set;

import org.dealerhub.api.Market;

/** One configured market, as a service inside the core. */
public interface MarketSource {
    Market market();

    /** The dealer's own closed days in the market (added to the public holidays). */
    Set<LocalDate> closedDays();

    /** The country whose public holidays the market observes (ISO 3166-1 alpha-2). */
    String holidayCountry();

    /** False where the country's public holidays are working days (configuration). */
    boolean observesPublicHolidays();
}
