package org.dealerhub.core.calendar;

import java.time.LocalDate;
import java.util.Optional;

/** A market's public holidays: the name of the holiday on a date, or empty on an ordinary day. */
@FunctionalInterface
public interface HolidaySource {

    Optional<String> holiday(LocalDate date);
}
