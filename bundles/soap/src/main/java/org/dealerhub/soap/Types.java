package org.dealerhub.soap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.Invoice;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.spi.ServicePackage;

/** JAXB shapes of the SOAP contract; the api's records are immutable and JAXB needs beans. */
final class Types {

    private Types() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "reading", namespace = DealerhubSoap.NS)
    public static class Reading {
        /** ISO date, e.g. 2026-11-01. */
        @XmlElement(required = true)
        public String date;
        @XmlElement(required = true)
        public Long monoA4;
        @XmlElement(required = true)
        public Long colourA4;
        @XmlElement(required = true)
        public Long monoA3;
        @XmlElement(required = true)
        public Long colourA3;
        @XmlElement(required = true)
        public Long banner;
        @XmlElement(required = true)
        public Long scans;
        /** Set by the platform in the history; ignored in a submission. */
        public String acceptedBy;

        /** The draft, or a refusal naming the missing or malformed field ({@code at} + name). */
        MeterReading.Draft toDraft(String at) {
            LocalDate day;
            try {
                day = LocalDate.parse(DealerhubSoapEndpoint.required(date, at + "date"));
            } catch (DateTimeParseException e) {
                throw DomainException.invalid(at + "date", "date must be an ISO date like 2026-11-01");
            }
            Long[] values = {monoA4, colourA4, monoA3, colourA3, banner, scans};
            for (int i = 0; i < values.length; i++) {
                DealerhubSoapEndpoint.required(values[i], at + Counters.NAMES[i]);
            }
            return new MeterReading.Draft(day, new Counters(monoA4, colourA4, monoA3, colourA3, banner, scans));
        }

        static Reading of(MeterReading r) {
            Reading x = new Reading();
            x.date = r.date().toString();
            Counters c = r.counters();
            x.monoA4 = c.monoA4();
            x.colourA4 = c.colourA4();
            x.monoA3 = c.monoA3();
            x.colourA3 = c.colourA3();
            x.banner = c.banner();
            x.scans = c.scans();
            x.acceptedBy = r.acceptedBy();
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "outcome", namespace = DealerhubSoap.NS)
    public static class Outcome {
        public int index;
        public String date;
        public boolean accepted;
        public String error;
        public String field;
        public String rule;

        static Outcome of(MeterReading.Outcome o) {
            Outcome x = new Outcome();
            x.index = o.index();
            x.date = o.date() == null ? null : o.date().toString();
            x.accepted = o.accepted();
            x.error = o.error();
            x.field = o.field();
            x.rule = o.rule();
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "fact", namespace = DealerhubSoap.NS)
    public static class Fact {
        public String name;
        public String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "deadline", namespace = DealerhubSoap.NS)
    public static class Deadline {
        /** ISO instant, absent when there is no deadline. */
        public String deadline;
        public String clockStart;
        public String reason;
        public String rule;

        static Deadline of(org.dealerhub.api.spi.ResponseDeadline d) {
            Deadline x = new Deadline();
            x.deadline = d.deadline().map(Object::toString).orElse(null);
            x.clockStart = d.clockStart() == null ? null : d.clockStart().toString();
            x.reason = d.reason();
            x.rule = d.rule();
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "vendor", namespace = DealerhubSoap.NS)
    public static class VendorInfo {
        public String id;
        public String name;
        public List<String> markets = new ArrayList<>();
        public String currentTermsVersion;

        static VendorInfo of(Vendor v) {
            VendorInfo x = new VendorInfo();
            x.id = v.id();
            x.name = v.name();
            x.markets.addAll(v.markets().stream().sorted().toList());
            x.currentTermsVersion = v.currentTermsVersion();
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "servicePackage", namespace = DealerhubSoap.NS)
    public static class PackageInfo {
        public String vendor;
        public String market;
        public String code;
        public String name;
        public String termsVersion;
        public String responseKind;
        public int responseBusinessHours;
        public String responseDescription;
        public List<String> inclusions = new ArrayList<>();
        public List<String> exclusions = new ArrayList<>();

        static PackageInfo of(ServicePackage p) {
            PackageInfo x = new PackageInfo();
            x.vendor = p.vendorId();
            x.market = p.market();
            x.code = p.code();
            x.name = p.name();
            x.termsVersion = p.termsVersion();
            x.responseKind = p.response().kind().name();
            x.responseBusinessHours = p.response().businessHours();
            x.responseDescription = p.response().description();
            p.inclusions().forEach(t -> x.inclusions.add(t.text()));
            p.exclusions().forEach(t -> x.exclusions.add(t.text()));
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "orderDraft", namespace = DealerhubSoap.NS)
    public static class OrderDraft {
        @XmlElement(required = true)
        public Long deviceId;
        @XmlElement(required = true)
        public Long contractId;
        /** REPAIR, TONER, INSTALLATION, SOFTWARE_INCIDENT, CHANGE_REQUEST, MOVE or EXIT. */
        @XmlElement(required = true)
        public String kind;
        public String serviceNumber;
        public String symptom;
        public String errorCode;
        public Long meterReading;
        public String contactName;
        public String contactEmail;
        /** Facts for the vendor's response-time rule, e.g. category, priority, distanceKm. */
        public List<Fact> fact = new ArrayList<>();

        ServiceOrder.Draft toDraft() {
            OrderKind parsed;
            try {
                parsed = OrderKind.valueOf(DealerhubSoapEndpoint.required(kind, "kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("kind", "kind must be one of " + List.of(OrderKind.values()));
            }
            return new ServiceOrder.Draft(DealerhubSoapEndpoint.required(deviceId, "deviceId"),
                    DealerhubSoapEndpoint.required(contractId, "contractId"), parsed, OrderChannel.SOAP,
                    serviceNumber, symptom, errorCode, meterReading, contactName, contactEmail, facts(fact));
        }
    }

    /** The facts as a map; a fact without a name or a value is refused. */
    static Map<String, String> facts(List<Fact> facts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Fact f : facts == null ? List.<Fact>of() : facts) {
            if (f == null || f.name == null || f.value == null) {
                throw DomainException.invalid("fact", "a fact needs a name and a value");
            }
            map.put(f.name, f.value);
        }
        return map;
    }

    /** An order's number, state and response-time clock (business minutes in the market's calendar). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "order", namespace = DealerhubSoap.NS)
    public static class OrderInfo {
        public long id;
        public String number;
        public long organisationId;
        public long deviceId;
        public long contractId;
        public String kind;
        public String channel;
        public String state;
        public String registeredAt;
        /** The deadline moved by the pauses so far; absent when the package promises none. */
        public String deadline;
        public String deadlineRule;
        public Long leftMinutes;
        public boolean breached;
        /** Whether the clock runs now: false while held or once responded. */
        public boolean running;
        public String respondedAt;
        /** What the order still lacks (KMUA-ORDER-1); it is held until complete. */
        public List<String> missing = new ArrayList<>();

        static OrderInfo of(ServiceOrder o) {
            OrderInfo x = new OrderInfo();
            x.id = o.id();
            x.number = o.number();
            x.organisationId = o.organisationId();
            x.deviceId = o.deviceId();
            x.contractId = o.contractId();
            x.kind = o.kind().name();
            x.channel = o.channel().name();
            x.state = o.state().name();
            x.registeredAt = o.registeredAt().toString();
            x.deadlineRule = o.deadline() == null ? null : o.deadline().rule();
            ServiceOrder.Sla sla = o.sla();
            if (sla != null) {
                x.deadline = sla.deadline().toString();
                x.leftMinutes = sla.leftMinutes();
                x.breached = sla.breached();
                x.running = sla.running();
            }
            x.respondedAt = o.respondedAt() == null ? null : o.respondedAt().toString();
            x.missing.addAll(o.missing());
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "invoice", namespace = DealerhubSoap.NS)
    public static class InvoiceInfo {
        public long id;
        public String number;
        public long contractId;
        public long organisationId;
        public String vendor;
        public String market;
        public String seller;
        public String buyer;
        public String buyerAccount;
        public String currency;
        /** ISO dates. */
        public String periodFrom;
        public String periodTo;
        public String issued;
        /** Excluding VAT, the VAT at {@code vatRate} percent, including VAT; in the currency's minor unit. */
        public BigDecimal net;
        public BigDecimal vatRate;
        public BigDecimal vat;
        public BigDecimal gross;
        public List<InvoiceLineInfo> lines = new ArrayList<>();

        static InvoiceInfo of(Invoice i) {
            InvoiceInfo x = new InvoiceInfo();
            x.id = i.id();
            x.number = i.number();
            x.contractId = i.contractId();
            x.organisationId = i.organisationId();
            x.vendor = i.vendor();
            x.market = i.market();
            x.seller = i.seller().name();
            x.buyer = i.buyer().name();
            x.buyerAccount = i.buyer().account();
            x.currency = i.currency().getCurrencyCode();
            x.periodFrom = i.periodFrom().toString();
            x.periodTo = i.periodTo().toString();
            x.issued = i.issued().toString();
            x.net = i.net();
            x.vatRate = i.vatRate();
            x.vat = i.vat();
            x.gross = i.gross();
            i.lines().forEach(l -> x.lines.add(InvoiceLineInfo.of(l)));
            return x;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "invoiceLine", namespace = DealerhubSoap.NS)
    public static class InvoiceLineInfo {
        public int number;
        public Long deviceId;
        public String item;
        public BigDecimal quantity;
        public BigDecimal unitPrice;
        public BigDecimal amount;
        public String from;
        public String to;
        public String rule;
        /** The line in words, with its rule and arithmetic. */
        public String explanation;

        static InvoiceLineInfo of(Invoice.Line l) {
            InvoiceLineInfo x = new InvoiceLineInfo();
            x.number = l.number();
            x.deviceId = l.deviceId();
            x.item = l.item();
            x.quantity = l.quantity();
            x.unitPrice = l.unitPrice();
            x.amount = l.amount();
            x.from = l.from().toString();
            x.to = l.to().toString();
            x.rule = l.rule();
            x.explanation = l.explanation();
            return x;
        }
    }
}
