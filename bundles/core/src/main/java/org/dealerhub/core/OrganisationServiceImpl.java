package org.dealerhub.core;

import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.OrganisationService;
import org.dealerhub.persistence.OrganisationEntity;
import org.dealerhub.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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
        return store.read(em -> {
            if (caller.isDealer()) {
                return em.createQuery("SELECT o FROM Organisation o ORDER BY o.id", OrganisationEntity.class)
                        .getResultList().stream().map(OrganisationEntity::toValue).toList();
            }
            Long own = Access.ownOrganisation(em, caller);
            return own == null ? List.<Organisation>of() : List.of(em.find(OrganisationEntity.class, own).toValue());
        });
    }

    @Override
    public Organisation get(Caller caller, long id) {
        return store.read(em -> find(em, caller, id).toValue());
    }

    @Override
    public Organisation create(Caller caller, Organisation.Draft draft) {
        Access.requireDealer(caller);
        Organisation.Draft valid = validate(draft);
        return store.tx(em -> {
            requireUniqueAccounts(em, valid, -1);
            OrganisationEntity e = new OrganisationEntity();
            e.apply(valid);
            em.persist(e);
            em.flush();
            return e.toValue();
        });
    }

    @Override
    public Organisation update(Caller caller, long id, Organisation.Draft draft) {
        Organisation.Draft valid = validate(draft);
        return store.tx(em -> {
            OrganisationEntity e = find(em, caller, id);
            Access.requireDealer(caller);
            requireUniqueAccounts(em, valid, id);
            e.apply(valid);
            return e.toValue();
        });
    }

    @Override
    public void delete(Caller caller, long id) {
        store.tx(em -> {
            OrganisationEntity e = find(em, caller, id);
            Access.requireAdmin(caller, "delete");
            long devices = em.createQuery("SELECT COUNT(d) FROM Device d WHERE d.organisationId = :o", Long.class)
                    .setParameter("o", id).getSingleResult();
            long contracts = em.createQuery("SELECT COUNT(c) FROM Contract c WHERE c.organisationId = :o",
                    Long.class).setParameter("o", id).getSingleResult();
            if (devices + contracts > 0) {
                throw DomainException.conflict("id", "organisation " + id + " still has " + devices
                        + " devices and " + contracts + " contracts");
            }
            em.remove(e);
            return null;
        });
    }

    private static OrganisationEntity find(javax.persistence.EntityManager em, Caller caller, long id) {
        OrganisationEntity e = em.find(OrganisationEntity.class, id);
        if (e == null || !Access.sees(em, caller, id)) {
            throw DomainException.notFound("organisation", id);
        }
        return e;
    }

    /** PORTAL-ACCT-1: both account numbers are required and each identifies one organisation. */
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

    private static void requireUniqueAccounts(javax.persistence.EntityManager em, Organisation.Draft d, long self) {
        List<Long> customer = em.createQuery(
                "SELECT o.id FROM Organisation o WHERE o.customerAccount = :a AND o.id <> :self", Long.class)
                .setParameter("a", d.customerAccountNumber()).setParameter("self", self).getResultList();
        if (!customer.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "customer account number "
                    + d.customerAccountNumber() + " is already in use", "customerAccountNumber", "PORTAL-ACCT-1");
        }
        List<Long> system = em.createQuery(
                "SELECT o.id FROM Organisation o WHERE o.systemAccount = :a AND o.id <> :self", Long.class)
                .setParameter("a", d.systemAccountNumber()).setParameter("self", self).getResultList();
        if (!system.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "system account number "
                    + d.systemAccountNumber() + " is already in use", "systemAccountNumber", "PORTAL-ACCT-1");
        }
    }
}
