package org.dealerhub.api;

import java.time.Instant;
import java.util.List;

/**
 * A knowledge-base article (PORTAL-ROLE-4: what a self-service user reads). The body is plain text (blank lines
 * separate paragraphs): front ends escape it, so it can carry no markup or script.
 *
 * @param language an IETF tag: {@code nb}, {@code da}, {@code uk}, {@code en}
 * @param tags lower-case tags such as a vendor id ({@code canon}) or a model ({@code imagerunner-c3226})
 */
public record KnowledgeArticle(long id, String title, String body, String language, List<String> tags,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    public KnowledgeArticle {
        tags = List.copyOf(tags);
    }

    public record Draft(String title, String body, String language, List<String> tags) {
    }

    /**
     * A search: articles containing {@code text} (in title or body, any case) and carrying {@code tag}, in
     * {@code language}; null matches any.
     */
    public record Query(String text, String tag, String language, int offset, int limit) {
    }

    /** One page of a search, and how many articles match in all. */
    public record Page(List<KnowledgeArticle> articles, long total, int offset, int limit) {

        public Page {
            articles = List.copyOf(articles);
        }
    }
}
