package org.dealerhub.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.VendorHealth;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BillingPolicy;
import org.dealerhub.api.spi.BillingResult;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.Coverage;
import org.dealerhub.api.spi.CoverageRule;
import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.api.spi.WorkFacts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendors deployed right now. Vendor bundles come and go at runtime (deploy/, feature install): DYNAMIC
 * MULTIPLE references keep thread-safe maps keyed by vendor id (the {@code vendor.id} service property, so binding
 * runs no vendor code), and an unbound vendor leaves nothing behind, health figures included. Every call into a
 * vendor's code goes through {@link VendorCalls}: a failing vendor answers 502/503 and every other keeps working.
 */
@Component(service = {VendorCatalog.class, VendorRegistry.class})
public class VendorRegistry implements VendorCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(VendorRegistry.class);

    private final Map<String, VendorProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, ServicePackageProvider> packageProviders = new ConcurrentHashMap<>();
    private final Map<String, ImplementationServiceCatalog> implementationCatalogs = new ConcurrentHashMap<>();
    private final Map<String, List<ResponseTimeRule>> rules = new ConcurrentHashMap<>();
    private final Map<String, CoverageRule> coverageRules = new ConcurrentHashMap<>();
    private final Map<String, BillingPolicy> billingPolicies = new ConcurrentHashMap<>();
    private final VendorCalls calls;

    @Activate
    public VendorRegistry(@Reference Clock clock) {
        this.calls = new VendorCalls(clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProfile(VendorProfile profile, Map<String, Object> properties) {
        id(profile::vendorId, properties).ifPresent(id -> {
            calls.open(id);
            profiles.put(id, profile);
            LOG.info("Vendor {} registered", id);
        });
        changed();
    }

    /**
     * Waits until each vendor has its profile and packages registered, woken by their binding; false when the
     * timeout passed first.
     */
    synchronized boolean awaitVendors(Collection<String> ids, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!profiles.keySet().containsAll(ids) || !packageProviders.keySet().containsAll(ids)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private synchronized void changed() {
        notifyAll();
    }

    void unbindProfile(VendorProfile profile, Map<String, Object> properties) {
        id(profile::vendorId, properties).ifPresent(id -> {
            if (profiles.remove(id, profile)) {
                calls.close(id);
                LOG.info("Vendor {} removed", id);
            }
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPackages(ServicePackageProvider provider, Map<String, Object> properties) {
        id(provider::vendorId, properties).ifPresent(id -> packageProviders.put(id, provider));
        changed();
    }

    void unbindPackages(ServicePackageProvider provider, Map<String, Object> properties) {
        id(provider::vendorId, properties).ifPresent(id -> packageProviders.remove(id, provider));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindImplementationCatalog(ImplementationServiceCatalog catalog, Map<String, Object> properties) {
        id(catalog::vendorId, properties).ifPresent(id -> implementationCatalogs.put(id, catalog));
    }

    void unbindImplementationCatalog(ImplementationServiceCatalog catalog, Map<String, Object> properties) {
        id(catalog::vendorId, properties).ifPresent(id -> implementationCatalogs.remove(id, catalog));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindRule(ResponseTimeRule rule, Map<String, Object> properties) {
        id(rule::vendorId, properties).ifPresent(id ->
                rules.computeIfAbsent(id, v -> new CopyOnWriteArrayList<>()).add(rule));
    }

    void unbindRule(ResponseTimeRule rule, Map<String, Object> properties) {
        id(rule::vendorId, properties).ifPresent(id -> rules.computeIfPresent(id, (v, list) -> {
            list.remove(rule);
            return list.isEmpty() ? null : list;
        }));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCoverageRule(CoverageRule rule, Map<String, Object> properties) {
        id(rule::vendorId, properties).ifPresent(id -> coverageRules.put(id, rule));
    }

    void unbindCoverageRule(CoverageRule rule, Map<String, Object> properties) {
        id(rule::vendorId, properties).ifPresent(id -> coverageRules.remove(id, rule));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindBillingPolicy(BillingPolicy policy, Map<String, Object> properties) {
        id(policy::vendorId, properties).ifPresent(id -> billingPolicies.put(id, policy));
    }

    public void unbindBillingPolicy(BillingPolicy policy, Map<String, Object> properties) {
        id(policy::vendorId, properties).ifPresent(id -> billingPolicies.remove(id, policy));
    }

    /**
     * What the vendor's billing policy says is due (issue 10).
     *
     * @throws DomainException NOT_FOUND (field {@code vendor}) when the vendor has no billing policy deployed,
     *         VENDOR_FAILED/UNAVAILABLE when it fails
     */
    public BillingResult bill(String vendorId, BillingContext context) {
        BillingPolicy policy = vendorId == null ? null : billingPolicies.get(vendorId);
        if (policy == null) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "vendor " + vendorId
                    + " has no billing policy deployed", "vendor", null);
        }
        return calls.call(vendorId, "bill a contract", () -> policy.bill(context));
    }

    /** The vendor id from the service property, or asked from the service when a bundle did not set it. */
    private static Optional<String> id(java.util.function.Supplier<String> vendorId, Map<String, Object> properties) {
        Object property = properties.get(VendorProfile.VENDOR_ID);
        if (property instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        try {
            return Optional.ofNullable(vendorId.get());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.error("A vendor service without the {} property failed to name its vendor; ignored",
                    VendorProfile.VENDOR_ID, e);
            return Optional.empty();
        }
    }

    @Override
    public ImplementationOffer implementationOffer(String vendorId) {
        profile(vendorId);
        ImplementationServiceCatalog catalog = implementationCatalogs.get(vendorId);
        if (catalog == null) {
            throw DomainException.notFound("implementation services of vendor", vendorId);
        }
        return calls.call(vendorId, "list its implementation services", () -> new ImplementationOffer(vendorId,
                List.copyOf(catalog.services()), List.copyOf(catalog.packages())));
    }

    /** The vendors that can describe themselves; one that fails is left out here and counted in its health. */
    @Override
    public List<Vendor> vendors() {
        List<Vendor> vendors = new ArrayList<>();
        profiles.forEach((id, profile) -> {
            try {
                vendors.add(describe(id, profile));
            } catch (DomainException failed) {
                // logged and counted by VendorCalls; the other vendors keep working
            }
        });
        vendors.sort(Comparator.comparing(Vendor::id));
        return vendors;
    }

    @Override
    public Vendor vendor(String vendorId) {
        return describe(vendorId, profile(vendorId));
    }

    @Override
    public List<ServicePackage> packages(String vendorId, String market) {
        Vendor vendor = vendor(vendorId);
        ServicePackageProvider provider = packageProviders.get(vendorId);
        if (provider == null || !vendor.markets().contains(market)) {
            return List.of();
        }
        return calls.call(vendorId, "list its packages", () -> List.copyOf(provider.packages(market)));
    }

    /**
     * The deadline by the vendor's rule for the package.
     *
     * @throws DomainException RULE when the package has no rule, VENDOR_FAILED/UNAVAILABLE when the rule fails
     */
    ResponseDeadline deadline(String vendorId, String packageCode, OrderFacts order, BusinessCalendar calendar) {
        List<ResponseTimeRule> candidates = rules.getOrDefault(vendorId, List.of());
        ResponseTimeRule rule = calls.call(vendorId, "name the packages of its response-time rules",
                () -> candidates.stream().filter(r -> r.packageCodes().contains(packageCode)).findFirst())
                .orElseThrow(() -> DomainException.rule(null, "packageCode", "package " + packageCode + " of "
                        + vendorId + " has no response-time rule"));
        return calls.call(vendorId, "compute a response deadline", () -> rule.deadline(order, calendar));
    }

    /**
     * Whether the vendor's contract covers a piece of work, by its coverage rule.
     *
     * @throws DomainException RULE when the vendor has no coverage rule, VENDOR_FAILED/UNAVAILABLE when it fails
     */
    Coverage coverage(String vendorId, WorkFacts work) {
        CoverageRule rule = coverageRules.get(vendorId);
        if (rule == null) {
            throw DomainException.rule(null, "vendor", "vendor " + vendorId + " has no coverage rule: work on its"
                    + " orders cannot be classified");
        }
        Coverage coverage = calls.call(vendorId, "classify work", () -> rule.classify(work));
        if (coverage == null || coverage.rule() == null) {
            throw DomainException.vendor(DomainException.Kind.VENDOR_FAILED, vendorId, "vendor " + vendorId
                    + " classified work without a rule");
        }
        return coverage;
    }

    @Override
    public List<VendorHealth> health() {
        return calls.health();
    }

    private VendorProfile profile(String vendorId) {
        VendorProfile profile = vendorId == null ? null : profiles.get(vendorId);
        if (profile == null) {
            throw DomainException.notFound("vendor", vendorId);
        }
        return profile;
    }

    private Vendor describe(String id, VendorProfile p) {
        return calls.call(id, "describe itself", () -> new Vendor(id, p.name(), Set.copyOf(p.markets()),
                List.copyOf(p.termsVersions()), p.currentTermsVersion()));
    }
}
