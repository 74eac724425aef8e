package org.dealerhub.itest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.shell.api.console.SessionFactory;

/** Console commands inside the container, run as a logged-in console user would run them (ssh, bin/client). */
final class Console {

    /** What a failed command's output ends with, before its message. */
    static final String FAILED = "FAILED: ";

    private Console() {
    }

    /** What the command printed as this realm user; a command that failed ends with {@link #FAILED} and why. */
    static String execute(SessionFactory sessions, String user, String password, String command) throws Exception {
        return execute(sessions, login(user, password), command);
    }

    static Subject login(String user, String password) throws LoginException {
        Subject subject = new Subject();
        new LoginContext("karaf", subject, callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback name) {
                    name.setName(user);
                } else if (c instanceof PasswordCallback pw) {
                    pw.setPassword(password.toCharArray());
                }
            }
        }).login();
        return subject;
    }

    /** Runs a command as a console session of this subject does. */
    static String execute(SessionFactory sessions, Subject subject, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var session = sessions.create(System.in, out, out);
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            out.println(FAILED + e.getException().getMessage());
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
