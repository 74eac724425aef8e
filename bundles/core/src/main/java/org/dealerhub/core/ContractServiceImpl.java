package org.dealerhub.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.dealerhub.persistence.api.StoredContract;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Contracts. KMNO-TERMS-1 (platform decision): signing copies the package definition and the vendor's current
 * terms version into the contract; from then on the contract reads only its copy, so upgrading or removing the
 * vendor bundle never changes it.
 */
@Component(service = {ContractService.class, ContractServiceImpl.class})
public class ContractServiceImpl implements ContractService {

    /** The most devices one contract covers (platform decision: far above any customer's fleet). */
    static final int MAX_DEVICES = 10_000;

    private final Store store;
    private final VendorCatalog vendors;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock;

    @Activate
    public ContractServiceImpl(@Reference Store store, @Reference VendorCatalog vendors, @Reference Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.clock = clock;
    }

    @Override
    public List<Contract> list(Caller caller) {
        return store.read(r -> r.contracts().list(caller).stream().map(publications(r)).toList());
    }

    @Override
    public Contract get(Caller caller, long id) {
        return store.read(r -> toValue(r, find(r, caller, id)));
    }

    @Override
    public Contract create(Caller caller, Contract.Draft draft) {
        Access.requireDealer(caller);
        Checks.draft(draft);
        long organisationId = Checks.id(draft.organisationId(), "organisationId");
        String vendorId = Checks.text(draft.vendor(), "vendor", 60);
        String market = Checks.text(draft.market(), "market", 8);
        String packageCode = Checks.text(draft.packageCode(), "packageCode", 60);
        validatePeriod(draft);
        Vendor vendor = deployedVendor(vendorId);
        if (!vendor.markets().contains(market)) {
            throw DomainException.rule("KMNO-TERMS-1", "market", "vendor " + vendorId + " does not serve market "
                    + market);
        }
        ServicePackage pkg = vendors.packages(vendorId, market).stream()
                .filter(p -> p.code().equals(packageCode)).findFirst()
                .orElseThrow(() -> DomainException.rule("KMNO-TERMS-1", "packageCode", "vendor " + vendorId
                        + " has no package " + packageCode + " in market " + market));
        String snapshot = write(pkg);
        return store.tx(r -> {
            if (r.organisations().find(caller, organisationId).isEmpty()) {
                throw DomainException.invalid("organisationId", "organisation " + organisationId
                        + " does not exist");
            }
            List<Long> devices = validDevices(r, caller, organisationId, draft);
            return toValue(r, r.contracts().create(caller, new StoredContract(0, organisationId, vendorId, market,
                    packageCode, draft.start(), draft.end(), devices, vendor.currentTermsVersion(), snapshot,
                    clock.instant(), 0)));
        });
    }

    /**
     * A full replacement, like every PUT: only the period and the devices change, so vendor, market, package and
     * organisation must be sent as signed; a missing {@code end} or {@code deviceIds} clears them.
     */
    @Override
    public Contract update(Caller caller, long id, long version, Contract.Draft draft) {
        Checks.draft(draft);
        long organisationId = Checks.id(draft.organisationId(), "organisationId");
        String vendor = Checks.text(draft.vendor(), "vendor", 60);
        String market = Checks.text(draft.market(), "market", 8);
        String packageCode = Checks.text(draft.packageCode(), "packageCode", 60);
        validatePeriod(draft);
        return store.tx(r -> {
            StoredContract c = find(r, caller, id);
            Access.requireDealer(caller);
            requireUnchanged("vendor", vendor, c.vendor());
            requireUnchanged("market", market, c.market());
            requireUnchanged("packageCode", packageCode, c.packageCode());
            if (organisationId != c.organisationId()) {
                throw DomainException.invalid("organisationId", "a contract cannot move to another organisation");
            }
            return toValue(r, r.contracts().amend(caller, id, version, draft.start(), draft.end(),
                    validDevices(r, caller, c.organisationId(), draft)));
        });
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        store.tx(r -> {
            find(r, caller, id);
            Access.requireAdmin(caller, "delete");
            r.contracts().delete(caller, id, version);
            return null;
        });
    }

    /** At most this many billing terms per contract, names of at most 60 characters, values of at most 200. */
    static final int MAX_TERMS = 50;
    private static final Pattern TERM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,59}");

    @Override
    public Map<String, String> billingTerms(Caller caller, long id) {
        return store.read(r -> {
            find(r, caller, id);
            return r.billing().terms(id);
        });
    }

    @Override
    public Contract setBillingTerms(Caller caller, long id, long version, Map<String, String> terms) {
        if (terms == null) {
            throw DomainException.invalid("billingTerms", "billing terms are required (an empty object clears them)");
        }
        if (terms.size() > MAX_TERMS) {
            throw DomainException.invalid("billingTerms", "at most " + MAX_TERMS + " billing terms");
        }
        Map<String, String> valid = new TreeMap<>();
        terms.forEach((name, value) -> {
            if (name == null || !TERM_NAME.matcher(name).matches()) {
                throw DomainException.invalid("billingTerms", "a billing term's name is a letter followed by at most"
                        + " 59 letters, digits, '.', '_' or '-'");
            }
            valid.put(name, Checks.text(value, "billingTerms." + name, 200));
        });
        return store.tx(r -> {
            find(r, caller, id);
            Access.requireDealer(caller);
            r.billing().setTerms(caller, id, version, valid);
            return toValue(r, find(r, caller, id));
        });
    }

    private Vendor deployedVendor(String vendorId) {
        try {
            return vendors.vendor(vendorId);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e; // a failing vendor answers 502/503, naming it
            }
            throw DomainException.invalid("vendor", "vendor " + vendorId + " is not deployed");
        }
    }

    private static void requireUnchanged(String field, String requested, String signed) {
        if (!requested.equals(signed)) {
            throw DomainException.rule("KMNO-TERMS-1", field, field + " of a signed contract cannot change (signed: "
                    + signed + ")");
        }
    }

    private static void validatePeriod(Contract.Draft d) {
        Checks.date(Checks.required(d.start(), "start"), "start");
        Checks.date(d.end(), "end");
        if (d.deviceIds() != null && d.deviceIds().size() > MAX_DEVICES) {
            throw DomainException.invalid("deviceIds", "a contract covers at most " + MAX_DEVICES + " devices");
        }
        if (d.end() != null && d.end().isBefore(d.start())) {
            throw DomainException.invalid("end", "end is before start");
        }
    }

    /**
     * PORTAL-ACCT-1: a contract's devices belong to its organisation for the whole contract period. Each device's
     * row is locked, so a transfer cannot slip in between this check and the commit.
     */
    private static List<Long> validDevices(Repositories r, Caller caller, long organisationId, Contract.Draft d) {
        List<Long> ids = d.deviceIds() == null ? List.of() : d.deviceIds().stream().distinct().toList();
        for (Long deviceId : ids) {
            if (deviceId == null || r.devices().lock(caller, deviceId).isEmpty()
                    || !r.devices().ownedThroughout(caller, deviceId, organisationId, d.start(), d.end())) {
                throw DomainException.invalid("deviceIds", "device " + deviceId + " is not a device of organisation "
                        + organisationId + " for the whole contract period");
            }
        }
        return ids;
    }

    private static StoredContract find(Repositories r, Caller caller, long id) {
        return r.contracts().find(caller, id).orElseThrow(() -> DomainException.notFound("contract", id));
    }

    /** Contracts to values, reading each vendor's terms publications once. */
    private Function<StoredContract, Contract> publications(Repositories r) {
        Map<String, List<TermsPublication>> byVendor = new HashMap<>();
        return c -> toValue(byVendor.computeIfAbsent(c.vendor(), v -> r.terms().publications(v)), c);
    }

    /** The contract as a value, with the terms version in effect on {@code day} (KMNO-TERMS-1). */
    public Contract value(Repositories r, StoredContract c, LocalDate day) {
        String effective = EffectiveTerms.on(day, c.termsVersion(), c.signedAt(), r.terms().publications(c.vendor()));
        return new Contract(c.id(), c.organisationId(), c.vendor(), c.market(), c.packageCode(), c.start(), c.end(),
                c.deviceIds(), c.termsVersion(), effective, read(c.packageSnapshot()), c.signedAt(), c.version());
    }

    /**
     * {@link #value} for a page of contracts: each vendor's terms publications are read once, each distinct package
     * snapshot is parsed once.
     */
    public Function<StoredContract, Contract> values(Repositories r, LocalDate day) {
        Map<String, List<TermsPublication>> publications = new HashMap<>();
        Map<String, ServicePackage> packages = new HashMap<>();
        return c -> new Contract(c.id(), c.organisationId(), c.vendor(), c.market(), c.packageCode(), c.start(),
                c.end(), c.deviceIds(), c.termsVersion(), EffectiveTerms.on(day, c.termsVersion(), c.signedAt(),
                        publications.computeIfAbsent(c.vendor(), v -> r.terms().publications(v))),
                packages.computeIfAbsent(c.packageSnapshot(), this::read), c.signedAt(), c.version());
    }

    private Contract toValue(Repositories r, StoredContract c) {
        return toValue(r.terms().publications(c.vendor()), c);
    }

    private Contract toValue(List<TermsPublication> publications, StoredContract c) {
        String effective = EffectiveTerms.on(LocalDate.now(clock), c.termsVersion(), c.signedAt(), publications);
        return new Contract(c.id(), c.organisationId(), c.vendor(), c.market(), c.packageCode(), c.start(), c.end(),
                c.deviceIds(), c.termsVersion(), effective, read(c.packageSnapshot()), c.signedAt(), c.version());
    }

    String write(ServicePackage pkg) {
        try {
            return json.writeValueAsString(pkg);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot snapshot package " + pkg.code(), e);
        }
    }

    ServicePackage read(String snapshot) {
        try {
            return json.readValue(snapshot, ServicePackage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable package snapshot", e);
        }
    }
}
