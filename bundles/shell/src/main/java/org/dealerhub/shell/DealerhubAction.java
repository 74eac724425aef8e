package org.dealerhub.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;

/**
 * Runs a console command for the admin: a domain refusal prints the same message, field and rule id as REST and
 * SOAP, never a stack trace.
 */
abstract class DealerhubAction implements Action {

    /** Console users are Karaf administrators (the ssh/admin role); they act as dealer admins. */
    static final Caller CONSOLE = new Caller("console", Caller.Role.DEALER_ADMIN, java.util.Optional.empty());

    @Override
    public final Object execute() {
        try {
            run(System.out);
        } catch (DomainException e) {
            System.out.println("Error: " + e.describe());
        }
        return null;
    }

    abstract void run(PrintStream out);
}
