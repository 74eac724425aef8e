package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Caller;
import org.junit.jupiter.api.Test;

class JaasAuthenticationTest {

    @Test
    void realmRolesMapToDealerhubCallers() {
        assertEquals(Caller.Role.DEALER_ADMIN,
                JaasAuthentication.toCaller("a", Set.of("admin", "dealer-admin")).orElseThrow().role());
        assertEquals(Caller.Role.DEALER_STAFF, JaasAuthentication.toCaller("s", Set.of("dealer-staff"))
                .orElseThrow().role());
        Caller customer = JaasAuthentication.toCaller("c", Set.of("customer", "org-10001")).orElseThrow();
        assertEquals(Caller.Role.CUSTOMER, customer.role());
        assertEquals(Optional.of("10001"), customer.customerAccount());
    }

    @Test
    void aCustomerWithoutAnOrganisationOrAUserWithoutDealerhubRolesIsRefused() {
        assertTrue(JaasAuthentication.toCaller("c", Set.of("customer")).isEmpty());
        assertTrue(JaasAuthentication.toCaller("k", Set.of("admin", "ssh")).isEmpty());
    }
}
