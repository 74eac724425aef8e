package org.dealerhub.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.spi.ImplementationServiceCatalog;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendors deployed right now. Vendor bundles come and go at runtime (deploy/, feature install): DYNAMIC
 * MULTIPLE references keep thread-safe maps keyed by vendor id, and an unbound vendor leaves nothing behind.
 */
@Component(service = {VendorCatalog.class, ReadinessCheck.class}, property = ReadinessCheck.PART + "=vendors")
public class VendorRegistry implements VendorCatalog, ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(VendorRegistry.class);

    private final Map<String, VendorProfile> profiles = new ConcurrentHashMap<>();
    private final Map<String, ServicePackageProvider> packageProviders = new ConcurrentHashMap<>();
    private final Map<String, ImplementationServiceCatalog> implementationCatalogs = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProfile(VendorProfile profile) {
        profiles.put(profile.vendorId(), profile);
        LOG.info("Vendor {} ({}) registered, markets {}", profile.vendorId(), profile.name(), profile.markets());
    }

    void unbindProfile(VendorProfile profile) {
        profiles.remove(profile.vendorId(), profile);
        LOG.info("Vendor {} removed", profile.vendorId());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPackages(ServicePackageProvider provider) {
        packageProviders.put(provider.vendorId(), provider);
    }

    void unbindPackages(ServicePackageProvider provider) {
        packageProviders.remove(provider.vendorId(), provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindImplementationCatalog(ImplementationServiceCatalog catalog) {
        implementationCatalogs.put(catalog.vendorId(), catalog);
    }

    void unbindImplementationCatalog(ImplementationServiceCatalog catalog) {
        implementationCatalogs.remove(catalog.vendorId(), catalog);
    }

    @Override
    public ImplementationOffer implementationOffer(String vendorId) {
        profile(vendorId);
        ImplementationServiceCatalog catalog = implementationCatalogs.get(vendorId);
        if (catalog == null) {
            throw DomainException.notFound("implementation services of vendor", vendorId);
        }
        try {
            return new ImplementationOffer(vendorId, List.copyOf(catalog.services()), List.copyOf(catalog.packages()));
        } catch (RuntimeException e) {
            LOG.error("Vendor {} failed to list its implementation services", vendorId, e);
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "vendor " + vendorId + " could not list its implementation services", "vendor", null);
        }
    }

    @Override
    public List<Vendor> vendors() {
        return profiles.values().stream()
                .map(VendorRegistry::toVendor)
                .sorted(Comparator.comparing(Vendor::id))
                .toList();
    }

    @Override
    public Vendor vendor(String vendorId) {
        return toVendor(profile(vendorId));
    }

    @Override
    public List<ServicePackage> packages(String vendorId, String market) {
        VendorProfile profile = profile(vendorId);
        ServicePackageProvider provider = packageProviders.get(vendorId);
        if (provider == null || !profile.markets().contains(market)) {
            return List.of();
        }
        try {
            return List.copyOf(provider.packages(market));
        } catch (RuntimeException e) {
            // a vendor policy that throws must never take the core down
            LOG.error("Vendor {} failed to list packages for {}", vendorId, market, e);
            throw new DomainException(DomainException.Kind.CONFLICT,
                    "vendor " + vendorId + " could not list its packages", "vendor", null);
        }
    }

    private VendorProfile profile(String vendorId) {
        VendorProfile profile = vendorId == null ? null : profiles.get(vendorId);
        if (profile == null) {
            throw DomainException.notFound("vendor", vendorId);
        }
        return profile;
    }

    private static Vendor toVendor(VendorProfile p) {
        return new Vendor(p.vendorId(), p.name(), p.markets(), p.termsVersions(), p.currentTermsVersion());
    }

    @Override
    public boolean up() {
        return true;
    }
}
