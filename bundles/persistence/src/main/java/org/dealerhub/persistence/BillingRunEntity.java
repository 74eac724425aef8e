package org.dealerhub.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.BillingRun;

@Entity(name = "BillingRun")
@Table(name = "BILLING_RUN")
public class BillingRunEntity {

    @Id
    @TableGenerator(name = "run_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "BILLING_RUN", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "run_ids")
    private long id;
    @Column(name = "STARTED_BY")
    private String startedBy;
    @Column(name = "STARTED_AT")
    private Instant startedAt;
    @Column(name = "FINISHED_AT")
    private Instant finishedAt;
    @Column(name = "PERIOD_FROM")
    private LocalDate periodFrom;
    @Column(name = "PERIOD_TO")
    private LocalDate periodTo;
    @Column(name = "SELECTION_KIND")
    private String selectionKind;
    @Column(name = "SELECTION_VALUE")
    private String selectionValue;
    @Column(name = "CONTRACT_COUNT")
    private int contracts;
    @Column(name = "INVOICED_COUNT")
    private int invoiced;
    @Column(name = "UNCHANGED_COUNT")
    private int unchanged;
    @Column(name = "DEFERRED_COUNT")
    private int deferred;
    @Column(name = "PARKED_COUNT")
    private int parked;
    @Column(name = "LINE_COUNT")
    private int lines;

    protected BillingRunEntity() {
    }

    BillingRunEntity(BillingRun r) {
        startedBy = r.startedBy();
        startedAt = r.startedAt();
        periodFrom = r.periodFrom();
        periodTo = r.periodTo();
        selectionKind = r.selection().kind().name();
        selectionValue = r.selection().value();
    }

    void finish(BillingRun r) {
        finishedAt = r.finishedAt();
        contracts = r.contracts();
        invoiced = r.invoiced();
        unchanged = r.unchanged();
        deferred = r.deferred();
        parked = r.parkedCount();
        lines = r.lines();
    }

    BillingRun toValue(List<BillingRun.Total> totals, List<BillingRun.Parked> parkedContracts) {
        return new BillingRun(id, startedBy, startedAt, finishedAt, periodFrom, periodTo,
                new BillingRun.Selection(BillingRun.Selection.Kind.valueOf(selectionKind), selectionValue), false,
                contracts, invoiced, unchanged, deferred, parked, lines, totals, parkedContracts);
    }

    long getId() {
        return id;
    }
}
