package org.dealerhub.persistence;

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

/** KMUA-ORDER-4: a device lent in place of an order's device, from {@code lentOn} to {@code returnedOn}. */
@Entity(name = "DeviceLoan")
@Table(name = "DEVICE_LOAN")
public class DeviceLoanEntity {

    @Id
    @TableGenerator(name = "loan_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "DEVICE_LOAN", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "loan_ids")
    long id;
    @Column(name = "ORDER_ID")
    long orderId;
    @Column(name = "CONTRACT_ID")
    long contractId;
    @Column(name = "DEVICE_ID")
    long deviceId;
    @Column(name = "LOAN_DEVICE_ID")
    long loanDeviceId;
    @Enumerated(EnumType.STRING)
    FaultCause cause;
    @Column(name = "LENT_ON")
    LocalDate lentOn;
    @Column(name = "RETURNED_ON")
    LocalDate returnedOn;
    @Column(name = "LENT_BY")
    String lentBy;
    @Column(name = "RETURNED_BY")
    String returnedBy;

    protected DeviceLoanEntity() {
    }

    DeviceLoanEntity(long orderId, long contractId, long deviceId, long loanDeviceId, FaultCause cause,
            LocalDate lentOn, String lentBy) {
        this.orderId = orderId;
        this.contractId = contractId;
        this.deviceId = deviceId;
        this.loanDeviceId = loanDeviceId;
        this.cause = cause;
        this.lentOn = lentOn;
        this.lentBy = lentBy;
    }
}
