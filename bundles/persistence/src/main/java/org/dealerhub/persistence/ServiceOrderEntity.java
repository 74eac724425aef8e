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
import javax.persistence.Version;

import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.StoredOrder;

@Entity(name = "ServiceOrder")
@Table(name = "SERVICE_ORDER")
public class ServiceOrderEntity implements Versioned {

    @Id
    @TableGenerator(name = "order_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "SERVICE_ORDER", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "order_ids")
    private long id;
    @Column(name = "ORDER_NUMBER")
    private String number;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    @Column(name = "DEVICE_ID")
    private long deviceId;
    @Column(name = "CONTRACT_ID")
    private long contractId;
    @Enumerated(EnumType.STRING)
    private OrderKind kind;
    @Enumerated(EnumType.STRING)
    private OrderChannel channel;
    @Enumerated(EnumType.STRING)
    private OrderState state;
    @Column(name = "SERVICE_NUMBER")
    private String serviceNumber;
    private String symptom;
    @Column(name = "ERROR_CODE")
    private String errorCode;
    @Column(name = "METER_READING")
    private Long meterReading;
    @Column(name = "CONTACT_NAME")
    private String contactName;
    @Column(name = "CONTACT_EMAIL")
    private String contactEmail;
    private String market;
    @Column(name = "REGISTERED_AT")
    private Instant registeredAt;
    @Column(name = "REGISTERED_BY")
    private String registeredBy;
    @Column(name = "DEADLINE")
    private Instant deadline;
    @Column(name = "DEADLINE_RULE")
    private String deadlineRule;
    @Column(name = "DEADLINE_REASON")
    private String deadlineReason;
    @Column(name = "RESPONDED_AT")
    private Instant respondedAt;
    private String response;
    @Column(name = "NEXT_VISIT")
    private Instant nextVisit;
    @Version
    private long version;

    protected ServiceOrderEntity() {
    }

    ServiceOrderEntity(StoredOrder o) {
        organisationId = o.organisationId();
        deviceId = o.deviceId();
        contractId = o.contractId();
        kind = o.kind();
        channel = o.channel();
        market = o.market();
        registeredAt = o.registeredAt();
        registeredBy = o.registeredBy();
        apply(o);
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public long getVersion() {
        return version;
    }

    void number(String value) {
        number = value;
    }

    /** What changes over an order's life. */
    void apply(StoredOrder o) {
        state = o.state();
        ServiceOrder.Details d = o.details();
        serviceNumber = d.serviceNumber();
        symptom = d.symptom();
        errorCode = d.errorCode();
        meterReading = d.meterReading();
        contactName = d.contactName();
        contactEmail = d.contactEmail();
        respondedAt = o.respondedAt();
        response = o.response();
        nextVisit = o.nextVisit();
        deadline = o.deadline().original();
        deadlineRule = o.deadline().rule();
        deadlineReason = o.deadline().reason();
    }

    StoredOrder toValue() {
        return new StoredOrder(id, number, organisationId, deviceId, contractId, kind, channel, state,
                new ServiceOrder.Details(serviceNumber, symptom, errorCode, meterReading, contactName, contactEmail),
                market, registeredAt, registeredBy, new ServiceOrder.Deadline(deadline, deadlineRule, deadlineReason),
                respondedAt, response, nextVisit, version);
    }
}
