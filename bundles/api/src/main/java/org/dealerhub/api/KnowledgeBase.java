package org.dealerhub.api;

/**
 * Knowledge articles: written by dealer staff (deleted by dealer administrators), read by every authenticated user,
 * including the self-service role, which can do nothing else (PORTAL-ROLE-4). A write names the version it read.
 */
public interface KnowledgeBase {

    /** The matching articles, newest change first. */
    KnowledgeArticle.Page search(Caller caller, KnowledgeArticle.Query query);

    KnowledgeArticle get(Caller caller, long id);

    KnowledgeArticle create(Caller caller, KnowledgeArticle.Draft draft);

    KnowledgeArticle update(Caller caller, long id, long version, KnowledgeArticle.Draft draft);

    void delete(Caller caller, long id, long version);
}
