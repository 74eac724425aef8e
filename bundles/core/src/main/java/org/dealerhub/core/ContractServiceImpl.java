package org.dealerhub.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.ContractService;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.persistence.ContractEntity;
import org.dealerhub.persistence.DeviceEntity;
import org.dealerhub.persistence.OrganisationEntity;
import org.dealerhub.persistence.Store;
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
@Component
public class ContractServiceImpl implements ContractService {

    /** The most devices one contract covers (platform decision: far above any customer's fleet). */
    static final int MAX_DEVICES = 10_000;

    private final Store store;
    private final VendorCatalog vendors;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock = Clock.systemUTC();

    @Activate
    public ContractServiceImpl(@Reference Store store, @Reference VendorCatalog vendors) {
        this.store = store;
        this.vendors = vendors;
    }

    @Override
    public List<Contract> list(Caller caller) {
        return store.read(em -> {
            if (caller.isDealer()) {
                return em.createQuery("SELECT c FROM Contract c ORDER BY c.id", ContractEntity.class)
                        .getResultList().stream().map(publications(em)).toList();
            }
            Long own = Access.ownOrganisation(em, caller);
            return em.createQuery("SELECT c FROM Contract c WHERE c.organisationId = :o ORDER BY c.id",
                    ContractEntity.class).setParameter("o", own == null ? -1L : own)
                    .getResultList().stream().map(publications(em)).toList();
        });
    }

    @Override
    public Contract get(Caller caller, long id) {
        return store.read(em -> toValue(em, find(em, caller, id)));
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
        return store.tx(em -> {
            if (em.find(OrganisationEntity.class, organisationId) == null) {
                throw DomainException.invalid("organisationId", "organisation " + organisationId
                        + " does not exist");
            }
            List<Long> devices = validDevices(em, organisationId, draft.deviceIds());
            ContractEntity e = new ContractEntity(organisationId, vendorId, market, packageCode,
                    vendor.currentTermsVersion(), snapshot, clock.instant());
            e.amend(draft.start(), draft.end(), devices);
            em.persist(e);
            em.flush();
            return toValue(em, e);
        });
    }

    /**
     * A full replacement, like every PUT: only the period and the devices change, so vendor, market, package and
     * organisation must be sent as signed; a missing {@code end} or {@code deviceIds} clears them.
     */
    @Override
    public Contract update(Caller caller, long id, Contract.Draft draft) {
        Checks.draft(draft);
        long organisationId = Checks.id(draft.organisationId(), "organisationId");
        String vendor = Checks.text(draft.vendor(), "vendor", 60);
        String market = Checks.text(draft.market(), "market", 8);
        String packageCode = Checks.text(draft.packageCode(), "packageCode", 60);
        validatePeriod(draft);
        return store.tx(em -> {
            ContractEntity e = find(em, caller, id);
            Access.requireDealer(caller);
            requireUnchanged("vendor", vendor, e.getVendor());
            requireUnchanged("market", market, e.getMarket());
            requireUnchanged("packageCode", packageCode, e.getPackageCode());
            if (organisationId != e.getOrganisationId()) {
                throw DomainException.invalid("organisationId", "a contract cannot move to another organisation");
            }
            e.amend(draft.start(), draft.end(), validDevices(em, e.getOrganisationId(), draft.deviceIds()));
            return toValue(em, e);
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        store.tx(em -> {
            ContractEntity e = find(em, caller, id);
            Access.requireAdmin(caller, "delete");
            em.remove(e);
            return null;
        });
    }

    private Vendor deployedVendor(String vendorId) {
        try {
            return vendors.vendor(vendorId);
        } catch (DomainException e) {
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

    private static List<Long> validDevices(EntityManager em, long organisationId, List<Long> deviceIds) {
        List<Long> ids = deviceIds == null ? List.of() : deviceIds.stream().distinct().toList();
        for (Long deviceId : ids) {
            DeviceEntity device = deviceId == null ? null : em.find(DeviceEntity.class, deviceId);
            if (device == null || device.getOrganisationId() != organisationId) {
                throw DomainException.invalid("deviceIds", "device " + deviceId + " is not a device of organisation "
                        + organisationId);
            }
        }
        return ids;
    }

    private static ContractEntity find(EntityManager em, Caller caller, long id) {
        ContractEntity e = em.find(ContractEntity.class, id);
        if (e == null || !Access.sees(em, caller, e.getOrganisationId())) {
            throw DomainException.notFound("contract", id);
        }
        return e;
    }

    /** Contracts to values, reading each vendor's terms publications once. */
    private java.util.function.Function<ContractEntity, Contract> publications(EntityManager em) {
        Map<String, List<TermsPublication>> byVendor = new HashMap<>();
        return e -> toValue(byVendor.computeIfAbsent(e.getVendor(), v -> TermsServiceImpl.publications(em, v)), e);
    }

    private Contract toValue(EntityManager em, ContractEntity e) {
        return toValue(TermsServiceImpl.publications(em, e.getVendor()), e);
    }

    private Contract toValue(List<TermsPublication> publications, ContractEntity e) {
        String effective = EffectiveTerms.on(LocalDate.now(clock), e.getTermsVersion(), e.getSignedAt(),
                publications);
        return new Contract(e.getId(), e.getOrganisationId(), e.getVendor(), e.getMarket(), e.getPackageCode(),
                e.getStartDate(), e.getEndDate(), e.getDeviceIds(), e.getTermsVersion(), effective,
                read(e.getPackageSnapshot()), e.getSignedAt());
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
