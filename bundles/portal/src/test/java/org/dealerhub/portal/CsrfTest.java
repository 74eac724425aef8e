package org.dealerhub.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {

    @Test
    void aPostCarriesTheSessionsOwnToken() {
        String token = Csrf.newToken();
        assertEquals(43, token.length());
        assertNotEquals(token, Csrf.newToken());
        assertTrue(Csrf.matches(token, token));
        assertFalse(Csrf.matches(token, Csrf.newToken()));
        assertFalse(Csrf.matches(token, null));
        assertFalse(Csrf.matches(null, token));
    }

    @Test
    void cookiesGetHttpOnlySameSiteAndSecureOverHttps() {
        assertEquals("JSESSIONID=x; Path=/; HttpOnly; SameSite=Lax", PortalServlet.harden("JSESSIONID=x; Path=/", false));
        assertEquals("JSESSIONID=x; Path=/; HttpOnly; SameSite=Lax; Secure",
                PortalServlet.harden("JSESSIONID=x; Path=/", true));
        assertEquals("a=b; HttpOnly; SameSite=Strict; Secure", PortalServlet.harden("a=b; HttpOnly; SameSite=Strict; Secure", true));
    }
}
