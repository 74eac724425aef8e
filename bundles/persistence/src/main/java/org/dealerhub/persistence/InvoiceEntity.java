package org.dealerhub.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.dealerhub.api.Invoice;

@Entity(name = "Invoice")
@Table(name = "INVOICE")
public class InvoiceEntity {

    @Id
    @TableGenerator(name = "invoice_ids", table = "ID_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "INVOICE", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "invoice_ids")
    private long id;
    @Column(name = "RUN_ID")
    private long runId;
    @Column(name = "CONTRACT_ID")
    private long contractId;
    @Column(name = "ORGANISATION_ID")
    private long organisationId;
    private String vendor;
    private String market;
    @Column(name = "SELLER_NAME")
    private String sellerName;
    @Column(name = "SELLER_ACCOUNT")
    private String sellerAccount;
    @Column(name = "BUYER_NAME")
    private String buyerName;
    @Column(name = "BUYER_ACCOUNT")
    private String buyerAccount;
    private String currency;
    @Column(name = "PERIOD_FROM")
    private LocalDate periodFrom;
    @Column(name = "PERIOD_TO")
    private LocalDate periodTo;
    private LocalDate issued;
    @Column(name = "CREATED_AT")
    private Instant createdAt;
    private BigDecimal net;
    @Column(name = "VAT_RATE")
    private BigDecimal vatRate;
    private BigDecimal vat;
    private BigDecimal gross;

    protected InvoiceEntity() {
    }

    InvoiceEntity(Invoice i) {
        runId = i.runId();
        contractId = i.contractId();
        organisationId = i.organisationId();
        vendor = i.vendor();
        market = i.market();
        sellerName = i.seller().name();
        sellerAccount = i.seller().account();
        buyerName = i.buyer().name();
        buyerAccount = i.buyer().account();
        currency = i.currency().getCurrencyCode();
        periodFrom = i.periodFrom();
        periodTo = i.periodTo();
        issued = i.issued();
        createdAt = i.createdAt();
        net = i.net();
        vatRate = i.vatRate();
        vat = i.vat();
        gross = i.gross();
    }

    long getId() {
        return id;
    }

    long getContractId() {
        return contractId;
    }

    int scale() {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    Invoice toValue(List<Invoice.Line> lines) {
        int scale = scale();
        return new Invoice(id, runId, contractId, organisationId, vendor, market,
                new Invoice.Party(sellerName, sellerAccount), new Invoice.Party(buyerName, buyerAccount),
                Currency.getInstance(currency), periodFrom, periodTo, issued, createdAt,
                InvoiceLineEntity.at(net, scale), InvoiceLineEntity.plain(vatRate), InvoiceLineEntity.at(vat, scale),
                InvoiceLineEntity.at(gross, scale), lines);
    }
}
