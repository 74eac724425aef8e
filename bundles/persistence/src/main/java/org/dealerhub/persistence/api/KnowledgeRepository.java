package org.dealerhub.persistence.api;

import java.time.Instant;
import java.util.Optional;

import org.dealerhub.api.KnowledgeArticle;

/** Knowledge articles (PORTAL-ROLE-4): no organisation's data, so no scope; who may write is the core's call. */
public interface KnowledgeRepository {

    /** The matching articles, newest change first, with how many match in all. */
    KnowledgeArticle.Page search(KnowledgeArticle.Query query);

    Optional<KnowledgeArticle> find(long id);

    KnowledgeArticle create(KnowledgeArticle.Draft draft, Instant at, String by);

    /** Replaces an article still at {@code version} (else PRECONDITION_FAILED; NOT_FOUND when gone). */
    KnowledgeArticle update(long id, long version, KnowledgeArticle.Draft draft, Instant at, String by);

    void delete(long id, long version);
}
