package org.dealerhub.core.calendar;

import java.net.URL;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameter;
import de.focus_shift.jollyday.core.ManagerParameters;
import de.focus_shift.jollyday.jackson.JacksonConfigurationService;

/**
 * Public holidays of one country from Jollyday (never a hand-typed list). One {@link HolidayManager} per instance
 * (country); the holidays of a year are asked from Jollyday once and then kept, per year, in a thread-safe map.
 * Only Jollyday's {@link HolidayType#PUBLIC_HOLIDAY} days count (not bank holidays or observances); a holiday that
 * Jollyday moves (e.g. Ukraine: a holiday on a Sunday is observed on Monday) counts on its observed date. Names are
 * Jollyday's English descriptions; two holidays on one date are joined with ", ".
 */
public final class JollydayHolidays implements HolidaySource {

    /**
     * Jollyday 1.5.0 finds its XML parser ({@code ConfigurationService}) with {@code ServiceLoader.load(Class)}, i.e.
     * through the thread context class loader, once per JVM, and keeps the result (even an empty one) in a static,
     * not thread-safe lazy cache. So the first manager creation must run with a TCCL that sees the parser's
     * {@code META-INF/services} entry, and concurrent first creations must not race: both are done here.
     */
    private static final Object JOLLYDAY_INIT = new Object();

    private final String country;
    private final HolidayManager manager;
    private final ConcurrentMap<Integer, String[]> years = new ConcurrentHashMap<>();

    /** @param country ISO 3166-1 alpha-2 code of a calendar Jollyday knows, e.g. {@code NO}, {@code DK}, {@code UA} */
    public JollydayHolidays(String country) {
        String code = country.trim().toLowerCase(Locale.ROOT);
        if (!HolidayManager.getSupportedCalendarCodes().contains(code.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Jollyday has no holiday calendar for country " + country);
        }
        this.country = code.toUpperCase(Locale.ROOT);
        this.manager = createManager(ManagerParameters.create(code));
    }

    private JollydayHolidays(String name, HolidayManager manager) {
        this.country = name;
        this.manager = manager;
    }

    /**
     * The public holidays of a holiday definition in Jollyday's XML format, replacing the library's own list, e.g.
     * where a country's statutory list changed after the library's (Ukraine's 2023 reform). Read at once, so a
     * definition that cannot be read is refused here and not on first use.
     */
    public static JollydayHolidays fromDefinition(URL definition) {
        JollydayHolidays holidays;
        try {
            holidays = new JollydayHolidays(definition.toString(), createManager(ManagerParameters.create(definition)));
            holidays.year(Year.now().getValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("holiday definition " + definition + " cannot be read: " + e.getMessage(),
                    e);
        }
        return holidays;
    }

    private static HolidayManager createManager(ManagerParameter parameter) {
        synchronized (JOLLYDAY_INIT) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            // the parser bundle's loader: it sees its own META-INF/services file and, through its imports, the
            // ConfigurationService type of jollyday-core (jollyday-core's own loader cannot see the parser's file)
            thread.setContextClassLoader(JacksonConfigurationService.class.getClassLoader());
            try {
                return HolidayManager.getInstance(parameter);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    public String country() {
        return country;
    }

    @Override
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(year(date.getYear())[date.getDayOfYear() - 1]);
    }

    /** The names of the year's public holidays by day of year (index 0 = 1 January), null on other days. */
    private String[] year(int year) {
        String[] names = years.get(year);
        return names != null ? names : years.computeIfAbsent(year, this::load);
    }

    private String[] load(int year) {
        String[] names = new String[Year.of(year).length()];
        // a holiday moved by Jollyday may land in the neighbouring year: look at both neighbours too
        List<de.focus_shift.jollyday.core.Holiday> found = new ArrayList<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (de.focus_shift.jollyday.core.Holiday h : manager.getHolidays(Year.of(y))) {
                if (h.getType() == HolidayType.PUBLIC_HOLIDAY && h.getDate().getYear() == year) {
                    found.add(h);
                }
            }
        }
        found.sort(Comparator.comparing(de.focus_shift.jollyday.core.Holiday::getDate)
                .thenComparing(de.focus_shift.jollyday.core.Holiday::getActualDate)
                .thenComparing(de.focus_shift.jollyday.core.Holiday::getPropertiesKey));
        for (de.focus_shift.jollyday.core.Holiday h : found) {
            int i = h.getDate().getDayOfYear() - 1;
            String name = h.getDescription(Locale.ROOT);
            if (names[i] == null) {
                names[i] = name;
            } else if (!names[i].equals(name)) {
                names[i] = names[i] + ", " + name;
            }
        }
        return names;
    }

    @Override
    public String toString() {
        return "JollydayHolidays[" + country + "]";
    }
}
