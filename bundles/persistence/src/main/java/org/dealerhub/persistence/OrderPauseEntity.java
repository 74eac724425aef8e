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

import org.dealerhub.api.ServiceOrder;

/** A pause of an order's clock, from {@code pausedFrom} to {@code pausedTo} (null while it lasts). */
@Entity(name = "OrderPause")
@Table(name = "ORDER_PAUSE")
public class OrderPauseEntity {

    @Id
    @TableGenerator(name = "pause_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_PAUSE", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "pause_ids")
    private long id;
    @Column(name = "ORDER_ID")
    private long orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "REASON_KIND")
    private ServiceOrder.PauseReason reason;
    private String note;
    @Column(name = "PAUSED_FROM")
    private Instant pausedFrom;
    @Column(name = "PAUSED_TO")
    private Instant pausedTo;

    protected OrderPauseEntity() {
    }

    OrderPauseEntity(long orderId, ServiceOrder.PauseReason reason, String note, Instant from) {
        this.orderId = orderId;
        this.reason = reason;
        this.note = note;
        this.pausedFrom = from;
    }

    long orderId() {
        return orderId;
    }

    void end(Instant at) {
        pausedTo = at;
    }

    ServiceOrder.Pause toValue() {
        return new ServiceOrder.Pause(id, reason, note, pausedFrom, pausedTo);
    }
}
