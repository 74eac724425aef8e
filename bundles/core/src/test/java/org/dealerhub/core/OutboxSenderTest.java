package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.dealerhub.api.Contract;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.persistence.api.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The outbox drained into a real SMTP server (GreenMail on a free port). */
class OutboxSenderTest {

    private TestPlatform platform;
    private GreenMail smtp;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
        platform.close();
    }

    /** A sender on the port, not scheduled: the test drives {@link OutboxSender#drain()} itself. */
    private OutboxSender sender(int port) {
        return new OutboxSender(platform.store, Configs.of(OutboxSender.Config.class, Map.of("enabled", false,
                "host", "127.0.0.1", "port", port, "from", "service@dealer.no", "retrySeconds", 60)),
                platform.clock);
    }

    private ServiceOrder order() {
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindRule(TestPlatform.FOUR_HOURS, TestPlatform.ACME);
        long org = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("Fjord AS", "1", "S1",
                "NO")).id();
        long device = platform.devices.create(TestPlatform.ADMIN, new Device.Draft(org, "acme", "A1", null,
                DeviceFormat.A4_MONO, "SN-1", "SI-1", null, true)).id();
        long contract = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(device))).id();
        return platform.orders.register(TestPlatform.STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.WEB, null, "paper jam", null, null, "Kari", "kari@fjord.no", null));
    }

    private List<OutboxMessage> outbox() {
        return platform.store.read(r -> r.outbox().all());
    }

    @Test
    void KMUA_CHAN_2_theConfirmationWithTheOrderNumberReachesTheContactsMailbox() throws Exception {
        ServiceOrder order = order();
        assertEquals(1, sender(smtp.getSmtp().getPort()).drain());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("kari@fjord.no", received[0].getAllRecipients()[0].toString());
        assertTrue(received[0].getSubject().contains(order.number()));
        assertNotNull(outbox().get(0).sentAt());
        assertEquals(0, sender(smtp.getSmtp().getPort()).drain(), "a sent message is not sent again");
    }

    @Test
    void KMUA_ORDER_2_aFailedAttemptIsRetriedWithBackOffAndSurvivesARestartUntilSent() throws Exception {
        ServiceOrder order = order();
        platform.orders.transition(TestPlatform.STAFF, order.id(), order.version(),
                new ServiceOrder.Transition(OrderState.IN_PROGRESS, "technician on the way", null));
        int closedPort = smtp.getSmtp().getPort();
        smtp.stop();

        OutboxSender down = sender(closedPort);
        assertEquals(0, down.drain());
        assertTrue(outbox().stream().allMatch(m -> m.attempts() == 1 && m.sentAt() == null && m.lastError() != null));
        assertEquals(0, down.drain(), "nothing is due before the back-off has passed");
        platform.clock.advance(Duration.ofSeconds(61));
        assertEquals(0, down.drain());
        assertEquals(2, outbox().get(0).attempts());
        assertEquals(Duration.ofSeconds(240), down.backoff(2), "the wait doubles with each failure");

        // the server is back and the platform restarted: a new sender finds the rows still waiting
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        platform.clock.advance(Duration.ofMinutes(3));
        assertEquals(2, sender(smtp.getSmtp().getPort()).drain());
        assertEquals(2, smtp.getReceivedMessages().length);
        assertTrue(outbox().stream().allMatch(m -> m.sentAt() != null));
    }
}
