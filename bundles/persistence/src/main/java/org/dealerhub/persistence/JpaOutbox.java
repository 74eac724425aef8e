package org.dealerhub.persistence;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.dealerhub.api.DomainException;
import org.dealerhub.persistence.api.Outbox;
import org.dealerhub.persistence.api.OutboxMessage;

final class JpaOutbox implements Outbox {

    private final EntityManager em;

    JpaOutbox(EntityManager em) {
        this.em = em;
    }

    @Override
    public OutboxMessage enqueue(String recipient, String subject, String body, Instant at) {
        OutboxEntity e = new OutboxEntity(recipient, subject, body, at);
        em.persist(e);
        em.flush();
        return e.toValue();
    }

    @Override
    public List<OutboxMessage> due(Instant now, int max) {
        return em.createQuery("SELECT m FROM OutboxMessage m WHERE m.sentAt IS NULL AND m.nextAttempt <= :now"
                + " ORDER BY m.id", OutboxEntity.class).setParameter("now", now).setMaxResults(max)
                .getResultList().stream().map(OutboxEntity::toValue).toList();
    }

    @Override
    public void sent(long id, Instant at) {
        find(id).sent(at);
        em.flush();
    }

    @Override
    public void failed(long id, Instant nextAttempt, String error) {
        find(id).failed(nextAttempt, error);
        em.flush();
    }

    @Override
    public List<OutboxMessage> all() {
        return em.createQuery("SELECT m FROM OutboxMessage m ORDER BY m.id", OutboxEntity.class).getResultList()
                .stream().map(OutboxEntity::toValue).toList();
    }

    private OutboxEntity find(long id) {
        OutboxEntity e = em.find(OutboxEntity.class, id);
        if (e == null) {
            throw DomainException.notFound("outbox message", id);
        }
        return e;
    }
}
