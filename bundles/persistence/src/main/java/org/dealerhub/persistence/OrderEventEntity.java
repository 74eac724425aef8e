package org.dealerhub.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;

/** An entry of an order's audit trail (KMUA-ORDER-2): never changed once written. */
@Entity(name = "OrderEvent")
@Table(name = "ORDER_EVENT")
public class OrderEventEntity {

    @Id
    @TableGenerator(name = "event_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_EVENT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "event_ids")
    private long id;
    @Column(name = "ORDER_ID")
    private long orderId;
    @Column(name = "AT_TIME")
    private Instant at;
    @Column(name = "BY_USER")
    private String by;
    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATE")
    private OrderState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATE")
    private OrderState toState;
    private String what;
    private String reason;

    protected OrderEventEntity() {
    }

    OrderEventEntity(long orderId, ServiceOrder.Event e) {
        this.orderId = orderId;
        this.at = e.at();
        this.by = e.by();
        this.fromState = e.from();
        this.toState = e.to();
        this.what = e.what();
        this.reason = e.reason();
    }

    ServiceOrder.Event toValue() {
        return new ServiceOrder.Event(id, at, by, fromState, toState, what, reason);
    }
}
