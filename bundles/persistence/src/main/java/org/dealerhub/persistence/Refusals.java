package org.dealerhub.persistence;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.persistence.OptimisticLockException;

import org.dealerhub.api.DomainException;

/**
 * What the database refuses, as the domain's refusal, decided once for every unit of work: a unique constraint
 * is CONFLICT naming the field and rule (so two racing creators get one success and one 409, never a 500), a
 * foreign key CONFLICT, a concurrent commit of a versioned record PRECONDITION_FAILED, a deadlock or lock timeout
 * CONFLICT to retry. SQL states are the standard ones Derby and PostgreSQL share.
 */
final class Refusals {

    private record Constraint(String field, String rule, String message) {
    }

    private static final Map<String, Constraint> UNIQUE = Map.of(
            "UQ_ORG_CUSTOMER_ACCOUNT", new Constraint("customerAccountNumber", "PORTAL-ACCT-1",
                    "the customer account number is already in use"),
            "UQ_ORG_SYSTEM_ACCOUNT", new Constraint("systemAccountNumber", "PORTAL-ACCT-1",
                    "the system account number is already in use"),
            "UQ_DEVICE_SERIAL", new Constraint("serialNumber", null,
                    "a device of this vendor with this serial number already exists"),
            "UQ_READING_DEVICE_DAY", new Constraint("date", "PORTAL-METER-2",
                    "the device already has a reading for this day"),
            "UQ_TERMS_VENDOR_VERSION", new Constraint("version", "KMNO-TERMS-1",
                    "this terms version of the vendor is already published"),
            "UQ_ORDER_NUMBER", new Constraint("number", null, "an order with this number already exists"),
            "UQ_NAMED_CONTACT", new Constraint("email", "KMUA-SW-1", "the contract already names this contact"),
            "UQ_PORTAL_USER_NAME", new Constraint("userName", null, "a user with this name already exists"));

    private Refusals() {
    }

    /** The refusal the failure stands for, if it is one. */
    static Optional<DomainException> of(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException refusal) {
                return Optional.of(refusal);
            }
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return Optional.of(new DomainException(DomainException.Kind.PRECONDITION_FAILED,
                        "the record was changed at the same time: read it again", "If-Match", null));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return of(sql);
            }
        }
        return Optional.empty();
    }

    private static Optional<DomainException> of(SQLException e) {
        String state = e.getSQLState();
        if (state.equals("23505")) {
            String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
            Constraint c = UNIQUE.entrySet().stream().filter(u -> message.contains(u.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElse(new Constraint(null, null, "the record already exists"));
            return Optional.of(new DomainException(DomainException.Kind.CONFLICT, c.message(), c.field(), c.rule()));
        }
        if (state.equals("23503")) {
            return Optional.of(DomainException.conflict(null,
                    "the record refers to a record that no longer exists, or is still referred to"));
        }
        if (state.equals("40001") || state.equals("40P01") || state.startsWith("40XL")) {
            return Optional.of(DomainException.conflict(null, "a concurrent change got in the way: try again"));
        }
        return Optional.empty();
    }
}
