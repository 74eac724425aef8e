package org.dealerhub.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.SoftwareSupport.Consultation;
import org.dealerhub.api.SoftwareSupport.Priority;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.StoredContract;
import org.dealerhub.persistence.api.StoredIncident;
import org.dealerhub.persistence.api.StoredOrder;

/**
 * What software support (KMUA-SW-1, -2, -4, -9) and paid extras (KMUA-EXTRA-1) add to an order's registration and
 * transitions, within the order service's own unit of work; and the deadline from an order's facts.
 */
final class SoftwareOrders {

    static final String NAMED = "KMUA-SW-1";
    static final String PRIORITY = "KMUA-SW-2";
    static final String CLOSING = "KMUA-SW-5";
    static final String CHANGE_REQUEST = "KMUA-SW-9";
    static final String EXTRA = "KMUA-EXTRA-1";

    private static final int MAX_FACTS = 30;

    private SoftwareOrders() {
    }

    static boolean software(OrderKind kind) {
        return kind == OrderKind.SOFTWARE_INCIDENT || kind == OrderKind.CHANGE_REQUEST;
    }

    /**
     * Checks a new order's facts and what a software order needs, and returns the facts its deadline is computed
     * from: the given ones with the contract's period extras in force today (KMUA-EXTRA-1).
     */
    static Map<String, String> registering(Repositories r, StoredContract contract, OrderKind kind,
            ServiceOrder.Details details, Map<String, String> given, LocalDate today) {
        Map<String, String> facts = checked(given);
        for (OrderExtras.Extra e : r.support().periodExtras(contract.id(), today)) {
            facts = withExtra(facts, e.code(), e.reactionHours(), e.serviceHours());
        }
        if (!software(kind)) {
            return facts;
        }
        // KMUA-SW-1: "лише від певних, визначених в Договорі контактних осіб Замовника"
        if (namedContact(r, contract.id(), details.contactEmail()).isEmpty()) {
            throw DomainException.rule(NAMED, "contactEmail", "software support is given only to the contract's"
                    + " named contacts: " + (details.contactEmail() == null ? "no contactEmail given"
                            : details.contactEmail() + " is not one of them"));
        }
        if (kind == OrderKind.SOFTWARE_INCIDENT || facts.containsKey("priority")) {
            // KMUA-SW-2: the customer proposes the priority
            facts.put("priority", priority(facts.get("priority"), "facts.priority").name());
        }
        if (kind == OrderKind.CHANGE_REQUEST) {
            // KMUA-SW-9: only after a consultation, and the customer's contact confirmed it by e-mail
            consultation(facts.get("consultation"));
            String confirmed = facts.get("confirmedBy");
            if (namedContact(r, contract.id(), confirmed).isEmpty()) {
                throw DomainException.rule(CHANGE_REQUEST, "facts.confirmedBy", "a change request is created only"
                        + " once a named contact of the contract confirmed it by e-mail (fact confirmedBy)");
            }
            // KMUA-SW-5: change requests have no regulated resolution time
            facts.put("type", "change-request");
        }
        return facts;
    }

    /**
     * Keeps the new order's facts and its software side; where the registration e-mail goes to a named contact it
     * is the reaction (KMUA-SW-4), recorded now. Returns the order as it then is.
     */
    static StoredOrder registered(Repositories r, Caller caller, StoredOrder order, Map<String, String> facts,
            Instant now) {
        r.support().facts(order.id(), facts);
        if (!software(order.kind())) {
            return order;
        }
        Priority proposed = facts.containsKey("priority") ? Priority.valueOf(facts.get("priority")) : null;
        Consultation consultation = facts.containsKey("consultation") ? consultation(facts.get("consultation"))
                : null;
        r.support().save(new StoredIncident(order.id(), proposed, proposed, false, null, null, null, null,
                consultation, facts.get("confirmedBy")));
        Optional<SoftwareSupport.Contact> contact = namedContact(r, order.contractId(),
                order.details().contactEmail());
        if (contact.isPresent() && contact.get().registrationEmails()) {
            // KMUA-SW-4 (platform decision): the registration e-mail, where it goes out, is the reaction
            String how = "registration e-mail to " + contact.get().email() + " (KMUA-SW-4)";
            r.orders().record(caller, order.id(), new ServiceOrder.Event(0, now, caller.user(), null, null,
                    "response", how));
            return r.orders().update(caller, order.withResponse(now, how));
        }
        return order;
    }

    /** KMUA-SW-5: a resolved incident reopens only when it was closed by a workaround. */
    static void transitioning(Repositories r, StoredOrder o, OrderState to) {
        if (o.state() != OrderState.RESOLVED || to != OrderState.IN_PROGRESS) {
            return;
        }
        r.support().incident(o.id()).filter(i -> i.closingReason() != null).ifPresent(i -> {
            if (i.closingReason() != SoftwareSupport.ClosingReason.WORKAROUND) {
                throw DomainException.rule(CLOSING, "to", "incident " + o.number() + " was closed as "
                        + i.closingReason() + "; only one closed by a workaround may be reopened");
            }
            r.support().save(i.withClosing(null, null));
        });
    }

    static Optional<SoftwareSupport.Contact> namedContact(Repositories r, long contractId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return r.support().contacts(Caller.system(), contractId).stream()
                .filter(c -> c.email().equalsIgnoreCase(email.trim())).findFirst();
    }

    static Priority priority(String raw, String field) {
        if (raw != null) {
            try {
                return Priority.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        throw DomainException.rule(PRIORITY, field, "the customer proposes the priority: CRITICAL, HIGH, MEDIUM or"
                + " LOW" + (raw == null ? "" : ", not '" + abbreviate(raw) + "'"));
    }

    static Consultation consultation(String raw) {
        if (raw != null) {
            try {
                return Consultation.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // named below
            }
        }
        throw DomainException.rule(CHANGE_REQUEST, "facts.consultation", "a change request is created only after a"
                + " consultation: OPERATING_QUESTION, CONFIGURATION_WITHOUT_TESTING or CONFIGURATION_WITH_TESTING");
    }

    /** The facts with a bought extra, as the vendor's rule reads them ({@code option}, {@code reactionHours}...). */
    static Map<String, String> withExtra(Map<String, String> facts, OrderExtras.Code code, BigDecimal hours,
            String serviceHours) {
        Map<String, String> next = new LinkedHashMap<>(facts);
        Set<String> options = new LinkedHashSet<>();
        if (facts.get("option") != null) {
            for (String o : facts.get("option").split(",")) {
                options.add(o.trim());
            }
        }
        switch (code) {
            case SHORTER_RESPONSE -> {
                options.add("shorter-response");
                next.put("reactionHours", hours.toPlainString());
            }
            case OUT_OF_HOURS -> {
                options.add("out-of-hours");
                next.put("serviceHours", serviceHours);
            }
            case ROUND_THE_CLOCK -> options.add("24x7");
        }
        next.put("option", String.join(",", options));
        return next;
    }

    /** The price name billing charges an extra by. */
    static String item(OrderExtras.Code code) {
        return switch (code) {
            case SHORTER_RESPONSE -> "extraShorterResponse";
            case OUT_OF_HOURS -> "extraOutOfHours";
            case ROUND_THE_CLOCK -> "extraRoundTheClock";
        };
    }

    /**
     * The deadline of the contract's vendor, package and market for an order registered at {@code at} with these
     * facts; a missing or failing rule gives none, with the reason.
     */
    static ServiceOrder.Deadline deadline(ResponseDeadlines deadlines, StoredContract c, Instant at,
            Map<String, String> facts) {
        try {
            ResponseDeadline d = deadlines.deadline(new ResponseDeadlines.Request(c.vendor(), c.packageCode(),
                    c.market(), at, facts));
            return new ServiceOrder.Deadline(d.deadline().orElse(null), d.rule(), d.reason());
        } catch (DomainException e) {
            return new ServiceOrder.Deadline(null, e.rule(), "no deadline: " + e.getMessage());
        }
    }

    /** At most 30 facts, names of 1-60 characters, values of at most 500. */
    private static Map<String, String> checked(Map<String, String> given) {
        if (given.size() > MAX_FACTS) {
            throw DomainException.invalid("facts", "at most " + MAX_FACTS + " facts");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            if (name == null || name.isBlank() || name.length() > 60) {
                throw DomainException.invalid("facts", "a fact's name has 1 to 60 characters");
            }
            if (value == null || value.length() > 500) {
                throw DomainException.invalid("facts." + abbreviate(name), "a fact's value has at most 500"
                        + " characters");
            }
            facts.put(name, value);
        });
        return facts;
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }
}
