package org.dealerhub.soap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

import org.dealerhub.api.Counters;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
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
}
