package org.dealerhub.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.KnowledgeArticle;
import org.dealerhub.api.KnowledgeBase;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.StockLocation;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The portal-data resources without a server: versions travel as ETag and If-Match (428 without, 400 when not a
 * version, 404 before 428 for what the caller may not see), refusals keep the one error shape, and the JSON bodies
 * parse strictly. The services are small fakes that record what the resource passed on.
 */
class PortalDataResourceTest {

    private static final ObjectMapper JSON = RestServer.objectMapper();
    private static final Caller STOCK = Caller.portal("a-stock", 1, PortalRole.STOCK_MANAGER);
    private static final Caller STAFF = new Caller("staff", Caller.Role.DEALER_STAFF, Optional.empty());
    private static final StockLocation SHELF = new StockLocation(7, 1, "Copy room", null, Map.of("toner-black", 2),
            Instant.EPOCH, "staff", 3);

    /** Remembers the version each write named; device 7 is the one the caller sees. */
    private static final class FakeStock implements LocalStockService {
        final List<Long> versions = new ArrayList<>();

        @Override
        public List<StockLocation> list(Caller caller, long organisationId) {
            return List.of(SHELF);
        }

        @Override
        public StockLocation get(Caller caller, long deviceId) {
            if (deviceId != 7) {
                throw DomainException.notFound("stock location", deviceId);
            }
            return SHELF;
        }

        @Override
        public StockLocation enable(Caller caller, long deviceId, StockLocation.Draft draft) {
            return SHELF;
        }

        @Override
        public StockLocation update(Caller caller, long deviceId, long version, StockLocation.Draft draft) {
            versions.add(version);
            if (version != SHELF.version()) {
                throw DomainException.stale("stock location", deviceId, version);
            }
            return new StockLocation(deviceId, 1, draft.name(), null, draft.levels(), Instant.EPOCH, caller.user(),
                    version + 1);
        }

        @Override
        public void disable(Caller caller, long deviceId, long version) {
            versions.add(version);
        }

        @Override
        public List<StockLocation.Change> changes(Caller caller, long deviceId) {
            return List.of();
        }
    }

    private static SecurityContext as(Caller caller) {
        Principal principal = new Authenticated.CallerPrincipal(caller);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return BASIC_AUTH;
            }
        };
    }

    private static int status(Runnable call) {
        return Errors.of(assertThrows(DomainException.class, call::run)).getStatus();
    }

    @Test
    void PORTAL_ROLE_3_stockTravelsWithItsVersionAsETagAndIfMatch() {
        FakeStock fake = new FakeStock();
        StockResource resource = new StockResource(fake);
        Response got = resource.get(as(STOCK), 7);
        assertEquals("3", got.getEntityTag().getValue());
        StockLocation.Draft draft = new StockLocation.Draft("Copy room", null, Map.of("toner-black", 1));
        Response changed = resource.update(as(STOCK), 7, "\"3\"", draft);
        assertEquals(200, changed.getStatus());
        assertEquals("4", changed.getEntityTag().getValue());
        assertEquals(412, status(() -> resource.update(as(STOCK), 7, "W/\"2\"", draft)));
        assertEquals(428, status(() -> resource.update(as(STOCK), 7, null, draft)));
        assertEquals(400, status(() -> resource.update(as(STOCK), 7, "\"three\"", draft)));
        // what the caller may not see is 404 even without If-Match
        assertEquals(404, status(() -> resource.update(as(STOCK), 8, null, draft)));
        assertEquals(List.of(3L, 2L), fake.versions);
        Response created = resource.enable(as(STAFF), 7, draft);
        assertEquals(201, created.getStatus());
        assertEquals("3", created.getEntityTag().getValue());
        assertEquals(204, resource.disable(as(STAFF), 7, "3").getStatus());
        assertEquals(428, status(() -> resource.disable(as(STAFF), 7, "")));
    }

    @Test
    void PORTAL_ROLE_3_aRoleRefusalKeepsTheErrorShapeWithTheRule() {
        Response r = Errors.of(new DomainException(DomainException.Kind.FORBIDDEN, "only stock managers and"
                + " Administrators maintain local stock data", null, "PORTAL-ROLE-3"));
        assertEquals(403, r.getStatus());
        assertEquals("PORTAL-ROLE-3", ((ApiError) r.getEntity()).rule());
    }

    @Test
    void PORTAL_ROLE_4_knowledgeSearchPassesItsFiltersAndArticlesCarryTheirVersion() {
        List<KnowledgeArticle.Query> queries = new ArrayList<>();
        KnowledgeArticle article = new KnowledgeArticle(5, "Toner", "Shake it", "en", List.of("canon"),
                Instant.EPOCH, "staff", Instant.EPOCH, "staff", 2);
        KnowledgeResource resource = new KnowledgeResource(new KnowledgeBase() {
            @Override
            public KnowledgeArticle.Page search(Caller caller, KnowledgeArticle.Query query) {
                queries.add(query);
                return new KnowledgeArticle.Page(List.of(article), 1, query.offset(), query.limit());
            }

            @Override
            public KnowledgeArticle get(Caller caller, long id) {
                return article;
            }

            @Override
            public KnowledgeArticle create(Caller caller, KnowledgeArticle.Draft draft) {
                return article;
            }

            @Override
            public KnowledgeArticle update(Caller caller, long id, long version, KnowledgeArticle.Draft draft) {
                return article;
            }

            @Override
            public void delete(Caller caller, long id, long version) {
            }
        });
        Caller self = Caller.portal("a-self", 1, PortalRole.SELF_SERVICE);
        assertEquals(1, resource.search(as(self), "toner", "canon", "en", 20, 10).total());
        assertEquals(new KnowledgeArticle.Query("toner", "canon", "en", 20, 10), queries.get(0));
        assertEquals("2", resource.get(as(self), 5).getEntityTag().getValue());
        Response created = resource.create(as(STAFF), new KnowledgeArticle.Draft("Toner", "Shake it", "en",
                List.of()));
        assertEquals(201, created.getStatus());
        assertEquals("articles/5", created.getLocation().toString());
        assertEquals(428, status(() -> resource.update(as(STAFF), 5, null, null)));
        assertEquals(428, status(() -> resource.delete(as(STAFF), 5, null)));
    }

    @Test
    void portalDataBodiesParseStrictly() throws Exception {
        StockLocation.Draft shelf = JSON.readValue("{\"name\":\"Copy room\",\"levels\":{\"toner-black\":2}}",
                StockLocation.Draft.class);
        assertEquals(Map.of("toner-black", 2), shelf.levels());
        assertRefused("{\"name\":\"x\",\"levels\":{\"toner-black\":\"2\"}}", StockLocation.Draft.class,
                "levels.toner-black");
        assertRefused("{\"name\":\"x\",\"levels\":{\"toner-black\":2.5}}", StockLocation.Draft.class,
                "levels.toner-black");
        assertRefused("{\"name\":\"x\",\"shelf\":1}", StockLocation.Draft.class, "shelf");
        MeterCorrection.Draft correction = JSON.readValue("{\"date\":\"2026-04-01\",\"counters\":{\"monoA4\":500,"
                + "\"colourA4\":0,\"monoA3\":0,\"colourA3\":0,\"banner\":0,\"scans\":0},\"reason\":\"typo\"}",
                MeterCorrection.Draft.class);
        assertEquals(LocalDate.of(2026, 4, 1), correction.date());
        assertFalse(correction.voidReading());
        assertTrue(JSON.readValue("{\"date\":\"2026-04-01\",\"voidReading\":true,\"reason\":\"double\"}",
                MeterCorrection.Draft.class).voidReading());
        assertRefused("{\"date\":\"2026-04-01\",\"voidReading\":\"yes\",\"reason\":\"x\"}",
                MeterCorrection.Draft.class, "voidReading");
        assertRefused("{\"title\":\"T\",\"body\":\"B\",\"language\":\"en\",\"tags\":\"canon\"}",
                KnowledgeArticle.Draft.class, "tags");
    }

    private static void assertRefused(String json, Class<?> type, String field) {
        try {
            JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            Response r = new Errors.JsonMapper().toResponse(e);
            assertEquals(400, r.getStatus(), json);
            assertEquals(field, ((ApiError) r.getEntity()).field(), json);
            return;
        }
        throw new AssertionError("accepted " + json);
    }
}
