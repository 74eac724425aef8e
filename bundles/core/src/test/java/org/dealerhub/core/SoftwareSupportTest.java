package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Contract;
import org.dealerhub.api.Device;
import org.dealerhub.api.DeviceFormat;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.OrderChannel;
import org.dealerhub.api.OrderExtras;
import org.dealerhub.api.OrderKind;
import org.dealerhub.api.OrderState;
import org.dealerhub.api.Organisation;
import org.dealerhub.api.ServiceOrder;
import org.dealerhub.api.SoftwareSupport;
import org.dealerhub.api.SoftwareSupport.ClosingReason;
import org.dealerhub.api.SoftwareSupport.Priority;
import org.dealerhub.api.spi.BillingContext;
import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Software support and paid extras on the real persistence unit, in Oslo's calendar (08:00-16:00). The vendor rule
 * here reads the facts as Konica Minolta Ukraine's does (its own tests prove that rule): response hours per priority
 * (Critical 1, others 2), resolution 8 business hours from the end of analysis, none while a known error is being
 * fixed or for a change request; shorter response and 24/7 (Kyiv only) as options.
 */
class SoftwareSupportTest {

    private static final Caller STAFF = TestPlatform.STAFF;
    private static final Caller OTHER_STAFF = new Caller("anna", Caller.Role.DEALER_STAFF, Optional.empty());

    /** A stand-in of the vendor rule: the facts as KonicaMinoltaUkraineResponseTimeRule reads them. */
    static final ResponseTimeRule SOFTWARE_RULE = new ResponseTimeRule() {
        @Override
        public String vendorId() {
            return "acme";
        }

        @Override
        public Set<String> packageCodes() {
            return Set.of("BASIC");
        }

        @Override
        public ResponseDeadline deadline(OrderFacts o, BusinessCalendar calendar) {
            Instant start = calendar.clockStart(o.registeredAt());
            if (o.fact("kind").orElse("response").equals("resolution")) {
                if (o.fact("type").orElse("").equals("change-request")) {
                    return new ResponseDeadline(Optional.empty(), start, "no regulated resolution", "KMUA-SW-5");
                }
                if (o.fact("knownError").isPresent() && o.fact("fixReleasedAt").isEmpty()) {
                    return new ResponseDeadline(Optional.empty(), start, "known error being fixed", "KMUA-SW-4");
                }
                if (o.fact("analysisEndedAt").isEmpty()) {
                    return new ResponseDeadline(Optional.empty(), start, "analysis not ended", "KMUA-SW-4");
                }
                Instant from = Instant.parse(o.fact("analysisEndedAt").get());
                Instant fix = o.fact("fixReleasedAt").map(Instant::parse).orElse(from);
                Instant s = calendar.clockStart(fix.isAfter(from) ? fix : from);
                return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(s, Duration.ofHours(8))), s,
                        "8 business hours", "KMUA-SW-4");
            }
            String option = o.fact("option").orElse("");
            if (option.contains("24x7")) {
                return o.fact("city").orElse("").equals("Kyiv")
                        ? new ResponseDeadline(Optional.of(o.registeredAt().plus(hours(o))), o.registeredAt(),
                                "24/7 in Kyiv", "KMUA-EXTRA-1")
                        : new ResponseDeadline(Optional.empty(), start, "24/7 only in Kyiv", "KMUA-EXTRA-1");
            }
            if (option.contains("shorter-response")) {
                return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(start, hours(o))), start,
                        "shortened", "KMUA-EXTRA-1");
            }
            Duration h = Duration.ofHours(o.fact("priority").orElse("").equals("CRITICAL") ? 1 : 2);
            return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(start, h)), start, "per priority",
                    "KMUA-SW-4");
        }

        private Duration hours(OrderFacts o) {
            return Duration.ofMinutes(new BigDecimal(o.fact("reactionHours").orElse("4")).multiply(
                    BigDecimal.valueOf(60)).longValue());
        }
    };

    private TestPlatform platform;
    private SoftwareSupportImpl software;
    private long org;
    private long device;
    private long contract;
    private long otherOrg;
    private long otherContract;

    @BeforeEach
    void setUp() throws Exception {
        platform = new TestPlatform();
        at("2026-06-08T07:00:00Z"); // Monday 09:00 in Oslo
        platform.deploy(TestPlatform.acme("2020", "Basic"));
        platform.vendors.bindRule(SOFTWARE_RULE, TestPlatform.ACME);
        software = new SoftwareSupportImpl(platform.store, platform.deadlines, platform.calendars, platform.clock,
                platform.orders);
        org = organisation("Fjord AS", "1");
        device = device(org, "SN-1");
        contract = contract(org, device);
        otherOrg = organisation("Sund AS", "2");
        otherContract = contract(otherOrg, device(otherOrg, "SN-2"));
        software.addContact(STAFF, contract, new SoftwareSupport.ContactDraft("Kari Nordmann", "Kari@Fjord.no",
                "+47 22 00 00 00", null));
        software.addContact(STAFF, contract, new SoftwareSupport.ContactDraft("Ola Quiet", "ola@fjord.no", null,
                false));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    private long organisation(String name, String account) {
        return platform.organisations.create(TestPlatform.ADMIN, new Organisation.Draft(name, account, "S" + account,
                "NO")).id();
    }

    private long device(long organisation, String serial) {
        return platform.devices.create(TestPlatform.ADMIN, new Device.Draft(organisation, "acme", "A1", null,
                DeviceFormat.A4_MONO, serial, "SI-" + serial, null, true)).id();
    }

    private long contract(long organisation, long deviceId) {
        return platform.contracts.create(TestPlatform.ADMIN, new Contract.Draft(organisation, "acme", "NO", "BASIC",
                LocalDate.of(2026, 1, 1), null, List.of(deviceId))).id();
    }

    private ServiceOrder incident(String email, Map<String, String> facts) {
        return platform.orders.register(Caller.customer("kari", org), new ServiceOrder.Draft(device, contract,
                OrderKind.SOFTWARE_INCIDENT, OrderChannel.WEB, null, "SafeQ does not release print jobs", null, null,
                "Kari", email, facts));
    }

    private ServiceOrder incident(Priority proposed) {
        return incident("kari@fjord.no", Map.of("priority", proposed.name()));
    }

    private void at(String instant) {
        platform.clock.set(Instant.parse(instant));
    }

    private int orderCount() {
        return platform.orders.list(STAFF, null).size();
    }

    private static DomainException refused(DomainException.Kind kind, String rule, Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(rule, e.rule(), e.getMessage());
        return e;
    }

    private List<String> history(long id) {
        return platform.orders.history(STAFF, id).stream().map(e -> e.what() + ": " + e.reason()).toList();
    }

    @Test
    void KMUA_SW_1_onlyTheContractsNamedContactsGetSoftwareSupport() {
        refused(DomainException.Kind.RULE, "KMUA-SW-1", () -> incident("someone@fjord.no",
                Map.of("priority", "HIGH")));
        refused(DomainException.Kind.RULE, "KMUA-SW-1", () -> incident(null, Map.of("priority", "HIGH")));
        assertEquals(0, orderCount(), "a refused registration changes nothing");
        assertEquals(0, platform.store.read(r -> r.outbox().all()).size());
        // the named contact, in any case
        assertEquals(OrderState.REGISTERED, incident("KARI@fjord.no", Map.of("priority", "HIGH")).state());
        // a repair needs no named contact
        assertNotNull(platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract, OrderKind.REPAIR,
                OrderChannel.WEB, null, "jam", null, null, "Per", "per@fjord.no", Map.of())));

        // named contacts: validated, each e-mail once per contract, added by dealer users, seen by their organisation
        assertEquals(List.of("kari@fjord.no", "ola@fjord.no"), software.contacts(Caller.customer("kari", org),
                contract).stream().map(SoftwareSupport.Contact::email).toList());
        DomainException bad = refused(DomainException.Kind.INVALID, null, () -> software.addContact(STAFF, contract,
                new SoftwareSupport.ContactDraft("X", "not-an-address", null, null)));
        assertEquals("email", bad.field());
        assertEquals("phone", refused(DomainException.Kind.INVALID, null, () -> software.addContact(STAFF, contract,
                new SoftwareSupport.ContactDraft("X", "x@fjord.no", "call me", null))).field());
        assertEquals("email", refused(DomainException.Kind.CONFLICT, "KMUA-SW-1", () -> software.addContact(STAFF,
                contract, new SoftwareSupport.ContactDraft("Kari again", "kari@FJORD.no", null, null))).field());
        refused(DomainException.Kind.FORBIDDEN, null, () -> software.addContact(Caller.customer("kari", org),
                contract, new SoftwareSupport.ContactDraft("Me", "me@fjord.no", null, null)));
        refused(DomainException.Kind.NOT_FOUND, null, () -> software.contacts(Caller.customer("kari", org),
                otherContract));
        refused(DomainException.Kind.NOT_FOUND, null, () -> software.addContact(Caller.customer("kari", org),
                otherContract, new SoftwareSupport.ContactDraft("Me", "me@fjord.no", null, null)));
        assertEquals(2, software.contacts(STAFF, contract).size());
    }

    @Test
    void KMUA_SW_2_thePriorityIsProposedThenAcceptedOrRenegotiatedAndTheDeadlineFollows() {
        refused(DomainException.Kind.RULE, "KMUA-SW-2", () -> incident("kari@fjord.no", Map.of()));
        refused(DomainException.Kind.RULE, "KMUA-SW-2", () -> incident("kari@fjord.no", Map.of("priority", "urgent")));
        assertEquals(0, orderCount());

        ServiceOrder order = incident(Priority.MEDIUM);
        assertEquals(Instant.parse("2026-06-08T09:00:00Z"), order.deadline().original(), "Medium: 2 hours");
        SoftwareSupport.Incident i = software.incident(STAFF, order.id());
        assertEquals(Priority.MEDIUM, i.proposedPriority());
        assertEquals(Priority.MEDIUM, i.priority());
        assertEquals(false, i.priorityAgreed());

        // a customer may not renegotiate; a renegotiation needs its reason
        refused(DomainException.Kind.FORBIDDEN, null, () -> software.changePriority(Caller.customer("kari", org),
                order.id(), order.version(), new SoftwareSupport.PriorityChange(Priority.CRITICAL, "now")));
        refused(DomainException.Kind.INVALID, null, () -> software.changePriority(STAFF, order.id(),
                order.version(), new SoftwareSupport.PriorityChange(Priority.CRITICAL, null)));
        assertEquals(order.version(), platform.orders.get(STAFF, order.id()).version(), "refusals change nothing");

        at("2026-06-08T07:30:00Z");
        SoftwareSupport.Incident renegotiated = software.changePriority(STAFF, order.id(), order.version(),
                new SoftwareSupport.PriorityChange(Priority.CRITICAL, "all printing stopped"));
        assertEquals(Priority.CRITICAL, renegotiated.priority());
        assertEquals(Priority.MEDIUM, renegotiated.proposedPriority());
        assertTrue(renegotiated.priorityAgreed());
        assertEquals(order.version() + 1, renegotiated.version());
        // the deadline follows the agreed priority, counted from the registration
        assertEquals(Instant.parse("2026-06-08T08:00:00Z"), platform.orders.get(STAFF, order.id()).deadline()
                .original());
        assertTrue(history(order.id()).contains("priority: renegotiated MEDIUM -> CRITICAL: all printing stopped"),
                history(order.id()).toString());

        // accepting the proposal as it stands
        ServiceOrder low = incident(Priority.LOW);
        software.changePriority(STAFF, low.id(), low.version(), new SoftwareSupport.PriorityChange(Priority.LOW,
                null));
        assertTrue(history(low.id()).contains("priority: accepted LOW"), history(low.id()).toString());
    }

    @Test
    void KMUA_SW_2_twoStaffRenegotiatingAtOnceOneWinsTheOtherIsStale() throws Exception {
        for (int round = 0; round < 5; round++) {
            ServiceOrder order = incident(Priority.LOW);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<SoftwareSupport.Incident>> calls = new ArrayList<>();
                for (var change : List.of(new Object[] {STAFF, Priority.HIGH}, new Object[] {OTHER_STAFF,
                        Priority.CRITICAL})) {
                    calls.add(pool.submit(() -> {
                        start.await();
                        return software.changePriority((Caller) change[0], order.id(), order.version(),
                                new SoftwareSupport.PriorityChange((Priority) change[1], "customer called"));
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<SoftwareSupport.Incident> call : calls) {
                    try {
                        call.get();
                        won++;
                    } catch (ExecutionException e) {
                        DomainException refusal = (DomainException) e.getCause();
                        assertTrue(refusal.kind() == DomainException.Kind.PRECONDITION_FAILED
                                || refusal.kind() == DomainException.Kind.CONFLICT, refusal.getMessage());
                    }
                }
                assertEquals(1, won);
            } finally {
                pool.shutdown();
            }
            SoftwareSupport.Incident after = software.incident(STAFF, order.id());
            List<String> changes = history(order.id()).stream().filter(h -> h.startsWith("priority")).toList();
            assertEquals(1, changes.size(), "exactly the winner's change is recorded");
            assertTrue(changes.get(0).endsWith(after.priority() + ": customer called"), changes.get(0));
            assertEquals(order.version() + 1, after.version());
        }
    }

    @Test
    void KMUA_SW_4_theRegistrationEmailIsTheReactionWhereItGoesOut() {
        ServiceOrder mailed = incident(Priority.HIGH);
        assertEquals(mailed.registeredAt(), mailed.respondedAt());
        assertTrue(mailed.response().contains("registration e-mail"), mailed.response());
        assertEquals(true, mailed.sla().met());
        assertEquals(1, platform.store.read(r -> r.outbox().all()).stream()
                .filter(m -> m.recipient().equals("kari@fjord.no")).count());
        // switched off for a contact who has not asked for it: the first contact from support is the reaction
        ServiceOrder quiet = incident("ola@fjord.no", Map.of("priority", "HIGH"));
        assertNull(quiet.respondedAt());
        assertTrue(quiet.sla().running());
        at("2026-06-08T07:20:00Z");
        assertNotNull(platform.orders.respond(STAFF, quiet.id(), quiet.version(),
                new ServiceOrder.Response(null, "support specialist called")).respondedAt());
    }

    @Test
    void KMUA_SW_4_aLinkedIncidentHasNoResolutionDeadlineWhileItsKnownErrorIsBeingFixed() {
        ServiceOrder order = incident(Priority.HIGH);
        SoftwareSupport.Incident i = software.incident(STAFF, order.id());
        assertNull(i.resolution().original(), "no resolution time before the analysis ends");

        at("2026-06-08T08:00:00Z");
        i = software.endAnalysis(STAFF, order.id(), i.version(), new SoftwareSupport.Analysis(null));
        assertEquals(Instant.parse("2026-06-09T08:00:00Z"), i.resolution().original(), "8 business hours");
        assertEquals("KMUA-SW-4", i.resolution().rule());
        long v = i.version();
        refused(DomainException.Kind.RULE, "KMUA-SW-4", () -> software.endAnalysis(STAFF, order.id(), v,
                new SoftwareSupport.Analysis(null)));

        SoftwareSupport.KnownError known = software.createKnownError(STAFF, new SoftwareSupport.KnownErrorDraft(
                "SafeQ 6.0.42 spooler hangs", "Vendor ticket 1234"));
        // customers never see known errors
        assertEquals(List.of(), software.knownErrors(Caller.customer("kari", org)));
        refused(DomainException.Kind.NOT_FOUND, null, () -> software.knownError(Caller.customer("kari", org),
                known.id()));
        refused(DomainException.Kind.FORBIDDEN, null, () -> software.createKnownError(Caller.customer("kari", org),
                new SoftwareSupport.KnownErrorDraft("mine", null)));

        i = software.link(STAFF, order.id(), v, new SoftwareSupport.Link(known.id()));
        assertEquals(known.id(), i.knownErrorId());
        assertNull(i.resolution().original(), i.resolution().reason());
        assertNull(i.resolutionDue());
        assertEquals(List.of(order.id()), software.knownError(STAFF, known.id()).linkedOrderIds());

        // the fix is released Tuesday 10:00 Oslo: the resolution time runs from then (platform decision)
        at("2026-06-09T08:00:00Z");
        SoftwareSupport.KnownError fixed = software.releaseFix(STAFF, known.id(), known.version(),
                new SoftwareSupport.FixRelease(null));
        assertEquals(Instant.parse("2026-06-09T08:00:00Z"), fixed.fixReleasedAt());
        i = software.incident(STAFF, order.id());
        assertEquals(Instant.parse("2026-06-10T08:00:00Z"), i.resolution().original());
        assertTrue(history(order.id()).stream().anyMatch(h -> h.contains("fix of known error")));
        // nothing is linked to a known error already fixed, and a fix is released once
        ServiceOrder later = incident(Priority.LOW);
        refused(DomainException.Kind.RULE, "KMUA-SW-4", () -> software.link(STAFF, later.id(), later.version(),
                new SoftwareSupport.Link(known.id())));
        refused(DomainException.Kind.RULE, "KMUA-SW-4", () -> software.releaseFix(STAFF, known.id(),
                fixed.version(), new SoftwareSupport.FixRelease(null)));
        refused(DomainException.Kind.PRECONDITION_FAILED, null, () -> software.releaseFix(STAFF, known.id(),
                known.version(), new SoftwareSupport.FixRelease(null)));
    }

    @Test
    void KMUA_SW_7_withoutRemoteAccessTheResolutionStretchesByTheWait() {
        ServiceOrder order = incident(Priority.HIGH);
        SoftwareSupport.Incident i = software.endAnalysis(STAFF, order.id(), order.version(),
                new SoftwareSupport.Analysis(null));
        assertEquals(Instant.parse("2026-06-09T07:00:00Z"), i.resolutionDue(), "8 business hours: Tuesday 09:00");
        // no remote access: waiting for the travel and the cost approval, two business hours
        ServiceOrder held = platform.orders.hold(STAFF, order.id(), i.version(), new ServiceOrder.Hold(
                ServiceOrder.PauseReason.WAITING, "no remote access: visit and cost approval"));
        at("2026-06-08T09:00:00Z");
        platform.orders.release(STAFF, order.id(), held.version(), held.pauses().get(0).id());
        assertEquals(Instant.parse("2026-06-09T09:00:00Z"), software.incident(STAFF, order.id()).resolutionDue(),
                "moved by the 2 paused business hours");
    }

    @Test
    void KMUA_SW_5_aWorkaroundClosureReopensTheOtherClosuresDoNot() {
        ServiceOrder order = incident(Priority.HIGH);
        SoftwareSupport.Incident closed = software.close(STAFF, order.id(), order.version(),
                new SoftwareSupport.Closure(ClosingReason.WORKAROUND, "restart the spooler nightly"));
        assertEquals(OrderState.RESOLVED, closed.state());
        assertEquals(ClosingReason.WORKAROUND, closed.closingReason());
        SoftwareSupport.Incident reopened = software.reopen(STAFF, order.id(), closed.version(),
                new SoftwareSupport.Reopening("the vendor's fix arrived"));
        assertEquals(OrderState.IN_PROGRESS, reopened.state());
        assertNull(reopened.closingReason());

        ServiceOrder gone = incident(Priority.LOW);
        SoftwareSupport.Incident done = software.close(STAFF, gone.id(), gone.version(),
                new SoftwareSupport.Closure(ClosingReason.SYMPTOM_GONE, null));
        refused(DomainException.Kind.RULE, "KMUA-SW-5", () -> software.reopen(STAFF, gone.id(), done.version(),
                new SoftwareSupport.Reopening("again")));
        refused(DomainException.Kind.RULE, "KMUA-SW-5", () -> platform.orders.transition(STAFF, gone.id(),
                done.version(), new ServiceOrder.Transition(OrderState.IN_PROGRESS, "again", null)));
        ServiceOrder outside = incident(Priority.LOW);
        SoftwareSupport.Incident os = software.close(STAFF, outside.id(), outside.version(),
                new SoftwareSupport.Closure(ClosingReason.OUTSIDE_SYSTEM, "Active Directory data"));
        refused(DomainException.Kind.RULE, "KMUA-SW-5", () -> software.reopen(STAFF, outside.id(), os.version(),
                new SoftwareSupport.Reopening("again")));
        assertEquals(OrderState.RESOLVED, platform.orders.get(STAFF, outside.id()).state());
        // a closed incident closes no further
        refused(DomainException.Kind.RULE, "KMUA-ORDER-2", () -> software.close(STAFF, outside.id(), os.version(),
                new SoftwareSupport.Closure(ClosingReason.SYMPTOM_GONE, null)));
    }

    @Test
    void KMUA_SW_9_aChangeRequestOnlyAfterAConsultationAndTheContactsConfirmation() {
        Map<String, String> facts = new HashMap<>();
        ServiceOrder.Draft draft = new ServiceOrder.Draft(device, contract, OrderKind.CHANGE_REQUEST,
                OrderChannel.WEB, null, "a new release queue", null, null, "Kari", "kari@fjord.no", facts);
        assertEquals("facts.consultation", refused(DomainException.Kind.RULE, "KMUA-SW-9",
                () -> platform.orders.register(STAFF, draft)).field());
        facts.put("consultation", "CONFIGURATION_WITH_TESTING");
        assertEquals("facts.confirmedBy", refused(DomainException.Kind.RULE, "KMUA-SW-9",
                () -> platform.orders.register(STAFF, draft)).field());
        facts.put("confirmedBy", "stranger@example.com");
        refused(DomainException.Kind.RULE, "KMUA-SW-9", () -> platform.orders.register(STAFF, draft));
        assertEquals(0, orderCount());
        facts.put("confirmedBy", "ola@fjord.no");
        ServiceOrder order = platform.orders.register(STAFF, draft);
        SoftwareSupport.Incident cr = software.incident(STAFF, order.id());
        assertEquals(SoftwareSupport.Consultation.CONFIGURATION_WITH_TESTING, cr.consultation());
        assertEquals("ola@fjord.no", cr.confirmedBy());
    }

    @Test
    void KMUA_SW_5_aChangeRequestHasNoRegulatedResolutionTime() {
        ServiceOrder order = platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.CHANGE_REQUEST, OrderChannel.WEB, null, "a new release queue", null, null, "Kari",
                "kari@fjord.no", Map.of("consultation", "OPERATING_QUESTION", "confirmedBy", "kari@fjord.no")));
        SoftwareSupport.Incident cr = software.endAnalysis(STAFF, order.id(), order.version(),
                new SoftwareSupport.Analysis(null));
        assertNull(cr.resolution().original());
        assertEquals("KMUA-SW-5", cr.resolution().rule());
        assertNull(cr.resolutionDue());
    }

    @Test
    void KMUA_SW_3_theRegisteredDataMayBeDisputedWithinThreeWorkingHoursAcrossAWeekend() {
        at("2026-06-12T13:00:00Z"); // Friday 15:00 in Oslo: one working hour left that day
        ServiceOrder order = incident(Priority.HIGH);
        SoftwareSupport.Incident i = software.incident(STAFF, order.id());
        assertEquals(Instant.parse("2026-06-15T08:00:00Z"), i.disputeUntil(), "Monday 10:00: 1 + 2 working hours");

        at("2026-06-15T07:30:00Z"); // Monday 09:30
        ServiceOrder disputed = software.dispute(Caller.customer("kari", org), order.id(), order.version(),
                new SoftwareSupport.Dispute("The system is Dispatcher Paragon, not SafeQ"));
        assertEquals(order.version() + 1, disputed.version());
        assertTrue(history(order.id()).contains("disputed: The system is Dispatcher Paragon, not SafeQ"));

        at("2026-06-15T08:00:01Z"); // Monday 10:00:01
        DomainException late = refused(DomainException.Kind.RULE, "KMUA-SW-3", () -> software.dispute(
                Caller.customer("kari", org), order.id(), disputed.version(), new SoftwareSupport.Dispute("more")));
        assertEquals("text", late.field());
        assertEquals(disputed.version(), platform.orders.get(STAFF, order.id()).version());
        // another organisation's customer does not see the order
        refused(DomainException.Kind.NOT_FOUND, null, () -> software.dispute(Caller.customer("x", otherOrg),
                order.id(), disputed.version(), new SoftwareSupport.Dispute("mine?")));
    }

    @Test
    void KMUA_EXTRA_1_extrasChangeTheDeadlineAreRefusedWhereTheRuleCannotHonourThemAndAreBilled() {
        ServiceOrder order = platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.WEB, null, "jam", null, null, "Per", "per@fjord.no",
                Map.of("city", "Lviv")));
        assertEquals(Instant.parse("2026-06-08T09:00:00Z"), order.deadline().original());

        // 24/7 only in Kyiv: refused with the rule, nothing changed
        DomainException kyivOnly = refused(DomainException.Kind.RULE, "KMUA-EXTRA-1", () -> software.buy(STAFF,
                order.id(), order.version(), new OrderExtras.OrderDraft(OrderExtras.Code.ROUND_THE_CLOCK, null,
                        null)));
        assertTrue(kyivOnly.getMessage().contains("Kyiv"), kyivOnly.getMessage());
        assertEquals(order.version(), platform.orders.get(STAFF, order.id()).version());
        assertEquals(List.of(), software.ofOrder(STAFF, order.id()));
        assertEquals("reactionHours", refused(DomainException.Kind.INVALID, null, () -> software.buy(STAFF,
                order.id(), order.version(), new OrderExtras.OrderDraft(OrderExtras.Code.SHORTER_RESPONSE, null,
                        null))).field());

        ServiceOrder shorter = software.buy(Caller.customer("kari", org), order.id(), order.version(),
                new OrderExtras.OrderDraft(OrderExtras.Code.SHORTER_RESPONSE, new BigDecimal("0.5"), null));
        assertEquals(Instant.parse("2026-06-08T07:30:00Z"), shorter.deadline().original());
        assertEquals("KMUA-EXTRA-1", shorter.deadline().rule());
        assertEquals(order.version() + 1, shorter.version());

        // in Kyiv round the clock is sold
        ServiceOrder kyiv = platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.WEB, null, "jam", null, null, "Per", "per@fjord.no",
                Map.of("city", "Kyiv", "reactionHours", "3")));
        ServiceOrder roundTheClock = software.buy(STAFF, kyiv.id(), kyiv.version(),
                new OrderExtras.OrderDraft(OrderExtras.Code.ROUND_THE_CLOCK, null, null));
        assertEquals(Instant.parse("2026-06-08T10:00:00Z"), roundTheClock.deadline().original());

        // a period extra reaches the orders registered in it
        software.buyForPeriod(STAFF, contract, new OrderExtras.PeriodDraft(OrderExtras.Code.SHORTER_RESPONSE,
                BigDecimal.ONE, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));
        ServiceOrder inPeriod = platform.orders.register(STAFF, new ServiceOrder.Draft(device, contract,
                OrderKind.REPAIR, OrderChannel.WEB, null, "jam", null, null, "Per", "per@fjord.no", Map.of()));
        assertEquals(Instant.parse("2026-06-08T08:00:00Z"), inPeriod.deadline().original());
        refused(DomainException.Kind.FORBIDDEN, null, () -> software.buyForPeriod(Caller.customer("kari", org),
                contract, new OrderExtras.PeriodDraft(OrderExtras.Code.ROUND_THE_CLOCK, null, null,
                        LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31))));

        // billing reads them as uncovered work
        List<BillingContext.Work> work = platform.store.read(r -> r.support().extraWork(STAFF, contract,
                LocalDate.of(2026, 6, 30)));
        assertEquals(List.of(
                new BillingContext.Work(order.id(), order.number(), device, LocalDate.of(2026, 6, 8), "extra", false,
                        BigDecimal.ONE, "extraShorterResponse", "KMUA-EXTRA-1"),
                new BillingContext.Work(kyiv.id(), kyiv.number(), device, LocalDate.of(2026, 6, 8), "extra", false,
                        BigDecimal.ONE, "extraRoundTheClock", "KMUA-EXTRA-1"),
                new BillingContext.Work(0, null, null, LocalDate.of(2026, 6, 1), "extra", false, BigDecimal.ONE,
                        "extraShorterResponse", "KMUA-EXTRA-1")), work);
        assertEquals(Map.of(contract, work), platform.store.read(r -> r.support().extraWork(List.of(contract,
                contract + 1000), LocalDate.of(2026, 6, 30))), "a billing page reads the same in one query");
        assertEquals(List.of(), platform.store.read(r -> r.support().extraWork(STAFF, contract,
                LocalDate.of(2026, 5, 31))));
        // once responded to, an extra changes nothing any more
        ServiceOrder responded = platform.orders.respond(STAFF, inPeriod.id(), inPeriod.version(),
                new ServiceOrder.Response(null, "remote diagnostics"));
        refused(DomainException.Kind.RULE, "KMUA-EXTRA-1", () -> software.buy(STAFF, inPeriod.id(),
                responded.version(), new OrderExtras.OrderDraft(OrderExtras.Code.SHORTER_RESPONSE, BigDecimal.ONE,
                        null)));
    }
}
