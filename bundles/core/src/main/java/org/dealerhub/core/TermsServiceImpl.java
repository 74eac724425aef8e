package org.dealerhub.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.TermsPublication;
import org.dealerhub.api.TermsService;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;
import org.dealerhub.persistence.api.Store;
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
    public TermsServiceImpl(@Reference Store store, @Reference VendorCatalog vendors, @Reference Clock clock) {
        this.store = store;
        this.vendors = vendors;
        this.clock = clock;
    }

    @Override
    public TermsPublication publish(Caller caller, String vendor, TermsPublication.Draft draft) {
        Access.requireAdmin(caller, "publish terms");
        TermsPublication.Draft valid = validate(vendor, draft);
        // KMNO-TERMS-1: a version is published once (a unique constraint)
        return store.tx(r -> r.terms().publish(vendor, valid, clock.instant(), caller.user()));
    }

    @Override
    public List<TermsPublication> publications(Caller caller, String vendor) {
        Access.requireDealer(caller);
        return store.read(r -> r.terms().publications(vendor));
    }

    @Override
    public List<TermsPublication.Change> preview(Caller caller, String vendor, TermsPublication.Draft draft) {
        Access.requireDealer(caller);
        TermsPublication.Draft valid = validate(vendor, draft);
        return store.read(r -> {
            List<TermsPublication> published = r.terms().publications(vendor);
            return r.contracts().ofVendor(caller, vendor).stream()
                    .filter(c -> c.runsOnOrAfter(valid.effectiveFrom()))
                    .map(c -> new TermsPublication.Change(c.id(), c.organisationId(), c.packageCode(),
                            EffectiveTerms.on(valid.effectiveFrom(), c.termsVersion(), c.signedAt(), published),
                            valid.version(), valid.effectiveFrom()))
                    .filter(change -> !change.fromVersion().equals(change.toVersion()))
                    .toList();
        });
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
