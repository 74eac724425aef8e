package org.dealerhub.core;

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

    private final VendorRegistry vendors;
    private final MarketCalendars calendars;

    @Activate
    public ResponseDeadlineService(@Reference VendorRegistry vendors, @Reference MarketCalendars calendars) {
        this.vendors = vendors;
        this.calendars = calendars;
    }

    @Override
    public ResponseDeadline deadline(Request request) {
        if (request == null) {
            throw DomainException.invalid("body", "a request body is required");
        }
        String vendorId = Checks.text(request.vendor(), "vendor", 60);
        String market = Checks.text(request.market(), "market", 8);
        String packageCode = Checks.text(request.packageCode(), "packageCode", 60);
        Checks.required(request.registeredAt(), "registeredAt");
        Vendor vendor = vendors.vendor(vendorId);
        if (!vendor.markets().contains(market)) {
            throw DomainException.invalid("market", "vendor " + vendorId + " does not serve market " + market);
        }
        boolean offered = vendors.packages(vendorId, market).stream().anyMatch(p -> p.code().equals(packageCode));
        if (!offered) {
            throw DomainException.invalid("packageCode", "vendor " + vendorId + " has no package " + packageCode
                    + " in market " + market);
        }
        OrderFacts order = new OrderFacts(market, packageCode, request.registeredAt(),
                request.facts() == null ? Map.of() : request.facts());
        return vendors.deadline(vendorId, packageCode, order, calendars.calendar(market));
    }
}
