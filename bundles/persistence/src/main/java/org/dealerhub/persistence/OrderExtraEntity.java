package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.OrderExtras;

/** KMUA-EXTRA-1: a paid extra for one order or for a contract's period. */
@Entity(name = "OrderExtra")
@Table(name = "ORDER_EXTRA")
public class OrderExtraEntity {

    @Id
    @TableGenerator(name = "extra_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_EXTRA", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "extra_ids")
    private long id;
    @Column(name = "CONTRACT_ID")
    long contractId;
    @Column(name = "ORDER_ID")
    private Long orderId;
    @Enumerated(EnumType.STRING)
    private OrderExtras.Code code;
    @Column(name = "REACTION_HOURS")
    private BigDecimal reactionHours;
    @Column(name = "SERVICE_HOURS")
    private String serviceHours;
    @Column(name = "VALID_FROM")
    private LocalDate validFrom;
    @Column(name = "VALID_TO")
    private LocalDate validTo;
    @Column(name = "ORDERED_AT")
    private Instant orderedAt;
    @Column(name = "ORDERED_BY")
    private String orderedBy;
    @Column(name = "PRICE_ITEM")
    private String item;

    protected OrderExtraEntity() {
    }

    OrderExtraEntity(OrderExtras.Extra e) {
        contractId = e.contractId();
        orderId = e.orderId();
        code = e.code();
        reactionHours = e.reactionHours();
        serviceHours = e.serviceHours();
        validFrom = e.from();
        validTo = e.to();
        orderedAt = e.orderedAt();
        orderedBy = e.orderedBy();
        item = e.item();
    }

    OrderExtras.Extra toValue() {
        return new OrderExtras.Extra(id, contractId, orderId, code, reactionHours, serviceHours, validFrom, validTo,
                orderedAt, orderedBy, item);
    }
}
