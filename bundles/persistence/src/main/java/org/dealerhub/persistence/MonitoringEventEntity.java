package org.dealerhub.persistence;

import java.time.Instant;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Counters;
import org.dealerhub.api.MonitoringEvent;

/** KMUA-CHAN-1, KMUA-ORDER-3: an event a device reported and what became of it. */
@Entity(name = "MonitoringEvent")
@Table(name = "MONITORING_EVENT")
public class MonitoringEventEntity {

    @Id
    @TableGenerator(name = "monitoring_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "MONITORING_EVENT", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "monitoring_ids")
    long id;
    @Column(name = "DEVICE_ID")
    long deviceId;
    @Column(name = "EVENT_AT")
    Instant at;
    @Column(name = "ERROR_CODE")
    String errorCode;
    String symptom;
    String toner;
    @Column(name = "MONO_A4")
    Long monoA4;
    @Column(name = "COLOUR_A4")
    Long colourA4;
    @Column(name = "MONO_A3")
    Long monoA3;
    @Column(name = "COLOUR_A3")
    Long colourA3;
    Long banner;
    Long scans;
    @Column(name = "RECEIVED_AT")
    Instant receivedAt;
    @Column(name = "RECEIVED_BY")
    String receivedBy;
    @Enumerated(EnumType.STRING)
    MonitoringEvent.Decision decision;
    @Column(name = "DECISION_RULE")
    String rule;
    @Column(name = "DECISION_REASON")
    String reason;
    @Column(name = "ORDER_ID")
    Long orderId;
    @Column(name = "READING_ACCEPTED")
    Boolean readingAccepted;
    @Column(name = "READING_RULE")
    String readingRule;

    protected MonitoringEventEntity() {
    }

    MonitoringEventEntity(MonitoringEvent e, MonitoringEvent.Outcome o, Instant receivedAt, String receivedBy) {
        deviceId = e.deviceId();
        at = e.at();
        errorCode = e.errorCode();
        symptom = e.symptom();
        toner = e.toner() == null || e.toner().isEmpty() ? null : new TreeMap<>(e.toner()).entrySet().stream()
                .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(","));
        Counters c = e.counters();
        if (c != null) {
            monoA4 = c.monoA4();
            colourA4 = c.colourA4();
            monoA3 = c.monoA3();
            colourA3 = c.colourA3();
            banner = c.banner();
            scans = c.scans();
        }
        this.receivedAt = receivedAt;
        this.receivedBy = receivedBy;
        decision = o.decision();
        rule = o.rule();
        reason = o.reason();
        orderId = o.orderId();
        if (o.reading() != null) {
            readingAccepted = o.reading().accepted();
            readingRule = o.reading().rule();
        }
    }
}
