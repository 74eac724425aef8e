package org.dealerhub.vendor.canon;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Response deadlines of Canon's service packages in the market's business hours (CANON-HOURS-1): STANDARD next
 * business day (CANON-PKG-1), PLUS 6 and PREMIUM 4 business hours (CANON-PKG-3). The clock starts at registration
 * in opening hours, else at the next opening (PORTAL-SLA-1). No order facts are needed.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + CanonProfile.ID)
public class CanonResponseTimeRule implements ResponseTimeRule {

    @Override
    public String vendorId() {
        return CanonProfile.ID;
    }

    @Override
    public Set<String> packageCodes() {
        return Set.copyOf(CanonPackages.CODES);
    }

    @Override
    public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        ResponsePromise promise = CanonPackages.RESPONSE.get(order.packageCode());
        if (promise == null) {
            throw new IllegalArgumentException("not a Canon service package: " + order.packageCode());
        }
        Instant registered = Objects.requireNonNull(order.registeredAt(), "registeredAt");
        // PORTAL-SLA-1: outside opening hours the clock starts at the next opening
        Instant clockStart = calendar.clockStart(registered);
        if (promise.kind() == ResponsePromise.Kind.NEXT_BUSINESS_DAY) {
            // CANON-PKG-1: close of business on the next business day after the day the clock starts
            return new ResponseDeadline(Optional.of(calendar.closeOfNextBusinessDay(registered)), clockStart,
                    "Next business day: close of business on the business day after the clock starts",
                    promise.rule());
        }
        // CANON-PKG-3: N business hours from the clock start
        return new ResponseDeadline(
                Optional.of(calendar.plusBusinessTime(clockStart, Duration.ofHours(promise.businessHours()))),
                clockStart, promise.businessHours() + " business hours from the clock start", promise.rule());
    }
}
