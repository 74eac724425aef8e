package org.dealerhub.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.TermsService;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.persistence.ContractEntity;
import org.dealerhub.persistence.Store;
import org.dealerhub.persistence.TermsPublicationEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Publishing terms versions (KMNO-TERMS-1), and showing first what a publication would change. */
@Component
public class TermsServiceImpl implements TermsService {

    private final Store store;
    private final VendorCatalog vendors;
    private final Clock clock;

    @Activate
    public TermsServiceImpl(@Reference Store store, @Reference VendorCatalog vendors) {
        this(store, vendors, Clock.systemUTC());
    }

    TermsServiceImpl(Store store, VendorCatalog vendors, Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.clock = clock;
    }

    @Override
    public TermsPublication publish(Caller caller, String vendor, TermsPublication.Draft draft) {
        Access.requireAdmin(caller, "publish terms");
        TermsPublication.Draft valid = validate(vendor, draft);
        return store.tx(em -> {
            if (!publications(em, vendor).stream().filter(p -> p.version().equals(valid.version())).toList()
                    .isEmpty()) {
                throw new DomainException(DomainException.Kind.CONFLICT, "terms version " + valid.version()
                        + " of " + vendor + " is already published", "version", "KMNO-TERMS-1");
            }
            TermsPublicationEntity e = new TermsPublicationEntity(vendor, valid.version(), valid.effectiveFrom(),
                    clock.instant(), caller.user());
            em.persist(e);
            em.flush();
            return e.toValue();
        });
    }

    @Override
    public List<TermsPublication> publications(Caller caller, String vendor) {
        Access.requireDealer(caller);
        return store.read(em -> publications(em, vendor));
    }

    @Override
    public List<TermsPublication.Change> preview(Caller caller, String vendor, TermsPublication.Draft draft) {
        Access.requireDealer(caller);
        TermsPublication.Draft valid = validate(vendor, draft);
        return store.read(em -> {
            List<TermsPublication> published = publications(em, vendor);
            return em.createQuery("SELECT c FROM Contract c WHERE c.vendor = :v ORDER BY c.id", ContractEntity.class)
                    .setParameter("v", vendor).getResultList().stream()
                    .filter(c -> c.getEndDate() == null || !c.getEndDate().isBefore(valid.effectiveFrom()))
                    .map(c -> new TermsPublication.Change(c.getId(), c.getOrganisationId(), c.getPackageCode(),
                            EffectiveTerms.on(valid.effectiveFrom(), c.getTermsVersion(), c.getSignedAt(), published),
                            valid.version(), valid.effectiveFrom()))
                    .filter(change -> !change.fromVersion().equals(change.toVersion()))
                    .toList();
        });
    }

    static List<TermsPublication> publications(EntityManager em, String vendor) {
        return em.createQuery("SELECT p FROM TermsPublication p WHERE p.vendor = :v ORDER BY p.effectiveFrom",
                TermsPublicationEntity.class).setParameter("v", vendor).getResultList().stream()
                .map(TermsPublicationEntity::toValue).toList();
    }

    private TermsPublication.Draft validate(String vendorId, TermsPublication.Draft draft) {
        Checks.draft(draft);
        Vendor vendor = vendors.vendor(vendorId);
        String version = Checks.text(draft.version(), "version", 40);
        // platform decision: only the vendor's newest version is published, so a publication never moves a
        // contract back to older terms
        if (!vendor.currentTermsVersion().equals(version)) {
            throw DomainException.invalid("version", "only the newest terms version of " + vendorId + " ("
                    + vendor.currentTermsVersion() + ") can be published");
        }
        LocalDate effective = Checks.date(Checks.required(draft.effectiveFrom(), "effectiveFrom"), "effectiveFrom");
        LocalDate earliest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(EffectiveTerms.NOTICE_DAYS);
        // KMNO-TERMS-1: terms change with at least 30 days' notice
        if (effective.isBefore(earliest)) {
            throw DomainException.rule("KMNO-TERMS-1", "effectiveFrom", "terms change with at least "
                    + EffectiveTerms.NOTICE_DAYS + " days' notice: the earliest effective date is " + earliest);
        }
        return new TermsPublication.Draft(version, effective);
    }
}
