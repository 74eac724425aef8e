package org.dealerhub.vendor.printernorge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * Response deadline of Printer Norge's operating agreement (driftsavtale), which covers faults caused by the printer
 * (PN-FAULT-1). The support centre's terms give no response time: it is agreed per contract and given as the fact
 * {@code reactionHours}, business hours from the clock start.
 */
@Component(property = VendorProfile.VENDOR_ID + "=" + PrinterNorgeVendor.ID)
public class PrinterNorgeResponseTimeRule implements ResponseTimeRule {

    static final String OPERATING = "OPERATING";
    static final String RULE = "PN-FAULT-1";
    /** The most hours the fact may give (one year): more is taken as a typing error. */
    static final int MAX_HOURS = 8_760;

    @Override
    public String vendorId() {
        return PrinterNorgeVendor.ID;
    }

    @Override
    public Set<String> packageCodes() {
        return Set.of(OPERATING);
    }

    @Override
    public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        if (!OPERATING.equals(order.packageCode())) {
            throw new IllegalArgumentException("not a Printer Norge package: " + order.packageCode());
        }
        Instant clockStart = calendar.clockStart(Objects.requireNonNull(order.registeredAt(), "registeredAt"));
        // PN-FAULT-1: the operating agreement's response time is per contract
        Optional<String> raw = order.fact("reactionHours");
        if (raw.isEmpty()) {
            return new ResponseDeadline(Optional.empty(), clockStart,
                    "Response time per contract, not given (fact reactionHours)", RULE);
        }
        Optional<Duration> hours = hours(raw.get());
        if (hours.isEmpty()) {
            return new ResponseDeadline(Optional.empty(), clockStart, "Fact reactionHours '" + raw.get()
                    + "' is not a number of hours (0 < hours <= " + MAX_HOURS + ")", RULE);
        }
        return new ResponseDeadline(Optional.of(calendar.plusBusinessTime(clockStart, hours.get())), clockStart,
                "Response time per contract: " + raw.get().trim() + " business hours from the clock start", RULE);
    }

    /** A decimal number of hours, 0 < hours <= {@value #MAX_HOURS}, to the second; empty when malformed. */
    static Optional<Duration> hours(String raw) {
        BigDecimal h;
        try {
            h = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (h.signum() <= 0 || h.compareTo(BigDecimal.valueOf(MAX_HOURS)) > 0) {
            return Optional.empty();
        }
        long seconds = h.multiply(BigDecimal.valueOf(3_600)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return seconds == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
