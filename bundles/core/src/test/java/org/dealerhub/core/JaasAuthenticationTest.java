package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.junit.jupiter.api.Test;

class JaasAuthenticationTest {

    @Test
    void realmRolesMapToDealerhubCallers() {
        assertEquals(Caller.Role.DEALER_ADMIN,
                JaasAuthentication.toCaller("a", Set.of("admin", "dealer-admin")).orElseThrow().role());
        assertEquals(Caller.Role.DEALER_STAFF, JaasAuthentication.toCaller("s", Set.of("dealer-staff"))
                .orElseThrow().role());
        Caller customer = JaasAuthentication.toCaller("c", Set.of("customer", "organisation-17")).orElseThrow();
        assertEquals(Caller.Role.CUSTOMER, customer.role());
        assertEquals(Optional.of(17L), customer.organisationId());
    }

    @Test
    void aUserWithoutDealerhubRolesIsNoCaller() {
        assertTrue(JaasAuthentication.toCaller("k", Set.of("admin", "ssh")).isEmpty());
    }

    @Test
    void PORTAL_ACCT_1_aCustomerUserIsBoundToExactlyOneOrganisationById() {
        for (Set<String> roles : java.util.List.of(Set.of("customer"), Set.of("customer", "org-10001"),
                Set.of("customer", "organisation-1", "org-10001"), Set.of("customer", "organisation-1",
                        "organisation-2"), Set.of("customer", "organisation-x"))) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> JaasAuthentication.toCaller("c", roles), roles::toString);
            assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
            assertEquals("PORTAL-ACCT-1", refused.rule());
        }
    }
}
