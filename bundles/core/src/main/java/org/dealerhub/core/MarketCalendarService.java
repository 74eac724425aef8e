package org.dealerhub.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.core.calendar.HolidaySource;
import org.dealerhub.core.calendar.JollydayHolidays;
import org.dealerhub.core.calendar.MarketCalendar;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The markets' calendars. A calendar is built once per market configuration (it precomputes its years) and
 * replaced when the operator changes the market: the key is the whole configuration, so a stale one is never
 * used.
 */
@Component
public class MarketCalendarService implements MarketCalendars {

    /** Longest range one calendar view may span. */
    static final int MAX_VIEW_DAYS = 731;

    private record Key(Market market, java.util.Set<LocalDate> closedDays, String holidayCountry,
            boolean publicHolidays, java.util.Optional<HolidaySource> customHolidays) {
    }

    /** A market that observes no public holidays (only the dealer's own closed days). */
    private static final HolidaySource NO_PUBLIC_HOLIDAYS = date -> java.util.Optional.empty();

    private final List<MarketSource> sources = new CopyOnWriteArrayList<>();
    private final Map<Key, MarketCalendar> calendars = new ConcurrentHashMap<>();
    private final Map<String, JollydayHolidays> holidays = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(MarketSource source) {
        sources.add(source);
    }

    void unbindSource(MarketSource source) {
        sources.remove(source);
        if (source.market() != null) {
            calendars.keySet().removeIf(k -> k.market().code().equals(source.market().code()));
        }
    }

    @Override
    public BusinessCalendar calendar(String market) {
        return marketCalendar(market);
    }

    @Override
    public View view(String market, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw DomainException.invalid(from == null ? "from" : "to", "from and to are required ISO dates");
        }
        Checks.date(from, "from");
        Checks.date(to, "to");
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "to is before from");
        }
        if (from.plusDays(MAX_VIEW_DAYS).isBefore(to)) {
            throw DomainException.invalid("to", "a calendar view spans at most " + MAX_VIEW_DAYS + " days");
        }
        MarketCalendar calendar = marketCalendar(market);
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                working.add(d);
            }
        }
        List<ClosedDay> closed = calendar.holidays(from, to).stream()
                .map(h -> new ClosedDay(h.date(), h.name(), h.dealerClosedDay())).toList();
        Market m = calendar.market();
        return new View(m.code(), m.zone(), m.opens(), m.closes(), working, closed);
    }

    private MarketCalendar marketCalendar(String market) {
        MarketSource source = sources.stream().filter(s -> s.market() != null && s.market().code().equals(market))
                .findFirst().orElseThrow(() -> DomainException.notFound("market", market));
        Key key = new Key(source.market(), source.closedDays(), source.holidayCountry(),
                source.observesPublicHolidays(), source.customHolidays());
        return calendars.computeIfAbsent(key, k -> {
            calendars.keySet().removeIf(old -> old.market().code().equals(market));
            HolidaySource publicHolidays = !k.publicHolidays() ? NO_PUBLIC_HOLIDAYS
                    : k.customHolidays().orElseGet(() -> holidays.computeIfAbsent(k.holidayCountry(),
                            JollydayHolidays::new));
            return new MarketCalendar(k.market(), publicHolidays, k.closedDays());
        });
    }
}
