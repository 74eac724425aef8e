package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.dealerhub.api.CreditStatus;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.AccountRecords;

final class JpaAccounts implements AccountRecords {

    private final EntityManager em;

    JpaAccounts(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<CreditStatus.Invoiced> invoiced(long organisationId) {
        return em.createQuery("SELECT i.currency, COUNT(i), SUM(i.net), SUM(i.vat), SUM(i.gross) FROM Invoice i"
                + " WHERE i.organisationId = :o GROUP BY i.currency ORDER BY i.currency", Object[].class)
                .setParameter("o", organisationId).getResultList().stream()
                .map(r -> new CreditStatus.Invoiced(Currency.getInstance((String) r[0]), ((Number) r[1]).longValue(),
                        (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4]))
                .toList();
    }

    @Override
    public Optional<LocalDate> lastIssued(long organisationId) {
        return Optional.ofNullable(em.createQuery("SELECT MAX(i.issued) FROM Invoice i WHERE i.organisationId = :o",
                LocalDate.class).setParameter("o", organisationId).getSingleResult());
    }

    @Override
    public List<Long> debtHolds(long organisationId) {
        return em.createQuery("SELECT DISTINCT o.id FROM ServiceOrder o, OrderPause p WHERE p.orderId = o.id"
                + " AND o.organisationId = :o AND p.reason = :debt AND p.pausedTo IS NULL AND o.state NOT IN :closed"
                + " ORDER BY o.id", Long.class).setParameter("o", organisationId)
                .setParameter("debt", ServiceOrder.PauseReason.DEBT)
                .setParameter("closed", List.of(OrderState.CLOSED, OrderState.CANCELLED)).getResultList();
    }
}
