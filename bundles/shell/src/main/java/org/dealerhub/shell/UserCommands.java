package org.dealerhub.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.dealerhub.api.Caller;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.PortalUserService;

/** A customer organisation's portal users from the console (PORTAL-ROLE-1..5, PORTAL-USER-1). */
final class UserCommands {

    private UserCommands() {
    }

    @Service
    @Command(scope = "dealerhub", name = "users", description = "Lists an organisation's portal users")
    public static class Users extends DealerhubAction {
        @Reference
        PortalUserService users;

        @Argument(index = 0, name = "organisation", description = "the organisation's id", required = true)
        long organisation;

        @Override
        void run(PrintStream out, Caller caller) {
            out.printf("%-5s %-24s %-32s %-26s %-8s %s%n", "ID", "USER", "E-MAIL", "ROLE", "ACTIVE", "DEVICES");
            users.list(caller, organisation).forEach(u -> out.printf("%-5d %-24s %-32s %-26s %-8s %s%n", u.id(),
                    u.userName(), u.email(), u.role(), u.active() ? "yes" : "invited", u.deviceIds()));
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "user-add", description = "Invites a portal user: a link to set its"
            + " password is e-mailed to it (PORTAL-USER-1: the e-mail is required)")
    public static class UserAdd extends DealerhubAction {
        @Reference
        PortalUserService users;

        @Argument(index = 0, name = "organisation", description = "the organisation's id", required = true)
        long organisation;
        @Argument(index = 1, name = "user", required = true)
        String user;
        @Argument(index = 2, name = "email", required = true)
        String email;
        @Argument(index = 3, name = "role", description = "administrator, device-manager, stock-manager,"
                + " device-and-stock-manager or self-service", required = true)
        String role;
        @Option(name = "--device", description = "a device a device manager handles (repeat for more)",
                multiValued = true)
        List<Long> devices;

        @Override
        void run(PrintStream out, Caller caller) {
            PortalUser u = users.invite(caller, organisation, new PortalUser.Draft(user, email, parse(PortalRole.class, "role", role),
                    devices == null ? List.of() : devices));
            out.println("Invited portal user " + u.id() + " (" + u.userName() + ", " + u.role() + "): a link to set"
                    + " its password is on its way to " + u.email());
        }
    }

    @Service
    @Command(scope = "dealerhub", name = "user-remove", description = "Removes a portal user: it can no longer log"
            + " in")
    public static class UserRemove extends DealerhubAction {
        @Reference
        PortalUserService users;

        @Argument(index = 0, name = "organisation", required = true)
        long organisation;
        @Argument(index = 1, name = "userId", required = true)
        long userId;

        @Override
        void run(PrintStream out, Caller caller) {
            PortalUser u = users.get(caller, organisation, userId);
            users.remove(caller, organisation, userId, u.version());
            out.println("Removed portal user " + u.userName());
        }
    }
}
