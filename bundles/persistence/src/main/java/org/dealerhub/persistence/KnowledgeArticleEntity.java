package org.dealerhub.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.api.KnowledgeArticle;

@Entity(name = "KnowledgeArticle")
@Table(name = "KNOWLEDGE_ARTICLE")
public class KnowledgeArticleEntity implements Versioned {

    @Id
    @TableGenerator(name = "knowledge_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "KNOWLEDGE_ARTICLE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "knowledge_ids")
    private long id;
    private String title;
    private String body;
    private String language;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "KNOWLEDGE_TAG", joinColumns = @JoinColumn(name = "ARTICLE_ID"))
    @Column(name = "TAG")
    private List<String> tags = new ArrayList<>();
    @Column(name = "CREATED_AT")
    private Instant createdAt;
    @Column(name = "CREATED_BY")
    private String createdBy;
    @Column(name = "UPDATED_AT")
    private Instant updatedAt;
    @Column(name = "UPDATED_BY")
    private String updatedBy;
    @Version
    private long version;

    protected KnowledgeArticleEntity() {
    }

    KnowledgeArticleEntity(KnowledgeArticle.Draft d, Instant at, String by) {
        createdAt = at;
        createdBy = by;
        apply(d, at, by);
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    void apply(KnowledgeArticle.Draft d, Instant at, String by) {
        title = d.title();
        body = d.body();
        language = d.language();
        tags.clear();
        tags.addAll(d.tags());
        updatedAt = at;
        updatedBy = by;
    }

    KnowledgeArticle toValue() {
        return new KnowledgeArticle(id, title, body, language, tags.stream().sorted().toList(), createdAt, createdBy,
                updatedAt, updatedBy, version);
    }
}
