package org.dealerhub.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.mail.Authenticator;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.dealerhub.persistence.api.OutboxMessage;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox over SMTP (KMUA-CHAN-2, KMUA-ORDER-2): every message written with an order's change goes out
 * once its transaction has committed; a failed attempt is retried with a doubling back-off. A message leaves the
 * outbox's queue only when the server has accepted it, so nothing is lost across a restart (a crash between the
 * server's acceptance and the mark may send it twice: at least once, never lost). Off by default
 * ({@code etc/org.dealerhub.mail.cfg}); one sender per installation.
 */
@Component(configurationPid = OutboxSender.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OutboxSender.Config.class)
public class OutboxSender {

    static final String PID = "org.dealerhub.mail";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    @ObjectClassDefinition(name = "Dealerhub mail", description = "SMTP for order notifications from the outbox")
    public @interface Config {
        @AttributeDefinition(description = "Send the outbox's messages; while false they wait in the database")
        boolean enabled() default false;

        @AttributeDefinition(description = "SMTP host")
        String host() default "localhost";

        @AttributeDefinition(description = "SMTP port")
        int port() default 25;

        @AttributeDefinition(description = "Use STARTTLS")
        boolean starttls() default false;

        @AttributeDefinition(description = "SMTP user; empty for none")
        String user() default "";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password")
        String password() default "";

        @AttributeDefinition(name = "from", description = "Sender address")
        String from() default "service@dealerhub.invalid";

        @AttributeDefinition(description = "Seconds between two looks into the outbox")
        int pollSeconds() default 10;

        @AttributeDefinition(description = "Seconds before the first retry; doubled with each failed attempt")
        int retrySeconds() default 30;

        @AttributeDefinition(description = "Longest wait between two attempts, in seconds")
        int maxRetrySeconds() default 3600;
    }

    private final Store store;
    private final Config config;
    private final Clock clock;
    private final Session session;
    private final ScheduledExecutorService scheduler;

    @Activate
    public OutboxSender(@Reference Store store, Config config, @Reference Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        Properties props = new Properties();
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        boolean auth = !config.user().isEmpty();
        props.put("mail.smtp.auth", String.valueOf(auth));
        this.session = Session.getInstance(props, !auth ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.user(), config.password());
            }
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "dealerhub-outbox"));
        if (config.enabled()) {
            scheduler.scheduleWithFixedDelay(this::drainLogged, 1, Math.max(1, config.pollSeconds()),
                    TimeUnit.SECONDS);
            LOG.info("Sending order notifications through {}:{}", config.host(), config.port());
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private void drainLogged() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("The outbox could not be read; next look in {} s", config.pollSeconds(), e);
        }
    }

    /** Sends the messages due now; returns how many went out. */
    int drain() {
        Instant now = clock.instant();
        List<OutboxMessage> due = store.read(r -> r.outbox().due(now, 100));
        int sent = 0;
        for (OutboxMessage m : due) {
            try {
                send(m);
                store.tx(r -> {
                    r.outbox().sent(m.id(), clock.instant());
                    return null;
                });
                sent++;
            } catch (MessagingException e) {
                Instant next = clock.instant().plus(backoff(m.attempts()));
                LOG.warn("Message {} to {} not sent (attempt {}), next attempt at {}: {}", m.id(), m.recipient(),
                        m.attempts() + 1, next, e.getMessage());
                store.tx(r -> {
                    r.outbox().failed(m.id(), next, e.getMessage());
                    return null;
                });
            }
        }
        return sent;
    }

    /** The wait after {@code attempts} earlier failures and this one: doubling from retrySeconds, capped. */
    Duration backoff(int attempts) {
        long seconds = (long) Math.max(1, config.retrySeconds()) << Math.min(attempts, 20);
        return Duration.ofSeconds(Math.min(seconds, Math.max(1, config.maxRetrySeconds())));
    }

    private void send(OutboxMessage m) throws MessagingException {
        // javax.mail finds its providers and the text/plain handler through the context class loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.recipient()));
            message.setSubject(m.subject(), "UTF-8");
            message.setText(m.body(), "UTF-8");
            message.setSentDate(java.util.Date.from(m.createdAt()));
            Transport.send(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
