package org.dealerhub.persistence;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.BillingRun;

@Entity(name = "BillingPark")
@Table(name = "BILLING_PARK")
public class BillingParkEntity {

    @Id
    @TableGenerator(name = "park_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "BILLING_PARK", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "park_ids")
    private long id;
    @Column(name = "RUN_ID")
    private long runId;
    @Column(name = "CONTRACT_ID")
    private long contractId;
    @Column(name = "PARKED_AT")
    private Instant parkedAt;
    private String reason;
    @Column(name = "RULE_ID")
    private String rule;

    protected BillingParkEntity() {
    }

    BillingParkEntity(long runId, long contractId, Instant at, String reason, String rule) {
        this.runId = runId;
        this.contractId = contractId;
        this.parkedAt = at;
        this.reason = reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
        this.rule = rule;
    }

    BillingRun.Parked toValue() {
        return new BillingRun.Parked(contractId, reason, rule);
    }
}
