package org.dealerhub.core;

import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Organisations. PORTAL-ACCT-1: each account number identifies one organisation (a unique constraint). */
@Component
public class OrganisationServiceImpl implements OrganisationService {

    private final Store store;
    private final MarketService markets;

    @Activate
    public OrganisationServiceImpl(@Reference Store store, @Reference MarketService markets) {
        this.store = store;
        this.markets = markets;
    }

    @Override
    public List<Organisation> list(Caller caller) {
        return store.read(r -> r.organisations().list(caller));
    }

    @Override
    public Organisation get(Caller caller, long id) {
        return store.read(r -> r.organisations().find(caller, id))
                .orElseThrow(() -> DomainException.notFound("organisation", id));
    }

    @Override
    public Organisation create(Caller caller, Organisation.Draft draft) {
        Access.requireDealer(caller);
        Organisation.Draft valid = validate(draft);
        return store.tx(r -> r.organisations().create(caller, valid));
    }

    @Override
    public Organisation update(Caller caller, long id, long version, Organisation.Draft draft) {
        Organisation.Draft valid = validate(draft);
        return store.tx(r -> {
            r.organisations().find(caller, id).orElseThrow(() -> DomainException.notFound("organisation", id));
            Access.requireDealer(caller);
            return r.organisations().update(caller, id, version, valid);
        });
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        store.tx(r -> {
            r.organisations().find(caller, id).orElseThrow(() -> DomainException.notFound("organisation", id));
            Access.requireAdmin(caller, "delete");
            r.organisations().delete(caller, id, version);
            return null;
        });
    }

    /** PORTAL-ACCT-1: both account numbers are required. */
    private Organisation.Draft validate(Organisation.Draft draft) {
        Checks.draft(draft);
        String market = Checks.text(draft.market(), "market", 8);
        if (markets.market(market).isEmpty()) {
            throw DomainException.invalid("market", "unknown market " + market);
        }
        return new Organisation.Draft(Checks.text(draft.name(), "name", 200),
                Checks.text(draft.customerAccountNumber(), "customerAccountNumber", 40),
                Checks.text(draft.systemAccountNumber(), "systemAccountNumber", 40), market);
    }
}
