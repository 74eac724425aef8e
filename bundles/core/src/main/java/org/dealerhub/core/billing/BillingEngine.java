package org.dealerhub.core.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.BillingRun.Outcome;
import org.dealerhub.api.BillingRun.Outcome.Status;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.PriceBook;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.RunningBill;
import org.dealerhub.api.Loan;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.Charge;
import org.dealerhub.core.Access;
import org.dealerhub.core.Checks;
import org.dealerhub.core.ContractServiceImpl;
import org.dealerhub.core.MarketSource;
import org.dealerhub.core.VendorRegistry;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.SlaRecords;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredContract;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing runs (issue 10). Each contract's whole history up to the period's end goes to the vendor's
 * {@link org.dealerhub.api.spi.BillingPolicy}, and one invoice takes the difference between what is due per charge
 * key and what was billed under that key before ({@link Invoicing}). So a run for a period billed before creates
 * nothing, and a late reading becomes an adjustment line on the next invoice.
 *
 * <p>Set-based: a run streams through its contracts {@value #PAGE} at a time, a page per transaction. The page's
 * contract rows are locked in id order, then what it needs is read with one query per kind of data (contracts,
 * terms, what was billed per key, readings in one ordered scan, devices, loans, work, extras, SLA breaches,
 * buyers), the policies run in memory, and the invoices and lines are written in JDBC batches. So two concurrent
 * runs over one contract bill it once, a killed run leaves each contract with its whole invoice or none, and
 * memory holds one page. A contract whose policy fails, whose amounts exceed the configured bounds, or whose
 * readings are implausible ({@link MeterPlausibility}) is parked with the reason; a page the database refuses is
 * billed again a contract per transaction, so only the contract at fault is parked; the run goes on.
 */
@Component(service = BillingService.class, configurationPid = BillingEngine.PID)
@Designate(ocd = BillingEngine.Config.class)
public class BillingEngine implements BillingService {

    static final String PID = "org.dealerhub.billing";
    private static final Logger LOG = LoggerFactory.getLogger(BillingEngine.class);
    /** The rule of the configured bounds (platform decision, issue 10). */
    public static final String BOUND_RULE = "BILL-BOUND-1";
    /** The price of a package that credits each breached order (BILL-SLA-1). */
    public static final String SLA_CREDIT = "slaBreachCredit";
    static final String SLA_CREDIT_RULE = "BILL-SLA-1";
    /** Contracts billed at a time, a page per transaction: memory stays flat however many a run bills. */
    static final int PAGE = 500;
    /** At most a year and a day per run, so one run never bills a decade by mistake. */
    static final int MAX_PERIOD_DAYS = 366;
    static final int MAX_PAGE = 500;
    /** At most this many contracts are looked at for one page of alerts. */
    static final int ALERT_SCAN = 2000;

    @ObjectClassDefinition(name = "Dealerhub billing", description = "Bounds, meter plausibility and the seller")
    public @interface Config {
        @AttributeDefinition(description = "A line above this amount (excl. VAT, absolute) parks its contract for"
                + " review")
        String maxLineAmount() default "100000";

        @AttributeDefinition(description = "An invoice above this total (excl. VAT, absolute) parks its contract"
                + " for review")
        String maxInvoiceAmount() default "500000";

        @AttributeDefinition(description = "BILL-PLAUSIBLE-1: percent above the device's recent average per day"
                + " that a reading may lie before it is held for review")
        int plausibilityBufferPercent() default 200;

        @AttributeDefinition(description = "BILL-PLAUSIBLE-1: months of history the average is taken over")
        int plausibilityMonths() default 6;

        @AttributeDefinition(description = "BILL-PLAUSIBLE-1: clicks between two readings never held, however"
                + " far above the average")
        long plausibilityMinimumClicks() default 1000;

        @AttributeDefinition(description = "BILL-ALLOW-1: percent of a cap used at which the running bill alerts"
                + " that it is nearly used")
        int allowanceAlertPercent() default 90;

        @AttributeDefinition(description = "The seller on invoices: the dealer's name")
        String sellerName() default "Dealerhub dealer";

        @AttributeDefinition(description = "The seller on invoices: the dealer's organisation number")
        String sellerAccount() default "000000000";
    }

    private record Settings(BigDecimal maxLine, BigDecimal maxInvoice, MeterPlausibility plausibility,
            Invoice.Party seller, int alertPercent) {
    }

    private final Store store;
    private final VendorRegistry vendors;
    private final ContractServiceImpl contracts;
    private final PriceBook prices;
    private final Clock clock;
    private final Map<String, MarketSource> markets = new ConcurrentHashMap<>();
    private volatile Settings settings;

    @Activate
    public BillingEngine(@Reference Store store, @Reference VendorRegistry vendors,
            @Reference ContractServiceImpl contracts, @Reference PriceBook prices, @Reference Clock clock,
            Config config) {
        this.store = store;
        this.vendors = vendors;
        this.contracts = contracts;
        this.prices = prices;
        this.clock = clock;
        configure(config);
    }

    @Modified
    public void configure(Config c) {
        settings = new Settings(new BigDecimal(c.maxLineAmount().trim()), new BigDecimal(c.maxInvoiceAmount().trim()),
                new MeterPlausibility(c.plausibilityBufferPercent(), c.plausibilityMonths(),
                        c.plausibilityMinimumClicks()), new Invoice.Party(c.sellerName(), c.sellerAccount()),
                Math.max(1, Math.min(100, c.allowanceAlertPercent())));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindMarket(MarketSource source) {
        Optional.ofNullable(source.market()).ifPresent(m -> markets.put(m.code(), source));
    }

    public void unbindMarket(MarketSource source) {
        markets.values().remove(source);
    }

    @Override
    public BillingRun run(Caller caller, BillingRun.Request request, Progress progress) {
        Access.requireDealer(caller);
        Checks.required(request, "body");
        LocalDate from = Checks.date(Checks.required(request.from(), "from"), "from");
        LocalDate to = Checks.date(Checks.required(request.to(), "to"), "to");
        if (to.isBefore(from)) {
            throw DomainException.invalid("to", "to is before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS) {
            throw DomainException.invalid("to", "a run bills at most " + MAX_PERIOD_DAYS + " days");
        }
        BillingRun.Selection selection = selection(request.selection());
        boolean dry = Boolean.TRUE.equals(request.dryRun());
        Instant started = clock.instant();
        BillingRun begun = new BillingRun(0, caller.user(), started, null, from, to, selection, dry, 0, 0, 0, 0, 0,
                0, List.of(), List.of());
        long runId = dry ? 0 : store.tx(r -> r.billing().start(begun)).id();
        int total = store.read(r -> r.billing().countContracts(selection, to));
        Tally tally = new Tally();
        long after = -1;
        List<Long> page;
        do {
            long last = after;
            page = store.read(r -> r.billing().contractIds(selection, to, last, PAGE));
            if (!page.isEmpty()) {
                billPage(page, runId, from, to, !dry).forEach(tally::add);
                if (progress != null) {
                    progress.billed(tally.contracts, total);
                }
                after = page.get(page.size() - 1);
            }
        } while (page.size() == PAGE);
        BillingRun done = new BillingRun(runId, caller.user(), started, clock.instant(), from, to, selection, dry,
                tally.contracts, tally.invoiced, tally.unchanged, tally.deferred, tally.parked.size(), tally.lines,
                tally.totals(), tally.parked);
        LOG.info("Billing run {} ({} to {}, {}): {} contracts, {} invoiced, {} unchanged, {} deferred, {} parked in"
                + " {} ms", dry ? "dry" : runId, from, to, selection, done.contracts(), done.invoiced(),
                done.unchanged(), done.deferred(), done.parkedCount(), done.duration().toMillis());
        if (dry) {
            return done;
        }
        store.tx(r -> {
            r.billing().finish(done);
            return null;
        });
        return runById(caller, runId);
    }

    private static BillingRun.Selection selection(BillingRun.Selection s) {
        if (s == null || s.kind() == null || s.kind() == BillingRun.Selection.Kind.ALL) {
            return BillingRun.Selection.all();
        }
        String value = s.value() == null ? "" : s.value().trim();
        if (value.isEmpty() || value.length() > 60) {
            throw DomainException.invalid("selection.value", "a selection by " + s.kind().name().toLowerCase()
                    + " needs a value of at most 60 characters");
        }
        if (s.kind() == BillingRun.Selection.Kind.ORGANISATION || s.kind() == BillingRun.Selection.Kind.CONTRACT) {
            try {
                if (Long.parseLong(value) < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw DomainException.invalid("selection.value", "a selection by " + s.kind().name().toLowerCase()
                        + " needs its id, a positive whole number");
            }
        }
        return new BillingRun.Selection(s.kind(), value);
    }

    /**
     * A page of contracts in one transaction. When the page cannot be written (the database refuses something),
     * its contracts are billed again one per transaction, so only the one at fault is parked; a contract that
     * fails on its own is parked in a transaction of its own.
     */
    private List<Outcome> billPage(List<Long> contractIds, long runId, LocalDate from, LocalDate to, boolean write) {
        try {
            return write ? store.tx(r -> billPage(r, contractIds, runId, from, to, true))
                    : store.read(r -> billPage(r, contractIds, runId, from, to, false));
        } catch (RuntimeException e) {
            if (contractIds.size() > 1) {
                LOG.warn("Billing a page of {} contracts from {} failed; billing them one by one", contractIds.size(),
                        contractIds.get(0), e);
                return contractIds.stream().flatMap(id -> billPage(List.of(id), runId, from, to, write).stream())
                        .toList();
            }
            long contractId = contractIds.get(0);
            LOG.error("Billing contract {} failed; parked", contractId, e);
            Outcome parked = failed(contractId, e);
            if (write) {
                store.tx(r -> {
                    r.billing().park(runId, contractId, clock.instant(), parked.reason(), null);
                    return null;
                });
            }
            return List.of(parked);
        }
    }

    private static Outcome failed(long contractId, RuntimeException e) {
        return new Outcome(contractId, Status.PARKED, null, "could not be billed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, List.of());
    }

    /**
     * Bills a page: its contracts' rows locked in id order (a concurrent run over them waits, then sees what this
     * one billed), everything they need read with one query per kind of data, the policies run in memory, the
     * invoices and their lines written in batches.
     */
    private List<Outcome> billPage(Repositories r, List<Long> contractIds, long runId, LocalDate from, LocalDate to,
            boolean write) {
        List<StoredContract> contracts = r.billing().contracts(contractIds, write);
        Page page = page(r, contracts, to);
        List<Outcome> outcomes = new ArrayList<>(contracts.size());
        for (StoredContract c : contracts) {
            Outcome outcome;
            try {
                outcome = compute(page, c, runId, from, to);
            } catch (RuntimeException e) {
                LOG.error("Billing contract {} failed; parked", c.id(), e);
                outcome = failed(c.id(), e);
            }
            outcomes.add(outcome);
        }
        if (!write) {
            return outcomes;
        }
        Instant now = clock.instant();
        outcomes.stream().filter(o -> o.status() == Status.PARKED)
                .forEach(o -> r.billing().park(runId, o.contractId(), now, o.reason(), o.rule()));
        Iterator<Invoice> written = r.billing().write(outcomes.stream().filter(o -> o.status() == Status.INVOICED)
                .map(Outcome::invoice).toList()).iterator();
        return outcomes.stream().map(o -> o.status() != Status.INVOICED ? o
                : new Outcome(o.contractId(), Status.INVOICED, written.next(), null, null, o.notices())).toList();
    }

    /** What billing a page of contracts needs up to a day, by contract, device or organisation id. */
    private record Page(Function<StoredContract, Contract> contracts, Map<Long, Map<String, String>> terms,
            Map<Long, Map<String, BigDecimal>> billed, Map<Long, List<MeterReading>> readings,
            Map<Long, Device> devices, Map<Long, List<Loan>> loans, Map<Long, List<BillingContext.Work>> work,
            Map<Long, List<BillingContext.Work>> extras, Map<Long, List<SlaRecords.BreachRow>> breaches,
            Map<Long, Organisation> buyers, Map<List<String>, Optional<PriceList>> prices) {
    }

    /** One query per kind of data for the whole page; contracts' and loan devices' readings in one ordered scan. */
    private Page page(Repositories r, List<StoredContract> stored, LocalDate to) {
        List<Long> ids = stored.stream().map(StoredContract::id).toList();
        Map<Long, List<Loan>> loans = r.operations().loansOfContracts(ids, to);
        Set<Long> devices = new TreeSet<>();
        stored.forEach(c -> devices.addAll(c.deviceIds()));
        loans.values().forEach(l -> l.forEach(loan -> devices.add(loan.loanDeviceId())));
        // the latest end of the day "to" in any zone: each contract keeps the breaches before its market's
        Instant end = to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Page(contracts.values(r, to), r.billing().terms(ids), r.billing().billed(ids),
                r.billing().readings(devices, to), r.billing().devices(devices), loans,
                r.operations().workOfContracts(ids, to), r.support().extraWork(ids, to), r.sla().breaches(ids, end),
                r.billing().organisations(stored.stream().map(StoredContract::organisationId).toList()),
                new HashMap<>());
    }

    /** What billing the contract up to {@code to} comes to, written nowhere. */
    private Outcome compute(Page page, StoredContract stored, long runId, LocalDate from, LocalDate to) {
        return compute(page, stored, runId, from, to, null);
    }

    /** ... and the policy's result to {@code results} (the running bill's allowances), when given. */
    private Outcome compute(Page page, StoredContract stored, long runId, LocalDate from, LocalDate to,
            Consumer<BillingResult> results) {
        long id = stored.id();
        Settings s = settings;
        Contract contract = page.contracts().apply(stored);
        MarketSource market = markets.get(contract.market());
        if (market == null || market.market() == null) {
            return parked(id, "market " + contract.market() + " is not configured", null, List.of());
        }
        Optional<BigDecimal> vatRate = market.vatRate();
        if (vatRate.isEmpty()) {
            return parked(id, "market " + contract.market() + " has no vatRate configured", "KMNO-PRICE-1",
                    List.of());
        }
        Currency currency = market.market().currency();
        List<BillingContext.DeviceUsage> devices = new ArrayList<>();
        for (long deviceId : contract.deviceIds()) {
            List<MeterReading> history = page.readings().get(deviceId);
            Optional<String> implausible = s.plausibility().check(deviceId, history, from, to);
            if (implausible.isPresent()) {
                return parked(id, implausible.get(), MeterPlausibility.RULE, List.of());
            }
            Device device = Optional.ofNullable(page.devices().get(deviceId)).orElseThrow();
            devices.add(new BillingContext.DeviceUsage(deviceId, device.model(), device.modelFamily(), null,
                    contract.start(), contract.end(), null, history));
        }
        devices.addAll(loans(page, id));
        Optional<PriceList> priceList = page.prices().computeIfAbsent(List.of(contract.vendor(), contract.market(),
                contract.packageCode()), k -> prices(contract));
        Map<String, BigDecimal> prices = priceList.<Map<String, BigDecimal>>map(p -> p.on(to)).orElse(Map.of());
        BillingContext context = new BillingContext(contract, contract.effectiveTermsVersion(),
                page.terms().getOrDefault(id, Map.of()), from, to, currency, prices, Map.of(), devices,
                concat(page.work().getOrDefault(id, List.of()), page.extras().getOrDefault(id, List.of())),
                page.billed().getOrDefault(id, Map.of()), priceList.map(PriceList::versions).orElse(List.of()));
        BillingResult result;
        try {
            result = vendors.bill(contract.vendor(), context);
        } catch (DomainException e) {
            return parked(id, e.getMessage(), e.rule(), List.of());
        }
        if (results != null) {
            results.accept(result);
        }
        result = new BillingResult(concat(result.charges(), slaCredits(page.breaches().getOrDefault(id, List.of()),
                context, to, market.market().zone())), result.notices(),
                result.deferAtOrBelow(), result.deferRule());
        List<BillingRun.Notice> notices = result.notices().stream()
                .map(n -> new BillingRun.Notice(n.deviceId(), n.message(), n.rule())).toList();
        List<Invoice.Line> lines;
        try {
            lines = Invoicing.difference(result.charges(), context.billed(), currency);
        } catch (IllegalArgumentException e) {
            return parked(id, "vendor " + contract.vendor() + ": " + e.getMessage(), null, notices);
        }
        if (lines.isEmpty()) {
            return new Outcome(id, Status.UNCHANGED, null, null, null, notices);
        }
        for (Invoice.Line line : lines) {
            if (line.amount().abs().compareTo(s.maxLine()) > 0) {
                return parked(id, "line " + line.chargeKey() + " of " + line.amount().toPlainString() + " " + currency
                        + " is above the bound of " + s.maxLine().toPlainString() + " per line; review it",
                        BOUND_RULE, notices);
            }
        }
        BigDecimal net = Invoicing.net(lines, currency);
        if (net.abs().compareTo(s.maxInvoice()) > 0) {
            return parked(id, "the invoice total of " + net.toPlainString() + " " + currency + " is above the bound"
                    + " of " + s.maxInvoice().toPlainString() + " per invoice; review it", BOUND_RULE, notices);
        }
        // KMNO-BILL-4: a small positive total waits for the next invoice (excluding VAT); a credit is never held
        if (result.deferAtOrBelow() != null && net.signum() > 0 && net.compareTo(result.deferAtOrBelow()) <= 0) {
            return new Outcome(id, Status.DEFERRED, null, "total " + net.toPlainString() + " " + currency
                    + " excl. VAT is at or below " + result.deferAtOrBelow().toPlainString() + ": deferred to the"
                    + " next invoice", result.deferRule(), notices);
        }
        Organisation buyer = Optional.ofNullable(page.buyers().get(contract.organisationId())).orElseThrow();
        BigDecimal vat = Invoicing.vat(net, vatRate.get(), currency);
        Instant now = clock.instant();
        Invoice invoice = new Invoice(0, runId, id, contract.organisationId(), contract.vendor(), contract.market(),
                s.seller(), new Invoice.Party(buyer.name(), buyer.customerAccountNumber()), currency, from, to,
                LocalDate.ofInstant(now, market.market().zone()), now, net, vatRate.get(), vat, net.add(vat), lines);
        return new Outcome(id, Status.INVOICED, invoice, null, null, notices);
    }

    /**
     * The devices lent in place of the contract's devices up to {@code to}, with their meter history: their prints
     * are billed as the contract's (KMUA-ORDER-4), between the handover acts' readings (KMUA-ORDER-8).
     */
    private static List<BillingContext.DeviceUsage> loans(Page page, long contractId) {
        List<Loan> loans = page.loans().getOrDefault(contractId, List.of());
        List<BillingContext.DeviceUsage> usage = new ArrayList<>(loans.size());
        for (Loan loan : loans) {
            Device lent = Optional.ofNullable(page.devices().get(loan.loanDeviceId())).orElseThrow();
            usage.add(new BillingContext.DeviceUsage(lent.id(), lent.model(), lent.modelFamily(), loan.deviceId(),
                    loan.from(), loan.to(), null, page.readings().getOrDefault(lent.id(), List.of())));
        }
        return usage;
    }

    /**
     * BILL-SLA-1 (platform decision, issue 10): each order of the contract whose response deadline was breached up to
     * {@code to} credits the next invoice once by the operator's {@code slaBreachCredit} price of the contract's
     * package, as a line citing the order. Without that price the package promises no credit: Konica Minolta
     * Norway's response time is a 6-month average, one slow order is not a breach by itself (KMNO-SLA-1). The
     * credit is the one in force on the day of the breach (BILL-PRICE-1).
     */
    private static List<Charge> slaCredits(List<SlaRecords.BreachRow> breaches, BillingContext context,
            LocalDate to, ZoneId zone) {
        if (context.price(SLA_CREDIT).isEmpty() && context.priceVersions().stream()
                .noneMatch(v -> v.prices().containsKey(SLA_CREDIT))) {
            return List.of();
        }
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return breaches.stream().filter(b -> b.breachedAt().isBefore(end)).flatMap(b -> {
            LocalDate day = LocalDate.ofInstant(b.breachedAt(), zone);
            BigDecimal credit = context.price(SLA_CREDIT, day).orElse(BigDecimal.ZERO);
            return credit.signum() == 0 ? Stream.<Charge>empty() : Stream.of(new Charge("sla-credit/"
                    + b.orderId(), "Credit: the response deadline of service order " + b.number() + " was missed by "
                    + b.missedMinutes() + " business minutes", b.deviceId(), SLA_CREDIT, day, day,
                    BigDecimal.ONE.negate(), credit, SLA_CREDIT_RULE));
        }).toList();
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * The operator's prices for the contract's package and market with their dated versions (BILL-PRICE-1): a
     * policy prices each charge at the version in force on its first day. The price book keeps one price list per
     * package and market, not one per terms version: each terms version bills at the prices dated in it.
     */
    private Optional<PriceList> prices(Contract c) {
        try {
            return Optional.of(prices.price(Caller.system(), c.vendor(), c.market(), c.packageCode()));
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static Outcome parked(long contractId, String reason, String rule, List<BillingRun.Notice> notices) {
        return new Outcome(contractId, Status.PARKED, null, reason, rule, notices);
    }

    @Override
    public List<BillingRun> runs(Caller caller, int offset, int limit) {
        Access.requireDealer(caller);
        return store.read(r -> r.billing().runs(offset(offset), limit(limit)));
    }

    @Override
    public BillingRun runById(Caller caller, long id) {
        // runs are the dealer's: for a customer none exists (PORTAL-ACCT-1: never "forbidden" for a single record)
        return store.read(r -> caller.isDealer() ? r.billing().run(id) : Optional.<BillingRun>empty())
                .orElseThrow(() -> DomainException.notFound("billing run", id));
    }

    @Override
    public List<Invoice> invoices(Caller caller, Long organisationId, Long contractId, Long runId, int offset,
            int limit) {
        return store.read(r -> r.billing().invoices(caller, organisationId, contractId, runId, offset(offset),
                limit(limit)));
    }

    private static int offset(int offset) {
        if (offset < 0) {
            throw DomainException.invalid("offset", "offset is negative");
        }
        return offset;
    }

    /** 50 when not given, at most {@value #MAX_PAGE}. */
    private static int limit(int limit) {
        return limit <= 0 ? 50 : Math.min(limit, MAX_PAGE);
    }

    @Override
    public Invoice invoice(Caller caller, long id) {
        return store.read(r -> r.billing().invoice(caller, id))
                .orElseThrow(() -> DomainException.notFound("invoice", id));
    }

    /**
     * The next invoice of a contract the caller sees (else NOT_FOUND) if it were billed up to {@code date}: from
     * the day after its last invoice's period (else its start).
     */
    @Override
    public Outcome preview(Caller caller, long contractId, LocalDate date) {
        LocalDate to = Checks.date(Checks.required(date, "date"), "date");
        return store.read(r -> {
            StoredContract c = r.contracts().find(caller, contractId)
                    .orElseThrow(() -> DomainException.notFound("contract", contractId));
            return compute(page(r, List.of(c), to), c, 0, next(r, c, to), to);
        });
    }

    /** The first day of a contract's next invoice: the day after its last invoice's period, else its start. */
    private static LocalDate next(Repositories r, StoredContract c, LocalDate to) {
        LocalDate from = r.billing().invoices(Caller.system(), null, c.id(), null, 0, 1).stream()
                .map(i -> i.periodTo().plusDays(1)).findFirst().orElse(c.start());
        return from.isAfter(to) ? to : from;
    }

    @Override
    public RunningBill runningBill(Caller caller, long contractId) {
        // the caller's scope: a customer its organisation's contracts, a device manager its devices' (PORTAL-ROLE-2)
        return store.read(r -> running(r, r.contracts().find(caller, contractId)
                .orElseThrow(() -> DomainException.notFound("contract", contractId))));
    }

    /**
     * The preview up to today in the contract's market, and the allowances its policy measured, forecast and
     * alerted once for every vendor ({@link Forecasts}).
     */
    private RunningBill running(Repositories r, StoredContract c) {
        MarketSource market = markets.get(c.market());
        boolean known = market != null && market.market() != null;
        LocalDate today = LocalDate.now(known ? clock.withZone(market.market().zone()) : clock);
        List<BillingResult> results = new ArrayList<>(1);
        Outcome outcome = compute(page(r, List.of(c), today), c, 0, next(r, c, today), today, results::add);
        Currency currency = known ? market.market().currency() : null;
        List<RunningBill.Allowance> allowances = currency == null || results.isEmpty() ? List.of()
                : results.get(0).allowances().stream().map(a -> Forecasts.forecast(a, currency)).toList();
        int percent = settings.alertPercent();
        return new RunningBill(c.id(), c.organisationId(), c.vendor(), today, currency, outcome, allowances,
                allowances.stream().flatMap(a -> Forecasts.alerts(a, percent).stream()).toList());
    }

    /**
     * BILL-ALLOW-1: the contracts with alerts, each computed in its own read; at most {@value #ALERT_SCAN}
     * contracts are looked at per page, so a page answers in bounded time even when few contracts have alerts.
     */
    @Override
    public RunningBill.AlertPage alerts(Caller caller, long after, int limit) {
        Access.requireDealer(caller);
        int max = limit(limit);
        LocalDate today = LocalDate.now(clock);
        List<RunningBill.ContractAlerts> found = new ArrayList<>();
        long cursor = Math.max(0, after);
        int scanned = 0;
        while (found.size() < max && scanned < ALERT_SCAN) {
            long last = cursor;
            List<Long> page = store.read(r -> r.billing().contractIds(BillingRun.Selection.all(), today, last, PAGE));
            for (long id : page) {
                RunningBill bill;
                try {
                    bill = store.read(r -> r.contracts().find(Caller.system(), id).map(c -> running(r, c)))
                            .orElse(null);
                } catch (RuntimeException e) { // one contract that cannot be computed does not hide the others
                    LOG.warn("Running bill of contract {} failed; left out of the alerts", id, e);
                    bill = null;
                }
                cursor = id;
                scanned++;
                if (bill != null && !bill.alerts().isEmpty()) {
                    found.add(new RunningBill.ContractAlerts(id, bill.organisationId(), bill.vendor(), bill.date(),
                            bill.alerts()));
                    if (found.size() == max) {
                        break;
                    }
                }
            }
            if (page.size() < PAGE && (page.isEmpty() || cursor == page.get(page.size() - 1))) {
                return new RunningBill.AlertPage(found, null);
            }
        }
        return new RunningBill.AlertPage(found, cursor);
    }

    /** What a run found so far. */
    private static final class Tally {
        int contracts;
        int invoiced;
        int unchanged;
        int deferred;
        int lines;
        final List<BillingRun.Parked> parked = new ArrayList<>();
        final Map<Currency, BigDecimal[]> sums = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
        final Map<Currency, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));

        void add(Outcome o) {
            contracts++;
            switch (o.status()) {
                case INVOICED -> {
                    invoiced++;
                    Invoice i = o.invoice();
                    lines += i.lines().size();
                    BigDecimal[] s = sums.computeIfAbsent(i.currency(),
                            c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(i.net());
                    s[1] = s[1].add(i.vat());
                    s[2] = s[2].add(i.gross());
                    counts.merge(i.currency(), 1, Integer::sum);
                }
                case UNCHANGED -> unchanged++;
                case DEFERRED -> deferred++;
                case PARKED -> parked.add(new BillingRun.Parked(o.contractId(), o.reason(), o.rule()));
            }
        }

        List<BillingRun.Total> totals() {
            return sums.entrySet().stream().map(e -> new BillingRun.Total(e.getKey(), counts.get(e.getKey()),
                    e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        }
    }
}
