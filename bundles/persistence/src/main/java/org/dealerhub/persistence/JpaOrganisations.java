package org.dealerhub.persistence;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Organisation;
import org.dealerhub.persistence.api.OrganisationRepository;

final class JpaOrganisations extends VersionedRecords<OrganisationEntity, Organisation>
        implements OrganisationRepository {

    JpaOrganisations(EntityManager em) {
        super(em, OrganisationEntity.class, "organisation",
                "SELECT x FROM Organisation x WHERE (:scope = -1 OR x.id = :scope)");
    }

    @Override
    Organisation value(OrganisationEntity e) {
        return e.toValue();
    }

    @Override
    public Organisation create(Caller caller, Organisation.Draft draft) {
        if (Scope.of(caller) != Scope.ALL) {
            throw DomainException.forbidden("only dealer users may add organisations");
        }
        OrganisationEntity e = new OrganisationEntity();
        e.apply(draft);
        em.persist(e);
        return flushed(e);
    }

    @Override
    public Organisation update(Caller caller, long id, long version, Organisation.Draft draft) {
        OrganisationEntity e = current(caller, id, version);
        e.apply(draft);
        return flushed(e);
    }

    @Override
    String references(OrganisationEntity e) {
        long devices = count("SELECT COUNT(DISTINCT h.deviceId) FROM DeviceOwnership h WHERE h.organisationId = :id",
                e.getId());
        long contracts = count("SELECT COUNT(c) FROM Contract c WHERE c.organisationId = :id", e.getId());
        return devices + contracts == 0 ? null
                : "still has " + devices + " devices (now or before) and " + contracts + " contracts";
    }
}
