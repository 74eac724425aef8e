package org.dealerhub.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.OrderReport;
import org.dealerhub.api.OrderService;
import org.dealerhub.api.SlaReport;
import org.dealerhub.api.SlaReports;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.core.calendar.MarketCalendar;
import org.dealerhub.core.orders.Breaches;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.SlaRecords;
import org.dealerhub.persistence.api.SlaRecords.Filter;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SLA and order reports (issue 9), aggregated in the database (ORDER_SLA, GROUP BY per contract, device and
 * category) plus one streaming pass over the total outages for the uptime; never order by order. Before computing,
 * the breaches due now are recorded, so a report is exact at its instant.
 */
@Component
public class SlaReportsImpl implements SlaReports {

    /** KMNO-SLA-1: "Driftsstans", the device cannot be used at all: the category whose orders are outages. */
    static final String OUTAGE = "Driftsstans";
    static final int MAX_MONTHS = 36;

    private final Store store;
    private final MarketCalendars calendars;
    private final OrderService orders;
    private final Clock clock;
    private final Breaches breaches;

    @Activate
    public SlaReportsImpl(@Reference Store store, @Reference MarketCalendars calendars,
            @Reference OrderService orders, @Reference Clock clock) {
        this.store = store;
        this.calendars = calendars;
        this.orders = orders;
        this.clock = clock;
        this.breaches = new Breaches(calendars);
    }

    @Override
    public SlaReport sla(Caller caller, SlaReport.Query query) {
        SlaReport.Query q = query == null ? new SlaReport.Query(null, null, null, null) : query;
        Instant now = clock.instant();
        LocalDate to = q.to() != null ? q.to() : LocalDate.ofInstant(now, ZoneOffset.UTC);
        // KMNO-SLA-1, KMNO-SLA-2: "gjennomsnittlig siste 6 mnd"
        LocalDate from = q.from() != null ? q.from() : to.minusMonths(6);
        for (LocalDate day : List.of(from, to)) {
            if (day.getYear() < MarketCalendar.MIN_YEAR || day.getYear() > MarketCalendar.MAX_YEAR) {
                throw DomainException.invalid(day == from ? "from" : "to", "a report's days lie in the years "
                        + MarketCalendar.MIN_YEAR + " to " + MarketCalendar.MAX_YEAR);
            }
        }
        if (from.isAfter(to)) {
            throw DomainException.invalid("from", "from " + from + " is after to " + to);
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw DomainException.invalid("from", "a report covers at most " + MAX_MONTHS + " months");
        }
        store.read(r -> visible(r, caller, q.contractId(), q.organisationId()));
        breaches.sweep(store, now);
        return store.read(r -> {
            List<SlaReport.ContractSla> contracts = new ArrayList<>();
            for (String market : r.sla().markets(caller, q.contractId(), q.organisationId())) {
                ZoneId zone = calendars.calendar(market).zone();
                // without `to`, the report ends today in the market's own zone: in Kyiv it may already be tomorrow
                LocalDate end = q.to() != null ? q.to() : LocalDate.ofInstant(now, zone);
                LocalDate start = q.from() != null ? q.from() : end.minusMonths(6);
                contracts.addAll(market(r, caller, new Filter(market, q.contractId(), q.organisationId(),
                        start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant()), now));
            }
            contracts.sort((a, b) -> Long.compare(a.contractId(), b.contractId()));
            return new SlaReport(from, to, now, contracts);
        });
    }

    /** The contracts of one market in the period. */
    private List<SlaReport.ContractSla> market(Repositories r, Caller caller, Filter f, Instant now) {
        BusinessCalendar calendar = calendars.calendar(f.market());
        Map<Long, SlaRecords.ContractRow> known = new TreeMap<>();
        r.sla().contracts(caller, f).forEach(c -> known.put(c.contractId(), c));
        // the contracts with orders in the period or remotely monitored devices
        Map<Long, Building> contracts = new TreeMap<>();
        for (SlaRecords.Figures x : r.sla().figures(caller, f)) {
            SlaRecords.ContractRow c = known.get(x.contractId());
            if (c != null) {
                contracts.computeIfAbsent(c.contractId(), id -> new Building(c, f.market())).add(x);
            }
        }
        for (SlaRecords.MonitoredDevice d : r.sla().monitoredDevices(caller, f)) {
            SlaRecords.ContractRow c = known.get(d.contractId());
            if (c != null) {
                contracts.computeIfAbsent(c.contractId(), id -> new Building(c, f.market())).device(d.deviceId())
                        .monitored = true;
            }
        }
        // KMNO-SLA-2: uptime over working days, for remotely monitored devices only; one pass over the outages
        Instant end = f.to().isAfter(now) ? now : f.to();
        Duration working = f.from().isBefore(end) ? calendar.businessTimeBetween(f.from(), end) : Duration.ZERO;
        r.sla().outages(caller, f, OUTAGE, o -> {
            Building c = contracts.get(o.contractId());
            if (c != null) {
                DeviceFigures d = c.device(o.deviceId());
                d.monitored = true;
                d.outage(calendar, max(o.from(), f.from()), o.to() == null ? end : min(o.to(),
                        end));
            }
        });
        Map<Long, List<SlaReport.Breach>> breached = new TreeMap<>();
        for (SlaRecords.BreachRow b : r.sla().breaches(caller, f)) {
            SlaRecords.ContractRow c = known.get(b.contractId());
            if (c != null) {
                // a breach in the period of an order registered before it lists its contract too
                contracts.computeIfAbsent(c.contractId(), id -> new Building(c, f.market()));
                breached.computeIfAbsent(b.contractId(), id -> new ArrayList<>()).add(breach(b));
            }
        }
        List<SlaReport.ContractSla> result = new ArrayList<>();
        for (Building c : contracts.values()) {
            result.add(c.build(working, breached.getOrDefault(c.contract.contractId(), List.of())));
        }
        return result;
    }

    @Override
    public OrderReport orders(Caller caller, Long organisationId) {
        store.read(r -> visible(r, caller, null, organisationId));
        Instant now = clock.instant();
        // KMUA-REPORT-1: "за останні 3 календарні місяці": this month and the two before it, in each order's market
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).minusMonths(2);
        return store.read(r -> new OrderReport(first, now, r.sla().orders(caller, organisationId,
                first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
                .filter(o -> !LocalDate.ofInstant(o.registeredAt(), calendars.calendar(o.market()).zone())
                        .isBefore(first))
                .map(o -> new OrderReport.Line(o.id(), o.number(), o.organisationId(), o.deviceId(), o.contractId(),
                        o.kind(), o.state(), o.registeredAt(), o.respondedAt(), o.breachedAt(),
                        "reports/orders/" + o.id()))
                .toList()));
    }

    @Override
    public OrderReport.Card card(Caller caller, long orderId) {
        return new OrderReport.Card(orders.get(caller, orderId), orders.history(caller, orderId),
                store.read(r -> r.sla().breach(caller, orderId).map(this::breach).orElse(null)));
    }

    @Override
    public List<SlaReport.Breach> breaches(Caller caller, long contractId, LocalDate upTo) {
        LocalDate day = Checks.required(upTo, "to");
        breaches.sweep(store, clock.instant());
        return store.read(r -> {
            String market = r.contracts().find(caller, contractId)
                    .orElseThrow(() -> DomainException.notFound("contract", contractId)).market();
            Instant end = day.plusDays(1).atStartOfDay(calendars.calendar(market).zone()).toInstant();
            return r.sla().breaches(caller, new Filter(market, contractId, null, Instant.EPOCH, end)).stream()
                    .map(this::breach).toList();
        });
    }

    /** A contract or organisation the caller may not see answers NOT_FOUND (PORTAL-ACCT-1). */
    private static Void visible(Repositories r, Caller caller, Long contractId, Long organisationId) {
        if (contractId != null && r.contracts().find(caller, contractId).isEmpty()) {
            throw DomainException.notFound("contract", contractId);
        }
        if (organisationId != null && r.organisations().find(caller, organisationId).isEmpty()) {
            throw DomainException.notFound("organisation", organisationId);
        }
        return null;
    }

    private SlaReport.Breach breach(SlaRecords.BreachRow b) {
        return new SlaReport.Breach(b.orderId(), b.number(), b.contractId(), b.deviceId(), b.breachedAt(),
                LocalDate.ofInstant(b.breachedAt(), calendars.calendar(b.market()).zone()), b.missedMinutes(),
                b.respondedAt());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** KMNO-SLA-1: the average of responded orders, in whole business minutes. */
    private static SlaReport.CategoryTime average(String category, long responded, long minutes) {
        return new SlaReport.CategoryTime(category, responded, responded == 0 ? 0
                : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(responded), 0, RoundingMode.HALF_UP)
                        .longValueExact());
    }

    /** A contract being put together from the queries' rows. */
    private static final class Building {
        final SlaRecords.ContractRow contract;
        final String market;
        final Map<Long, DeviceFigures> devices = new TreeMap<>();
        long orders;
        long withTarget;
        long met;
        long missed;
        long pending;

        Building(SlaRecords.ContractRow contract, String market) {
            this.contract = contract;
            this.market = market;
        }

        DeviceFigures device(long id) {
            return devices.computeIfAbsent(id, k -> new DeviceFigures());
        }

        void add(SlaRecords.Figures x) {
            orders += x.orders();
            withTarget += x.withTarget();
            met += x.met();
            missed += x.missed();
            pending += x.pending();
            // KMNO-SLA-1: per category, responded orders with a target only (within the distance limit)
            if (x.category() != null && x.responded() > 0) {
                device(x.deviceId()).times.put(x.category(), new long[] {x.responded(), x.minutes()});
            } else {
                device(x.deviceId());
            }
        }

        SlaReport.ContractSla build(Duration working, List<SlaReport.Breach> breaches) {
            Map<String, long[]> total = new TreeMap<>();
            List<SlaReport.DeviceSla> list = new ArrayList<>();
            devices.forEach((id, d) -> {
                List<SlaReport.CategoryTime> times = new ArrayList<>();
                d.times.forEach((category, t) -> {
                    times.add(average(category, t[0], t[1]));
                    long[] sum = total.computeIfAbsent(category, k -> new long[2]);
                    sum[0] += t[0];
                    sum[1] += t[1];
                });
                list.add(d.build(id, times, working));
            });
            List<SlaReport.CategoryTime> times = new ArrayList<>();
            total.forEach((category, t) -> times.add(average(category, t[0], t[1])));
            return new SlaReport.ContractSla(contract.contractId(), contract.organisationId(), contract.vendor(),
                    market, orders, withTarget, met, missed, pending, times, list, breaches);
        }
    }

    /** One device's figures: response sums per category and its merged outage time. */
    private static final class DeviceFigures {
        final Map<String, long[]> times = new TreeMap<>();
        boolean monitored;
        Duration down = Duration.ZERO;
        /** The end of the outages counted so far: they come by start, so an overlap is counted once. */
        Instant covered = Instant.MIN;

        void outage(BusinessCalendar calendar, Instant from, Instant to) {
            Instant start = from.isBefore(covered) ? covered : from;
            if (to.isAfter(start)) {
                down = down.plus(calendar.businessTimeBetween(start, to));
                covered = to;
            }
        }

        SlaReport.DeviceSla build(long id, List<SlaReport.CategoryTime> times, Duration working) {
            if (!monitored) {
                return new SlaReport.DeviceSla(id, times, null, 0, 0);
            }
            BigDecimal uptime = working.isZero() ? BigDecimal.valueOf(100).setScale(2)
                    : BigDecimal.valueOf(working.minus(down).toSeconds() * 100L)
                            .divide(BigDecimal.valueOf(working.toSeconds()), 2, RoundingMode.HALF_UP);
            return new SlaReport.DeviceSla(id, times, uptime, down.toMinutes(), working.toMinutes());
        }
    }
}
