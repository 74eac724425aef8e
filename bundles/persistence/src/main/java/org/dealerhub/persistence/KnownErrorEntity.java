package org.dealerhub.persistence;

import java.time.Instant;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

import org.dealerhub.api.SoftwareSupport;

/** KMUA-SW-4: a known error; {@code fixReleasedAt} is null while its fix is under way. */
@Entity(name = "KnownError")
@Table(name = "KNOWN_ERROR")
public class KnownErrorEntity implements Versioned {

    @Id
    @TableGenerator(name = "known_error_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "KNOWN_ERROR", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "known_error_ids")
    private long id;
    private String title;
    private String description;
    @Column(name = "OPENED_AT")
    private Instant openedAt;
    @Column(name = "OPENED_BY")
    private String openedBy;
    @Column(name = "FIX_RELEASED_AT")
    private Instant fixReleasedAt;
    @Version
    private long version;

    protected KnownErrorEntity() {
    }

    KnownErrorEntity(String title, String description, Instant openedAt, String openedBy) {
        this.title = title;
        this.description = description;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    void release(Instant at) {
        fixReleasedAt = at;
    }

    SoftwareSupport.KnownError toValue(List<Long> linked) {
        return new SoftwareSupport.KnownError(id, title, description, openedAt, openedBy, fixReleasedAt, linked,
                version);
    }
}
