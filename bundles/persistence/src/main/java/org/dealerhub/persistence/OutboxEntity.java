package org.dealerhub.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.persistence.api.OutboxMessage;

@Entity(name = "OutboxMessage")
@Table(name = "OUTBOX")
public class OutboxEntity {

    @Id
    @TableGenerator(name = "outbox_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "OUTBOX", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "outbox_ids")
    private long id;
    @Column(name = "CREATED_AT")
    private Instant createdAt;
    private String recipient;
    private String subject;
    private String body;
    private short attempts;
    @Column(name = "NEXT_ATTEMPT")
    private Instant nextAttempt;
    @Column(name = "SENT_AT")
    private Instant sentAt;
    @Column(name = "LAST_ERROR")
    private String lastError;

    protected OutboxEntity() {
    }

    OutboxEntity(String recipient, String subject, String body, Instant at) {
        this.createdAt = at;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.nextAttempt = at;
    }

    void sent(Instant at) {
        sentAt = at;
    }

    void failed(Instant next, String error) {
        attempts++;
        nextAttempt = next;
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }

    OutboxMessage toValue() {
        return new OutboxMessage(id, createdAt, recipient, subject, body, attempts, nextAttempt, sentAt, lastError);
    }
}
