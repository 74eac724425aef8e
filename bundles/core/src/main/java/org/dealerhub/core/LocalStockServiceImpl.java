package org.dealerhub.core;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.dealerhub.api.Caller;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.LocalStockService;
import org.dealerhub.api.PortalRole;
import org.dealerhub.api.StockLocation;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Local stock data (PORTAL-ROLE-3, -4): dealer users set a device up for automatic toner replenishment; the
 * organisation's Administrators, stock managers and device-and-stock managers and dealer users maintain its stock
 * data; a device manager or self-service user is refused (FORBIDDEN, rule PORTAL-ROLE-3). Which organisation's stock
 * a caller reaches is the persistence scope's call (PORTAL-ACCT-1: another's is NOT_FOUND). Every change is audited
 * in the same transaction; a write holds the stock row's lock and names the version it read.
 */
@Component
public class LocalStockServiceImpl implements LocalStockService {

    static final String RULE = "PORTAL-ROLE-3";
    /** A consumable's name: toner-black, drum-cyan, waste-toner ... */
    private static final Pattern CONSUMABLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final int MAX_CONSUMABLES = 30;
    static final int MAX_COUNT = 100_000;

    private final Store store;
    private final Clock clock;

    @Activate
    public LocalStockServiceImpl(@Reference Store store, @Reference Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<StockLocation> list(Caller caller, long organisationId) {
        Access.requireOwnOrganisation(caller, store, organisationId, 0);
        requireStockRole(caller);
        return store.read(r -> r.stock().list(caller, organisationId));
    }

    @Override
    public StockLocation get(Caller caller, long deviceId) {
        Access.requireOwnOrganisation(caller, store, 0, deviceId);
        requireStockRole(caller);
        return store.read(r -> r.stock().find(caller, deviceId))
                .orElseThrow(() -> DomainException.notFound("stock location", deviceId));
    }

    @Override
    public StockLocation enable(Caller caller, long deviceId, StockLocation.Draft draft) {
        Access.requireDealerOnDevice(caller, store, deviceId,
                () -> DomainException.forbidden("only dealer users set a device up for replenishment"));
        StockLocation.Draft d = valid(draft);
        return store.tx(r -> r.stock().create(caller, deviceId, d, clock.instant()));
    }

    @Override
    public StockLocation update(Caller caller, long deviceId, long version, StockLocation.Draft draft) {
        Access.requireOwnOrganisation(caller, store, 0, deviceId);
        requireStockRole(caller);
        StockLocation.Draft d = valid(draft);
        return store.tx(r -> r.stock().update(caller, deviceId, version, d, clock.instant()));
    }

    @Override
    public void disable(Caller caller, long deviceId, long version) {
        Access.requireOwnOrganisation(caller, store, 0, deviceId);
        Access.requireDealer(caller);
        store.tx(r -> {
            r.stock().delete(caller, deviceId, version, clock.instant());
            return null;
        });
    }

    @Override
    public List<StockLocation.Change> changes(Caller caller, long deviceId) {
        Access.requireOwnOrganisation(caller, store, 0, deviceId);
        requireStockRole(caller);
        return store.read(r -> r.stock().changes(caller, deviceId));
    }

    /** PORTAL-ROLE-3, -4: stock data is for stock managers and Administrators (and dealers), no other role. */
    static void requireStockRole(Caller caller) {
        PortalRole role = caller.portalRole();
        if (!caller.isDealer() && role != PortalRole.ADMINISTRATOR && !role.managesStock()) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "only stock managers and Administrators"
                    + " maintain local stock data", null, RULE);
        }
    }

    private static StockLocation.Draft valid(StockLocation.Draft draft) {
        StockLocation.Draft d = Checks.draft(draft);
        String name = Checks.text(d.name(), "name", 200);
        String shipping = Checks.optionalText(d.shippingInstructions(), "shippingInstructions", 2000);
        Map<String, Integer> levels = d.levels() == null ? Map.of() : d.levels();
        if (levels.size() > MAX_CONSUMABLES) {
            throw DomainException.invalid("levels", "at most " + MAX_CONSUMABLES + " consumables");
        }
        Map<String, Integer> checked = new TreeMap<>();
        levels.forEach((consumable, count) -> {
            if (consumable == null || !CONSUMABLE.matcher(consumable).matches()) {
                throw DomainException.invalid("levels", "a consumable is named by lower-case letters, digits and"
                        + " dashes (e.g. toner-black), at most 40");
            }
            String field = "levels." + consumable;
            Checks.required(count, field);
            checked.put(consumable, (int) Checks.range(count, field, 0, MAX_COUNT));
        });
        return new StockLocation.Draft(name, shipping, checked);
    }
}
