package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.TermsPublication;

@Entity(name = "TermsPublication")
@Table(name = "TERMS_PUBLICATION")
public class TermsPublicationEntity {

    @Id
    @TableGenerator(name = "terms_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "TERMS_PUBLICATION", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terms_ids")
    private long id;
    private String vendor;
    private String version;
    @Column(name = "EFFECTIVE_FROM")
    private LocalDate effectiveFrom;
    @Column(name = "PUBLISHED_AT")
    private Instant publishedAt;
    @Column(name = "PUBLISHED_BY")
    private String publishedBy;

    protected TermsPublicationEntity() {
    }

    public TermsPublicationEntity(String vendor, String version, LocalDate effectiveFrom, Instant publishedAt,
            String publishedBy) {
        this.vendor = vendor;
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public TermsPublication toValue() {
        return new TermsPublication(id, vendor, version, effectiveFrom, publishedAt, publishedBy);
    }
}
