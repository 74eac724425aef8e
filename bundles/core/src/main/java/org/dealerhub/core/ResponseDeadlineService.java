package org.dealerhub.core;

import java.math.BigDecimal;
import java.util.Map;

import org.dealerhub.api.DomainException;
import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.MarketCalendars;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Response deadlines: the vendor's rule for the package, on the market's calendar. The vendors' rules come and go
 * with their bundles in the {@link VendorRegistry}; a rule that throws answers 502/503 there, never passed on.
 */
@Component
public class ResponseDeadlineService implements ResponseDeadlines {

    static final int MAX_FACTS = 50;
    static final BigDecimal MAX_DISTANCE_KM = BigDecimal.valueOf(20_000);

    private final VendorRegistry vendors;
    private final MarketCalendars calendars;

    @Activate
    public ResponseDeadlineService(@Reference VendorRegistry vendors, @Reference MarketCalendars calendars) {
        this.vendors = vendors;
        this.calendars = calendars;
    }

    /**
     * Facts are named text values, each present; the distance, which every rule reads the same way, is a number of
     * kilometres within 0..20,000 (platform decision: half the earth's circumference).
     */
    static Map<String, String> facts(Map<String, String> facts) {
        if (facts == null) {
            return Map.of();
        }
        if (facts.size() > MAX_FACTS) {
            throw DomainException.invalid("facts", "at most " + MAX_FACTS + " facts");
        }
        facts.forEach((name, value) -> {
            Checks.text(name, "facts", 40);
            Checks.required(value, "facts." + name);
            Checks.optionalText(value, "facts." + name, 200);
        });
        String distance = facts.get("distanceKm");
        if (distance != null) {
            BigDecimal km;
            try {
                km = new BigDecimal(distance.trim());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("facts.distanceKm", "facts.distanceKm must be a number of kilometres");
            }
            Checks.amount(km, "facts.distanceKm", MAX_DISTANCE_KM, 3);
        }
        return facts;
    }

    @Override
    public ResponseDeadline deadline(Request request) {
        if (request == null) {
            throw DomainException.invalid("body", "a request body is required");
        }
        String vendorId = Checks.text(request.vendor(), "vendor", 60);
        String market = Checks.text(request.market(), "market", 8);
        String packageCode = Checks.text(request.packageCode(), "packageCode", 60);
        Checks.instant(Checks.required(request.registeredAt(), "registeredAt"), "registeredAt");
        Map<String, String> facts = facts(request.facts());
        Vendor vendor = vendors.vendor(vendorId);
        if (!vendor.markets().contains(market)) {
            throw DomainException.invalid("market", "vendor " + vendorId + " does not serve market " + market);
        }
        boolean offered = vendors.packages(vendorId, market).stream().anyMatch(p -> p.code().equals(packageCode));
        if (!offered) {
            throw DomainException.invalid("packageCode", "vendor " + vendorId + " has no package " + packageCode
                    + " in market " + market);
        }
        OrderFacts order = new OrderFacts(market, packageCode, request.registeredAt(), facts);
        return vendors.deadline(vendorId, packageCode, order, calendars.calendar(market));
    }
}
