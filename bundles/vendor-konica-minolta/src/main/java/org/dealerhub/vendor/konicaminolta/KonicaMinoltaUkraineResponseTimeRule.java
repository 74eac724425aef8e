package org.dealerhub.vendor.konicaminolta;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.VendorProfile;
import org.dealerhub.vendor.konicaminolta.UkraineSoftwareSupport.Priority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Response deadlines of Konica Minolta Ukraine: hardware service reaction per contract with the paid options
 * ({@link UkraineHardwareReaction}: KMUA-RESP-1, KMUA-EXTRA-1) and software support per priority
 * ({@link UkraineSoftwareSupport}: KMUA-SW-1, -2, -4, -5). The software targets are agreed per contract; the
 * operator configures them here. With a debt from earlier periods no response time applies (KMUA-DEBT-1).
 */
@Component(configurationPid = KonicaMinoltaUkraineResponseTimeRule.PID,
        property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaUkraineProfile.ID)
@Designate(ocd = KonicaMinoltaUkraineResponseTimeRule.Config.class)
public class KonicaMinoltaUkraineResponseTimeRule implements ResponseTimeRule {

    static final String PID = "org.dealerhub.sla.konicaminolta.UA";

    // platform decision: demo defaults in business hours; the source leaves the figures to the contract. The
    // responses stay within the 2 working hours after which a customer should ask for the confirmation (KMUA-CHAN-2).
    static final int DEFAULT_CRITICAL_RESPONSE = 1;
    static final int DEFAULT_HIGH_RESPONSE = 1;
    static final int DEFAULT_MEDIUM_RESPONSE = 2;
    static final int DEFAULT_LOW_RESPONSE = 2;
    static final int DEFAULT_CRITICAL_RESOLUTION = 8;
    static final int DEFAULT_HIGH_RESOLUTION = 16;
    static final int DEFAULT_MEDIUM_RESOLUTION = 40;
    static final int DEFAULT_LOW_RESOLUTION = 80;

    @ObjectClassDefinition(name = "Konica Minolta Ukraine software support times",
            description = "Response and resolution targets per incident priority, in business hours (KMUA-SW-2,"
                    + " KMUA-SW-4); 0 = no regulated target")
    public @interface Config {
        @AttributeDefinition(description = "Critical: business hours from receipt to the registration confirmation")
        int criticalResponseHours() default DEFAULT_CRITICAL_RESPONSE;

        @AttributeDefinition(description = "High: business hours from receipt to the registration confirmation")
        int highResponseHours() default DEFAULT_HIGH_RESPONSE;

        @AttributeDefinition(description = "Medium: business hours from receipt to the registration confirmation")
        int mediumResponseHours() default DEFAULT_MEDIUM_RESPONSE;

        @AttributeDefinition(description = "Low: business hours from receipt to the registration confirmation")
        int lowResponseHours() default DEFAULT_LOW_RESPONSE;

        @AttributeDefinition(description = "Critical: business hours from the end of analysis to resolution")
        int criticalResolutionHours() default DEFAULT_CRITICAL_RESOLUTION;

        @AttributeDefinition(description = "High: business hours from the end of analysis to resolution")
        int highResolutionHours() default DEFAULT_HIGH_RESOLUTION;

        @AttributeDefinition(description = "Medium: business hours from the end of analysis to resolution")
        int mediumResolutionHours() default DEFAULT_MEDIUM_RESOLUTION;

        @AttributeDefinition(description = "Low: business hours from the end of analysis to resolution")
        int lowResolutionHours() default DEFAULT_LOW_RESOLUTION;
    }

    static final UkraineSoftwareSupport.Targets DEFAULT_TARGETS = new UkraineSoftwareSupport.Targets(
            Map.of(Priority.CRITICAL, DEFAULT_CRITICAL_RESPONSE, Priority.HIGH, DEFAULT_HIGH_RESPONSE,
                    Priority.MEDIUM, DEFAULT_MEDIUM_RESPONSE, Priority.LOW, DEFAULT_LOW_RESPONSE),
            Map.of(Priority.CRITICAL, DEFAULT_CRITICAL_RESOLUTION, Priority.HIGH, DEFAULT_HIGH_RESOLUTION,
                    Priority.MEDIUM, DEFAULT_MEDIUM_RESOLUTION, Priority.LOW, DEFAULT_LOW_RESOLUTION));

    static UkraineSoftwareSupport.Targets targets(Config c) {
        return new UkraineSoftwareSupport.Targets(
                Map.of(Priority.CRITICAL, c.criticalResponseHours(), Priority.HIGH, c.highResponseHours(),
                        Priority.MEDIUM, c.mediumResponseHours(), Priority.LOW, c.lowResponseHours()),
                Map.of(Priority.CRITICAL, c.criticalResolutionHours(), Priority.HIGH, c.highResolutionHours(),
                        Priority.MEDIUM, c.mediumResolutionHours(), Priority.LOW, c.lowResolutionHours()));
    }

    private volatile UkraineSoftwareSupport software;

    public KonicaMinoltaUkraineResponseTimeRule() {
        this(DEFAULT_TARGETS);
    }

    KonicaMinoltaUkraineResponseTimeRule(UkraineSoftwareSupport.Targets targets) {
        this.software = new UkraineSoftwareSupport(targets);
    }

    @Activate
    @Modified
    void configure(Config config) {
        this.software = new UkraineSoftwareSupport(targets(config));
    }

    @Override
    public String vendorId() {
        return KonicaMinoltaUkraineProfile.ID;
    }

    @Override
    public Set<String> packageCodes() {
        return Set.of(UkraineHardwareReaction.PACKAGE, UkraineSoftwareSupport.PACKAGE);
    }

    @Override
    public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        String code = order.packageCode();
        if (!packageCodes().contains(code)) {
            throw new IllegalArgumentException("not a Konica Minolta Ukraine package: " + code);
        }
        Instant registered = Objects.requireNonNull(order.registeredAt(), "registeredAt");
        // KMUA-DEBT-1 (and the software terms, 4.8): response times apply only while there is no debt
        Optional<String> rawDebt = order.fact("debt");
        if (rawDebt.isPresent()) {
            Optional<Boolean> debt = Facts.bool(rawDebt.get());
            if (debt.isEmpty()) {
                return Facts.none(calendar.clockStart(registered), "Fact debt " + Facts.quote(rawDebt.get())
                        + " is not true or false", "KMUA-DEBT-1");
            }
            if (debt.get()) {
                return Facts.none(calendar.clockStart(registered), "Unpaid receivables from earlier periods: no"
                        + " response time applies until the debt is paid", "KMUA-DEBT-1");
            }
        }
        return code.equals(UkraineHardwareReaction.PACKAGE)
                ? UkraineHardwareReaction.deadline(order, calendar)
                : software.deadline(order, calendar);
    }
}
