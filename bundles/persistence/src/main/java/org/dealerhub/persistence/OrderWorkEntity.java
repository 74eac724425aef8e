package org.dealerhub.persistence;

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

import org.dealerhub.api.FaultCause;
import org.dealerhub.api.OrderWork;

/** A piece of work on an order with its coverage decision. */
@Entity(name = "OrderWork")
@Table(name = "ORDER_WORK")
public class OrderWorkEntity {

    @Id
    @TableGenerator(name = "work_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "ORDER_WORK", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "work_ids")
    long id;
    @Column(name = "ORDER_ID")
    long orderId;
    @Column(name = "DEVICE_ID")
    long deviceId;
    @Column(name = "WORK_DATE")
    LocalDate date;
    @Enumerated(EnumType.STRING)
    OrderWork.Kind kind;
    int minutes;
    @Enumerated(EnumType.STRING)
    FaultCause cause;
    Boolean covered;
    @Column(name = "COVERAGE_RULE")
    String rule;
    @Column(name = "COVERAGE_REASON")
    String reason;
    String note;
    @Column(name = "RECORDED_AT")
    Instant recordedAt;
    @Column(name = "RECORDED_BY")
    String recordedBy;

    protected OrderWorkEntity() {
    }

    OrderWorkEntity(OrderWork w) {
        orderId = w.orderId();
        deviceId = w.deviceId();
        date = w.date();
        kind = w.kind();
        minutes = w.minutes();
        cause = w.cause();
        covered = w.covered();
        rule = w.rule();
        reason = w.reason();
        note = w.note();
        recordedAt = w.recordedAt();
        recordedBy = w.recordedBy();
    }

    OrderWork toValue(String orderNumber) {
        return new OrderWork(id, orderId, orderNumber, deviceId, date, kind, minutes, cause, covered, rule, reason,
                note, recordedAt, recordedBy, 0);
    }
}
