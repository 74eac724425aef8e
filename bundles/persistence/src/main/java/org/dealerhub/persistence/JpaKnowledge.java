package org.dealerhub.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.persistence.api.KnowledgeRepository;

final class JpaKnowledge implements KnowledgeRepository {

    private final EntityManager em;

    JpaKnowledge(EntityManager em) {
        this.em = em;
    }

    @Override
    public KnowledgeArticle.Page search(KnowledgeArticle.Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (q.text() != null) {
            where.append(" AND (LOWER(a.title) LIKE :text ESCAPE '!' OR LOWER(a.body) LIKE :text ESCAPE '!')");
            parameters.put("text", "%" + q.text().toLowerCase(Locale.ROOT).replaceAll("([!%_])", "!$1") + "%");
        }
        if (q.tag() != null) {
            where.append(" AND a.id IN (SELECT k.id FROM KnowledgeArticle k JOIN k.tags t WHERE t = :tag)");
            parameters.put("tag", q.tag());
        }
        if (q.language() != null) {
            where.append(" AND a.language = :language");
            parameters.put("language", q.language());
        }
        TypedQuery<KnowledgeArticleEntity> page = em.createQuery("SELECT a FROM KnowledgeArticle a" + where
                + " ORDER BY a.updatedAt DESC, a.id DESC", KnowledgeArticleEntity.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM KnowledgeArticle a" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<KnowledgeArticle> found = page.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList()
                .stream().map(KnowledgeArticleEntity::toValue).toList();
        return new KnowledgeArticle.Page(found, count.getSingleResult(), q.offset(), q.limit());
    }

    @Override
    public Optional<KnowledgeArticle> find(long id) {
        return Optional.ofNullable(em.find(KnowledgeArticleEntity.class, id)).map(KnowledgeArticleEntity::toValue);
    }

    @Override
    public KnowledgeArticle create(KnowledgeArticle.Draft draft, Instant at, String by) {
        KnowledgeArticleEntity e = new KnowledgeArticleEntity(draft, at, by);
        em.persist(e);
        em.flush();
        return e.toValue();
    }

    @Override
    public KnowledgeArticle update(long id, long version, KnowledgeArticle.Draft draft, Instant at, String by) {
        KnowledgeArticleEntity e = current(id, version);
        e.apply(draft, at, by);
        em.flush();
        return e.toValue();
    }

    @Override
    public void delete(long id, long version) {
        em.remove(current(id, version));
        em.flush();
    }

    /** The article (else NOT_FOUND), locked, if still at {@code version} (else PRECONDITION_FAILED). */
    private KnowledgeArticleEntity current(long id, long version) {
        KnowledgeArticleEntity e = em.find(KnowledgeArticleEntity.class, id, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        if (e == null) {
            throw DomainException.notFound("article", id);
        }
        if (e.getVersion() != version) {
            throw DomainException.stale("article", id, version);
        }
        return e;
    }
}
