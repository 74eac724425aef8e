package org.dealerhub.persistence;

import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.ContractRepository;
import org.dealerhub.persistence.api.StoredContract;

final class JpaContracts extends VersionedRecords<ContractEntity, StoredContract> implements ContractRepository {

    JpaContracts(EntityManager em) {
        super(em, ContractEntity.class, "contract",
                "SELECT x FROM Contract x WHERE (:scope = -1 OR x.organisationId = :scope)"
                        // PORTAL-ROLE-2: a device manager sees the contracts of its assigned devices
                        + " AND (:restricted = 0 OR EXISTS (SELECT c FROM Contract c JOIN c.deviceIds cd,"
                        + " PortalUser pu JOIN pu.deviceIds pd WHERE c.id = x.id AND pu.userName = :assignee"
                        + " AND pu.removedAt IS NULL AND pd = cd))");
    }

    @Override
    StoredContract value(ContractEntity e) {
        return e.toValue();
    }

    @Override
    public StoredContract create(Caller caller, StoredContract contract) {
        if (!Scope.reaches(caller, contract.organisationId())) {
            throw DomainException.invalid("organisationId", "organisation " + contract.organisationId()
                    + " does not exist");
        }
        ContractEntity e = new ContractEntity(contract);
        em.persist(e);
        return flushed(e);
    }

    @Override
    public StoredContract amend(Caller caller, long id, long version, LocalDate start, LocalDate end,
            List<Long> deviceIds) {
        ContractEntity e = current(caller, id, version);
        e.amend(start, end, deviceIds);
        return flushed(e);
    }

    @Override
    public List<StoredContract> ofVendor(Caller caller, String vendor) {
        return where(caller, "x.vendor = :v", "v", vendor).stream().map(ContractEntity::toValue).toList();
    }

    @Override
    public List<StoredContract> withDevice(Caller caller, long deviceId) {
        return where(caller, ":d MEMBER OF x.deviceIds", "d", deviceId).stream().map(ContractEntity::toValue)
                .toList();
    }

    @Override
    String references(ContractEntity e) {
        return null;
    }
}
