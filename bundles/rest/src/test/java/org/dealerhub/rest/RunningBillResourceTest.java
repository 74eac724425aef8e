package org.dealerhub.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.BillingRun;
import org.dealerhub.api.BillingService;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.PriceList;
import org.dealerhub.api.RunningBill;
import org.junit.jupiter.api.Test;

/** The running bill and the alerts over REST: the caller passed on, the JSON shape, refusals in the one shape. */
class RunningBillResourceTest {

    private static final RunningBill BILL = new RunningBill(7, 1, "canon", LocalDate.of(2026, 7, 19),
            Currency.getInstance("NOK"), new BillingRun.Outcome(7, BillingRun.Outcome.Status.UNCHANGED, null, null,
                    null, List.of()),
            List.of(new RunningBill.Allowance("colour-cap/17/2026-01-01", "Colour pages", 17L, "CAP",
                    "colour A4 pages", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 24_000, 20_000,
                    LocalDate.of(2026, 7, 19), new BigDecimal("150.00"), 44_750, 20_750, "clickColourA4",
                    new BigDecimal("0.45"), new BigDecimal("9337.50"), 83, "CANON-VOL-3")),
            List.of(new RunningBill.Alert("colour-cap/17/2026-01-01", 17L, "FORECAST_OVERRUN", "forecast over",
                    "CANON-VOL-3")));

    private final List<Caller> callers = new ArrayList<>();

    /** The billing service as far as these resources use it: records the caller, refuses contract 404. */
    private final BillingService billing = (BillingService) Proxy.newProxyInstance(
            BillingService.class.getClassLoader(), new Class<?>[] {BillingService.class}, (proxy, method, args) -> {
                callers.add((Caller) args[0]);
                return switch (method.getName()) {
                    case "runningBill" -> {
                        if ((long) args[1] == 404) {
                            throw DomainException.notFound("contract", 404);
                        }
                        yield BILL;
                    }
                    case "alerts" -> new RunningBill.AlertPage(List.of(new RunningBill.ContractAlerts(7, 1, "canon",
                            BILL.date(), BILL.alerts())), null);
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            });

    private static SecurityContext as(Caller caller) {
        return (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUserPrincipal")) {
                        Principal p = new Authenticated.CallerPrincipal(caller);
                        return p;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theRunningBillIsTheCallersAndWrittenWithItsForecast() throws Exception {
        Caller customer = Caller.customer("kari", 1);
        RunningBill bill = new ContractResource(null, billing).runningBill(as(customer), 7);
        assertSame(BILL, bill);
        assertEquals(List.of(customer), callers);
        String json = RestServer.objectMapper().writeValueAsString(bill);
        assertTrue(json.contains("\"date\":\"2026-07-19\"") && json.contains("\"currency\":\"NOK\""), json);
        assertTrue(json.contains("\"perDay\":150.00") && json.contains("\"forecastAmount\":9337.50"), json);
        assertTrue(json.contains("\"level\":\"FORECAST_OVERRUN\"") && json.contains("\"rule\":\"CANON-VOL-3\""),
                json);
    }

    @Test
    void anInvisibleContractAnswers404InTheOneShape() {
        DomainException e = assertThrows(DomainException.class,
                () -> new ContractResource(null, billing).runningBill(as(Caller.customer("kari", 1)), 404));
        assertEquals(404, Errors.of(e).getStatus());
        assertTrue(Errors.of(e).getEntity() instanceof ApiError);
    }

    @Test
    void alertsArePagedByCursorAndANegativeCursorIsRefused() {
        Caller staff = new Caller("staff", Caller.Role.DEALER_STAFF, java.util.Optional.empty());
        BillingAlertResource resource = new BillingAlertResource(billing);
        RunningBill.AlertPage page = resource.list(as(staff), 0, 10);
        assertEquals(7, page.contracts().get(0).contractId());
        DomainException e = assertThrows(DomainException.class, () -> resource.list(as(staff), -1, 10));
        assertEquals(400, Errors.of(e).getStatus());
        assertEquals("after", e.field());
    }

    @Test
    void BILL_PRICE_1_aPriceChangeMayNameItsFirstDay() throws Exception {
        PriceList.Change change = RestServer.objectMapper().readValue(
                "{\"prices\":{\"monthlyFee\":820},\"validFrom\":\"2027-01-01\"}", PriceList.Change.class);
        assertEquals(LocalDate.of(2027, 1, 1), change.validFrom());
        assertEquals(null, RestServer.objectMapper().readValue("{\"prices\":{\"monthlyFee\":820}}",
                PriceList.Change.class).validFrom());
        try {
            RestServer.objectMapper().readValue("{\"prices\":{\"monthlyFee\":820},\"validFrom\":\"soon\"}",
                    PriceList.Change.class);
            throw new AssertionError("accepted validFrom soon");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ApiError error = (ApiError) new Errors.JsonMapper().toResponse(e).getEntity();
            assertEquals("validFrom", error.field());
        }
    }
}
