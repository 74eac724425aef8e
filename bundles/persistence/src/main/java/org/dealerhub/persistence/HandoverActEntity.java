package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Counters;

/** KMUA-ORDER-8: one device's counters in a handover act ({@code SWAP} or {@code RETURN}) of a loan. */
@Entity(name = "HandoverAct")
@Table(name = "HANDOVER_ACT")
public class HandoverActEntity {

    @Id
    @TableGenerator(name = "act_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "HANDOVER_ACT", allocationSize = 20)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "act_ids")
    long id;
    @Column(name = "LOAN_ID")
    long loanId;
    String act;
    @Column(name = "DEVICE_ID")
    long deviceId;
    @Column(name = "ACT_DATE")
    LocalDate date;
    @Column(name = "MONO_A4")
    long monoA4;
    @Column(name = "COLOUR_A4")
    long colourA4;
    @Column(name = "MONO_A3")
    long monoA3;
    @Column(name = "COLOUR_A3")
    long colourA3;
    long banner;
    long scans;
    @Column(name = "READING_ACCEPTED")
    Boolean readingAccepted;
    @Column(name = "READING_RULE")
    String readingRule;
    @Column(name = "RECORDED_AT")
    Instant recordedAt;
    @Column(name = "RECORDED_BY")
    String recordedBy;

    protected HandoverActEntity() {
    }

    HandoverActEntity(long loanId, String act, long deviceId, LocalDate date, Counters c, boolean accepted,
            String rule, Instant at, String by) {
        this.loanId = loanId;
        this.act = act;
        this.deviceId = deviceId;
        this.date = date;
        this.monoA4 = c.monoA4();
        this.colourA4 = c.colourA4();
        this.monoA3 = c.monoA3();
        this.colourA3 = c.colourA3();
        this.banner = c.banner();
        this.scans = c.scans();
        this.readingAccepted = accepted;
        this.readingRule = rule;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    Counters counters() {
        return new Counters(monoA4, colourA4, monoA3, colourA3, banner, scans);
    }
}
