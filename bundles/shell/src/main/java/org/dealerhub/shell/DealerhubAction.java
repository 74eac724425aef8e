package org.dealerhub.shell;

import java.io.PrintStream;
import java.security.AccessController;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * Runs a console command as the console's logged-in user: its realm roles decide what it may do, as over REST and
 * SOAP, and its name is what it leaves behind (a reading's {@code acceptedBy}). A user without a Dealerhub role, or
 * a domain refusal, fails the command with the same message, field and rule id as REST and SOAP (never a stack
 * trace), so {@code bin/client ... "dealerhub:..."} exits with a non-zero status.
 */
abstract class DealerhubAction implements Action {

    @Reference
    Authentication authentication;

    @Reference
    Session session;

    @Override
    public final Object execute() throws CommandException {
        Caller caller = consoleCaller(authentication, session)
                .orElseThrow(() -> new CommandException("Error: this console user has no Dealerhub role"
                        + " (dealer-admin or dealer-staff)"));
        if (!caller.isDealer()) {
            throw new CommandException("Error: the console is for dealer admins and staff");
        }
        try {
            run(System.out, caller);
        } catch (DomainException e) {
            throw new CommandException("Error: " + e.describe());
        }
        return null;
    }

    abstract void run(PrintStream out, Caller caller);

    /**
     * A console argument naming a constant of {@code type}, in any case, with dashes for underscores
     * ({@code in-progress}); anything else is refused naming the field and the constants.
     */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    /** The Dealerhub caller of a console session: the subject it runs as (ssh, bin/client, the local console). */
    @SuppressWarnings("removal")
    static Optional<Caller> consoleCaller(Authentication authentication, Session session) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null && session != null && session.get(Subject.class.getName()) instanceof Subject s) {
            subject = s;
        }
        return subject == null ? Optional.empty() : authentication.caller(subject);
    }
}
