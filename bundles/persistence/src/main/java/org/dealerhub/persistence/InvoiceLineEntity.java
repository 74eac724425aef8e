package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Invoice;

@Entity(name = "InvoiceLine")
@Table(name = "INVOICE_LINE")
public class InvoiceLineEntity {

    @Id
    @TableGenerator(name = "line_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "INVOICE_LINE", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "line_ids")
    private long id;
    @Column(name = "INVOICE_ID")
    private long invoiceId;
    @Column(name = "LINE_NO")
    private int lineNo;
    @Column(name = "CONTRACT_ID")
    private long contractId;
    @Column(name = "CHARGE_KEY")
    private String chargeKey;
    @Column(name = "DEVICE_ID")
    private Long deviceId;
    private String item;
    private BigDecimal quantity;
    @Column(name = "UNIT_PRICE")
    private BigDecimal unitPrice;
    private BigDecimal due;
    @Column(name = "BILLED_BEFORE")
    private BigDecimal billedBefore;
    private BigDecimal amount;
    @Column(name = "COVERS_FROM")
    private LocalDate from;
    @Column(name = "COVERS_TO")
    private LocalDate to;
    @Column(name = "RULE_ID")
    private String rule;
    private String description;

    protected InvoiceLineEntity() {
    }

    InvoiceLineEntity(long invoiceId, long contractId, Invoice.Line l) {
        this.invoiceId = invoiceId;
        this.contractId = contractId;
        lineNo = l.number();
        chargeKey = l.chargeKey();
        deviceId = l.deviceId();
        item = l.item();
        quantity = l.quantity();
        unitPrice = l.unitPrice();
        due = l.due();
        billedBefore = l.billedBefore();
        amount = l.amount();
        from = l.from();
        to = l.to();
        rule = l.rule();
        description = l.description();
    }

    long getInvoiceId() {
        return invoiceId;
    }

    /** Amounts back at the currency's scale (the column keeps four decimals). */
    Invoice.Line toValue(int scale) {
        return new Invoice.Line(lineNo, chargeKey, deviceId, item, plain(quantity),
                plain(unitPrice), at(due, scale), at(billedBefore, scale), at(amount, scale), from, to,
                rule, description);
    }

    /** Without trailing zeros, never in exponent form. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal at(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
