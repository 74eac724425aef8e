package org.dealerhub.persistence;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.PortalUser;
import org.dealerhub.persistence.api.PortalUserRepository;

final class JpaPortalUsers implements PortalUserRepository {

    private final EntityManager em;

    JpaPortalUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<PortalUser> list(Caller caller, long organisationId) {
        return current(caller, organisationId, "").stream().map(PortalUserEntity::toValue).toList();
    }

    @Override
    public Optional<PortalUser> find(Caller caller, long organisationId, long id) {
        return entity(caller, organisationId, id).map(PortalUserEntity::toValue);
    }

    @Override
    public PortalUser create(Caller caller, long organisationId, PortalUser.Draft draft, Instant at) {
        organisation(caller, organisationId);
        lockOrganisation(organisationId);
        owned(organisationId, draft.deviceIds());
        PortalUserEntity e = new PortalUserEntity(organisationId, draft, at, caller.user());
        em.persist(e);
        em.flush();
        return e.toValue();
    }

    @Override
    public PortalUser update(Caller caller, long organisationId, long id, long version, PortalUser.Change change) {
        PortalUserEntity e = currentAt(caller, organisationId, id, version);
        owned(organisationId, change.deviceIds());
        e.change(change.role(), change.deviceIds(), change.email());
        em.flush();
        return e.toValue();
    }

    @Override
    public void remove(Caller caller, long organisationId, long id, long version, Instant at) {
        PortalUserEntity e = currentAt(caller, organisationId, id, version);
        e.remove(at, caller.user());
        em.flush();
    }

    @Override
    public List<PortalUser> withEmail(String email) {
        return em.createQuery("SELECT u FROM PortalUser u WHERE LOWER(u.email) = :email AND u.removedAt IS NULL"
                + " ORDER BY u.id", PortalUserEntity.class).setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultList().stream().map(PortalUserEntity::toValue).toList();
    }

    @Override
    public void password(long id, String passwordHash) {
        PortalUserEntity e = em.find(PortalUserEntity.class, id);
        if (e == null || e.removed()) {
            throw DomainException.notFound("user", id);
        }
        e.password(passwordHash);
        em.flush();
    }

    @Override
    public void resetToken(long id, String tokenHash, Instant expires) {
        PortalUserEntity e = em.find(PortalUserEntity.class, id);
        if (e == null || e.removed()) {
            throw DomainException.notFound("user", id);
        }
        e.resetToken(tokenHash, expires);
        em.flush();
    }

    @Override
    public Optional<PortalUser> usePasswordToken(String tokenHash, String passwordHash, Instant now) {
        Optional<PortalUserEntity> found = em.createQuery("SELECT u FROM PortalUser u WHERE u.resetTokenHash = :t"
                + " AND u.removedAt IS NULL", PortalUserEntity.class).setParameter("t", tokenHash).getResultList()
                .stream().findFirst();
        return found.flatMap(e -> {
            // the row lock decides between two uses of one link at once: the second finds the token gone
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
            if (!tokenHash.equals(e.resetTokenHashValue()) || !e.resetTokenValid(now) || e.removed()) {
                return Optional.empty();
            }
            e.password(passwordHash);
            em.flush();
            return Optional.of(e.toValue());
        });
    }

    @Override
    public Optional<Long> loginVersion(String userName) {
        return em.createQuery("SELECT u.version FROM PortalUser u WHERE u.userName = :n AND u.removedAt IS NULL",
                Long.class).setParameter("n", userName).getResultList().stream().findFirst();
    }

    private List<PortalUserEntity> current(Caller caller, long organisationId, String condition) {
        organisation(caller, organisationId);
        return em.createQuery("SELECT u FROM PortalUser u WHERE u.organisationId = :org AND u.removedAt IS NULL"
                + condition + " ORDER BY u.id", PortalUserEntity.class).setParameter("org", organisationId)
                .getResultList();
    }

    private Optional<PortalUserEntity> entity(Caller caller, long organisationId, long id) {
        return current(caller, organisationId, "").stream().filter(u -> u.getId() == id).findFirst();
    }

    private PortalUserEntity currentAt(Caller caller, long organisationId, long id, long version) {
        organisation(caller, organisationId);
        lockOrganisation(organisationId);
        PortalUserEntity e = entity(caller, organisationId, id).orElseThrow(() -> DomainException.notFound("user", id));
        if (e.getVersion() != version) {
            throw DomainException.stale("user", id, version);
        }
        return e;
    }

    /** The organisation must be one the caller reaches (PORTAL-ACCT-1). */
    private void organisation(Caller caller, long organisationId) {
        if (!Scope.reaches(caller, organisationId) || em.find(OrganisationEntity.class, organisationId) == null) {
            throw DomainException.notFound("organisation", organisationId);
        }
    }

    /**
     * Writes of one organisation's users are decided one after the other: the organisation's row lock, held until
     * the unit of work ends (PORTAL-ROLE-5: two Administrators demoting each other at once cannot leave none).
     */
    private void lockOrganisation(long organisationId) {
        em.find(OrganisationEntity.class, organisationId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** PORTAL-ROLE-2: a user is assigned devices its organisation owns now. */
    private void owned(long organisationId, List<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return;
        }
        List<Long> owned = em.createQuery("SELECT h.deviceId FROM DeviceOwnership h WHERE h.deviceId IN :ids"
                + " AND h.organisationId = :org AND h.ownedTo IS NULL", Long.class)
                .setParameter("ids", deviceIds).setParameter("org", organisationId).getResultList();
        if (!new HashSet<>(owned).containsAll(deviceIds)) {
            throw DomainException.invalid("deviceIds", "a user is assigned only devices its organisation owns now");
        }
    }
}
