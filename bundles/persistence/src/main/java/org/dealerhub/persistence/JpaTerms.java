package org.dealerhub.persistence;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.dealerhub.api.TermsPublication;
import org.dealerhub.persistence.api.TermsRepository;

final class JpaTerms implements TermsRepository {

    private final EntityManager em;

    JpaTerms(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<TermsPublication> publications(String vendor) {
        return em.createQuery("SELECT p FROM TermsPublication p WHERE p.vendor = :v ORDER BY p.effectiveFrom",
                TermsPublicationEntity.class).setParameter("v", vendor).getResultList().stream()
                .map(TermsPublicationEntity::toValue).toList();
    }

    @Override
    public TermsPublication publish(String vendor, TermsPublication.Draft draft, Instant publishedAt,
            String publishedBy) {
        TermsPublicationEntity e = new TermsPublicationEntity(vendor, draft.version(), draft.effectiveFrom(),
                publishedAt, publishedBy);
        em.persist(e);
        em.flush();
        return e.toValue();
    }
}
