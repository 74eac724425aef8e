package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Counters;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.PortalUser;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.jaas.Pbkdf2Encryption;
import org.dealerhub.persistence.api.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The portal roles of Canon Denmark's self-service portal (PORTAL-ROLE-1..5, PORTAL-USER-1), enforced by the core
 * and the persistence scope for every front end, on the real persistence unit (Derby, then PostgreSQL).
 */
class PortalRolesTest {

    private TestPlatform platform;
    private long org;
    private long other;
    private long assigned;
    private long unassigned;
    private long foreign;
    private long contract;
    private Caller administrator;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        org = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("A AS", "A-1", "SA-1", "NO"))
                .id();
        other = platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft("B AS", "B-1", "SB-1", "NO"))
                .id();
        assigned = device(org, "SN-1");
        unassigned = device(org, "SN-2");
        foreign = device(other, "SN-3");
        contract = platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(assigned, unassigned))).id();
        platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(org, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(unassigned)));
        administrator = Caller.customer("legacy-admin", org);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long device(long organisation, String serial) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, "acme", "A1", null,
                DeviceFormat.A4_MONO, serial, null, null, false)).id();
    }

    private PortalUser invite(Caller by, String name, PortalRole role, Long... devices) {
        return platform.portalUsers.invite(by, org, new PortalUser.Draft(name, name + "@a.example", role,
                List.of(devices)));
    }

    private static Caller as(PortalUser user) {
        return Caller.portal(user.userName(), user.organisationId(), user.role());
    }

    private static DomainException refused(DomainException.Kind kind, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    private ServiceOrder.Draft repair(long device) {
        return new ServiceOrder.Draft(device, contract, OrderKind.REPAIR, OrderChannel.WEB, null, "jam", null, null,
                "Kari", "kari@a.example", Map.of());
    }

    private List<Long> deviceIds(Caller caller) {
        return platform.devices.list(caller).stream().map(Device::id).toList();
    }

    private List<OutboxMessage> outbox() {
        return platform.store.read(r -> r.outbox().all());
    }

    private static String token(OutboxMessage message) {
        Matcher m = Pattern.compile("/portal/password-reset/([A-Za-z0-9_-]+)").matcher(message.body());
        assertTrue(m.find(), message.body());
        return m.group(1);
    }

    @Test
    void PORTAL_ROLE_1_anAdministratorSeesEveryDeviceAndDelegatesAlsoAdministrator() {
        PortalUser second = invite(administrator, "second-admin", PortalRole.ADMINISTRATOR);
        assertEquals(List.of(assigned, unassigned), deviceIds(as(second)));
        // the new Administrator delegates in turn
        PortalUser manager = invite(as(second), "manager", PortalRole.DEVICE_MANAGER, assigned);
        assertEquals(List.of(assigned), manager.deviceIds());
        assertEquals("second-admin", manager.createdBy());
        assertEquals(List.of("second-admin", "manager"), platform.portalUsers.list(as(second), org).stream()
                .map(PortalUser::userName).toList());
        // ... but not in another organisation, which it does not see
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.list(as(second), other));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.invite(as(second), other,
                new PortalUser.Draft("intruder", "i@b.example", PortalRole.ADMINISTRATOR, List.of())));
        // dealer staff manage every organisation's users
        platform.portalUsers.invite(TestPlatform.STAFF, other, new PortalUser.Draft("b-admin", "b@b.example",
                PortalRole.ADMINISTRATOR, List.of()));
        // a device from another organisation is not assigned
        refused(DomainException.Kind.INVALID, () -> invite(administrator, "bad", PortalRole.DEVICE_MANAGER, foreign));
    }

    @Test
    void PORTAL_ROLE_2_aDeviceManagerHandlesItsAssignedDevicesOnly() {
        Caller manager = as(invite(administrator, "manager", PortalRole.DEVICE_MANAGER, assigned));
        assertEquals(List.of(assigned), deviceIds(manager));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.devices.get(manager, unassigned));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.readings.history(manager, unassigned));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.readings.submit(manager, unassigned,
                List.of(new MeterReading.Draft(LocalDate.of(2026, 3, 1), new Counters(1, 0, 0, 0, 0, 0)))));
        assertTrue(platform.readings.submit(manager, assigned, List.of(new MeterReading.Draft(LocalDate.of(2026, 3, 1),
                new Counters(1, 0, 0, 0, 0, 0)))).get(0).accepted());
        // orders: registers for its device, sees only its devices' orders
        ServiceOrder mine = platform.orders.register(manager, repair(assigned));
        ServiceOrder theirs = platform.orders.register(administrator, repair(unassigned));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.register(manager, repair(unassigned)));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.get(manager, theirs.id()));
        assertEquals(List.of(mine.id()), platform.orders.list(manager, new ServiceOrder.Query(null, null, null, null,
                0, 100)).stream().map(ServiceOrder::id).toList());
        assertEquals(2, platform.orders.list(administrator, new ServiceOrder.Query(null, null, null, null, 0, 100))
                .size());
        // contracts: those of its devices
        assertEquals(List.of(contract), platform.contracts.list(manager).stream().map(Contract::id).toList());
        assertEquals(2, platform.contracts.list(administrator).size());
    }

    @Test
    void PORTAL_ROLE_2_aDeviceManagerCreatesNeitherAdministratorsNorDeviceManagers() {
        Caller manager = as(invite(administrator, "manager", PortalRole.DEVICE_MANAGER, assigned));
        for (PortalRole role : List.of(PortalRole.ADMINISTRATOR, PortalRole.DEVICE_MANAGER,
                PortalRole.DEVICE_AND_STOCK_MANAGER)) {
            DomainException e = refused(DomainException.Kind.FORBIDDEN, () -> invite(manager, "x-" + role.ordinal(),
                    role));
            assertEquals("PORTAL-ROLE-2", e.rule());
        }
        // platform decision: nor does it manage other users, nor see them
        assertEquals("PORTAL-ROLE-1", refused(DomainException.Kind.FORBIDDEN,
                () -> invite(manager, "selfie", PortalRole.SELF_SERVICE)).rule());
        refused(DomainException.Kind.FORBIDDEN, () -> platform.portalUsers.list(manager, org));
        assertEquals(1, platform.portalUsers.list(administrator, org).size(), "nothing was created");
    }

    @Test
    void PORTAL_ROLE_3_aStockManagerSeesNoDeviceServiceData() {
        Caller stock = as(invite(administrator, "stock", PortalRole.STOCK_MANAGER));
        assertEquals(List.of(), deviceIds(stock));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.register(stock, repair(assigned)));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.readings.history(stock, assigned));
        refused(DomainException.Kind.NOT_FOUND, () -> invite(stock, "other-user", PortalRole.SELF_SERVICE));
    }

    @Test
    void PORTAL_ROLE_4_aDeviceAndStockManagerIsADeviceManagerAndASelfServiceUserSeesNothingButKnowledge() {
        Caller both = as(invite(administrator, "both", PortalRole.DEVICE_AND_STOCK_MANAGER, unassigned));
        assertEquals(List.of(unassigned), deviceIds(both));
        Caller self = as(invite(administrator, "self", PortalRole.SELF_SERVICE));
        assertEquals(List.of(), deviceIds(self));
        assertEquals(List.of(), platform.organisations.list(self));
        assertEquals(List.of(), platform.contracts.list(self));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.devices.get(self, assigned));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.orders.register(self, repair(assigned)));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.readings.submit(self, assigned, List.of(
                new MeterReading.Draft(LocalDate.of(2026, 3, 1), new Counters(1, 0, 0, 0, 0, 0)))));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.list(self, org));
        // devices are assigned to device managers only
        refused(DomainException.Kind.INVALID, () -> invite(administrator, "s2", PortalRole.SELF_SERVICE, assigned));
    }

    @Test
    void PORTAL_ROLE_5_anOrganisationKeepsAnAdministratorAsItsPrimaryContact() {
        PortalUser first = invite(administrator, "first", PortalRole.ADMINISTRATOR);
        DomainException e = refused(DomainException.Kind.RULE, () -> platform.portalUsers.remove(as(first), org,
                first.id(), first.version()));
        assertEquals("PORTAL-ROLE-5", e.rule());
        e = refused(DomainException.Kind.RULE, () -> platform.portalUsers.change(as(first), org, first.id(),
                first.version(), new PortalUser.Change(PortalRole.SELF_SERVICE, List.of(), null)));
        assertEquals("PORTAL-ROLE-5", e.rule());
        PortalUser second = invite(as(first), "second", PortalRole.ADMINISTRATOR);
        PortalUser now = platform.portalUsers.get(as(first), org, first.id());
        platform.portalUsers.remove(as(second), org, first.id(), now.version());
        assertEquals(List.of("second"), platform.portalUsers.list(as(second), org).stream()
                .map(PortalUser::userName).toList());
        // a device manager is never the primary contact: the last Administrator stays
        refused(DomainException.Kind.RULE, () -> platform.portalUsers.change(as(second), org, second.id(),
                platform.portalUsers.get(as(second), org, second.id()).version(),
                new PortalUser.Change(PortalRole.DEVICE_MANAGER, List.of(assigned), null)));
    }

    @Test
    void PORTAL_USER_1_noPortalUserWithoutAnEmailAddressAndOnlyCustomerServiceCorrectsIt() {
        for (String email : new String[] {null, "", "  "}) {
            DomainException e = refused(DomainException.Kind.RULE, () -> platform.portalUsers.invite(administrator,
                    org, new PortalUser.Draft("nomail", email, PortalRole.SELF_SERVICE, List.of())));
            assertEquals("PORTAL-USER-1", e.rule());
            assertEquals("email", e.field());
        }
        refused(DomainException.Kind.INVALID, () -> platform.portalUsers.invite(administrator, org,
                new PortalUser.Draft("badmail", "not-an-address", PortalRole.SELF_SERVICE, List.of())));
        assertEquals(List.of(), platform.portalUsers.list(administrator, org));
        assertEquals(List.of(), outbox(), "a refused invitation sends nothing");

        PortalUser user = invite(administrator, "kari", PortalRole.SELF_SERVICE);
        DomainException e = refused(DomainException.Kind.FORBIDDEN, () -> platform.portalUsers.change(administrator,
                org, user.id(), user.version(), new PortalUser.Change(PortalRole.SELF_SERVICE, List.of(),
                        "new@a.example")));
        assertEquals("PORTAL-USER-1", e.rule());
        PortalUser fixed = platform.portalUsers.change(TestPlatform.STAFF, org, user.id(), user.version(),
                new PortalUser.Change(PortalRole.SELF_SERVICE, List.of(), "new@a.example"));
        assertEquals("new@a.example", fixed.email());
        refused(DomainException.Kind.PRECONDITION_FAILED, () -> platform.portalUsers.change(TestPlatform.STAFF, org,
                user.id(), user.version(), new PortalUser.Change(PortalRole.SELF_SERVICE, List.of(), null)));
    }

    @Test
    void twoCreationsOfOneNameAtOnceMakeOneUserAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = "twin-" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<PortalUser>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String email = name + "." + i + "@a.example";
                    Callable<PortalUser> call = () -> {
                        start.await();
                        return platform.portalUsers.invite(TestPlatform.STAFF, org,
                                new PortalUser.Draft(name, email, PortalRole.SELF_SERVICE, List.of()));
                    };
                    results.add(pool.submit(call));
                }
                start.countDown();
                int created = 0;
                int conflicts = 0;
                for (Future<PortalUser> f : results) {
                    try {
                        f.get();
                        created++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        DomainException d = (DomainException) e.getCause();
                        assertEquals(DomainException.Kind.CONFLICT, d.kind(), d.getMessage());
                        assertEquals("userName", d.field());
                        conflicts++;
                    }
                }
                assertEquals(1, created);
                assertEquals(1, conflicts);
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(5, platform.portalUsers.list(TestPlatform.STAFF, org).size());
        assertEquals(5, outbox().size(), "one invitation per user created, none for a refused one");
    }

    @Test
    void anInvitationLinkSetsThePasswordOnceAndAResetLinkExpires() {
        PortalUser user = invite(administrator, "kari", PortalRole.DEVICE_MANAGER, assigned);
        assertFalse(user.active());
        OutboxMessage invitation = outbox().get(0);
        assertEquals("kari@a.example", invitation.recipient());
        assertTrue(invitation.body().contains("https://portal.example/portal/password-reset/"), invitation.body());
        String token = token(invitation);
        refused(DomainException.Kind.INVALID, () -> platform.portalUsers.resetPassword(token, "short"));
        platform.portalUsers.resetPassword(token, "kari-secret-1");
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.resetPassword(token, "kari-secret-2"));
        String stored = storedHash("kari");
        assertTrue(stored.startsWith("{PBKDF2}100000:"), stored);
        assertFalse(stored.contains(token), "only the token's hash is kept");
        assertTrue(new Pbkdf2Encryption().checkPassword("kari-secret-1", stored.substring("{PBKDF2}".length())));
        assertTrue(platform.portalUsers.get(administrator, org, user.id()).active());

        // a reset: the same answer for an unknown address, and no message
        platform.portalUsers.requestPasswordReset("nobody@a.example");
        assertEquals(1, outbox().size());
        platform.portalUsers.requestPasswordReset("KARI@a.example");
        assertEquals(2, outbox().size());
        String reset = token(outbox().get(1));
        platform.clock.set(platform.clock.instant().plus(Duration.ofMinutes(61)));
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.resetPassword(reset, "kari-secret-3"));
        platform.portalUsers.requestPasswordReset("kari@a.example");
        platform.portalUsers.resetPassword(token(outbox().get(2)), "kari-secret-3");
        // a removed user's link no longer works
        platform.portalUsers.requestPasswordReset("kari@a.example");
        PortalUser current = platform.portalUsers.get(administrator, org, user.id());
        platform.portalUsers.remove(administrator, org, user.id(), current.version());
        refused(DomainException.Kind.NOT_FOUND, () -> platform.portalUsers.resetPassword(token(outbox().get(3)),
                "kari-secret-4"));
    }

    private String storedHash(String user) {
        try (var c = platform.database.dataSource().getConnection();
                var st = c.prepareStatement("SELECT PASSWORD_HASH FROM PORTAL_USER WHERE USER_NAME = ?")) {
            st.setString(1, user);
            try (var rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
