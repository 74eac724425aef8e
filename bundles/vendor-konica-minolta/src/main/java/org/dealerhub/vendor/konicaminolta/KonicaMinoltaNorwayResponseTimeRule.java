package org.dealerhub.vendor.konicaminolta;

import java.math.BigDecimal;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Response deadlines of Konica Minolta Norway's service and support agreements (KMNO-SLA-1): a target per category,
 * "Driftsstans" (total outage) or "Annet" (everything else), in business hours (KMNO-HOURS-1) from when the provider
 * learns of the problem, and only within a travel distance of the nearest service office. The targets stand on
 * the contract's front page, so the hours come from the operator's configuration; the source gives no figures.
 *
 * <p>Facts: {@code category} ({@code Driftsstans} or {@code Annet}, any case) and {@code distanceKm} (a number).
 * The deadline is the per-order target; KMNO-SLA-1 measures compliance as the average over the last 6 months.
 */
@Component(configurationPid = KonicaMinoltaNorwayResponseTimeRule.PID,
        property = VendorProfile.VENDOR_ID + "=" + KonicaMinoltaNorwayProfile.ID)
@Designate(ocd = KonicaMinoltaNorwayResponseTimeRule.Config.class)
public class KonicaMinoltaNorwayResponseTimeRule implements ResponseTimeRule {

    static final String PID = "org.dealerhub.sla.konicaminolta.NO";
    static final String RULE = "KMNO-SLA-1";
    static final Set<String> PACKAGES = Set.of("SERVICE", "SUPPORT");

    // platform decision: demo defaults, the real targets are on each contract's front page (KMNO-SLA-1)
    static final int DEFAULT_DRIFTSSTANS_HOURS = 8;
    static final int DEFAULT_ANNET_HOURS = 16;
    // KMNO-SLA-1: "innenfor 30 km i reiseavstand fra nærmeste Konica Minolta servicekontor"
    static final int DEFAULT_MAX_DISTANCE_KM = 30;

    @ObjectClassDefinition(name = "Konica Minolta Norway response times",
            description = "Response-time targets per category of the service and support agreements (KMNO-SLA-1)")
    public @interface Config {
        @AttributeDefinition(name = "Driftsstans (hours)",
                description = "Business hours to respond to a total outage (Driftsstans); 0 = no target")
        int driftsstansHours() default DEFAULT_DRIFTSSTANS_HOURS;

        @AttributeDefinition(name = "Annet (hours)",
                description = "Business hours to respond to any other order (Annet); 0 = no target")
        int annetHours() default DEFAULT_ANNET_HOURS;

        @AttributeDefinition(name = "Maximum distance (km)",
                description = "The targets hold only within this travel distance of the nearest service office;"
                        + " 0 = no distance limit (agreed otherwise)")
        int maxDistanceKm() default DEFAULT_MAX_DISTANCE_KM;
    }

    /** The configured targets, immutable. */
    record Targets(int driftsstansHours, int annetHours, int maxDistanceKm) {
        static final Targets DEFAULTS =
                new Targets(DEFAULT_DRIFTSSTANS_HOURS, DEFAULT_ANNET_HOURS, DEFAULT_MAX_DISTANCE_KM);

        static Targets of(Config config) {
            return new Targets(config.driftsstansHours(), config.annetHours(), config.maxDistanceKm());
        }
    }

    private volatile Targets targets;

    public KonicaMinoltaNorwayResponseTimeRule() {
        this(Targets.DEFAULTS);
    }

    KonicaMinoltaNorwayResponseTimeRule(Targets targets) {
        this.targets = targets;
    }

    @Activate
    @Modified
    void configure(Config config) {
        this.targets = Targets.of(config);
    }

    Targets targets() {
        return targets;
    }

    @Override
    public String vendorId() {
        return KonicaMinoltaNorwayProfile.ID;
    }

    @Override
    public Set<String> packageCodes() {
        return PACKAGES;
    }

    @Override
    public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        if (!PACKAGES.contains(order.packageCode())) {
            throw new IllegalArgumentException("not a Konica Minolta Norway package: " + order.packageCode());
        }
        Targets t = targets; // one consistent snapshot of the configuration
        Instant registered = Objects.requireNonNull(order.registeredAt(), "registeredAt");
        // KMNO-SLA-1 / KMNO-HOURS-1: from when the provider learns of it, in business hours
        Instant clockStart = calendar.clockStart(registered);

        // KMNO-SLA-1: the two categories
        Optional<String> category = order.fact("category");
        if (category.isEmpty()) {
            return Facts.none(clockStart, "Fact category missing: Driftsstans or Annet", RULE);
        }
        String name;
        int hours;
        switch (Facts.key(category.get())) {
            case "driftsstans" -> {
                name = "Driftsstans";
                hours = t.driftsstansHours();
            }
            case "annet" -> {
                name = "Annet";
                hours = t.annetHours();
            }
            default -> {
                return Facts.none(clockStart, "Fact category " + Facts.quote(category.get())
                        + " unknown: Driftsstans or Annet", RULE);
            }
        }

        // KMNO-SLA-1: only within the travel distance of the nearest service office, unless agreed otherwise
        String within = "";
        if (t.maxDistanceKm() > 0) {
            Optional<String> rawDistance = order.fact("distanceKm");
            if (rawDistance.isEmpty()) {
                return Facts.none(clockStart, "Fact distanceKm missing: the response time holds only within "
                        + t.maxDistanceKm() + " km of the nearest service office", RULE);
            }
            Optional<BigDecimal> km = Facts.number(rawDistance.get()).filter(d -> d.signum() >= 0);
            if (km.isEmpty()) {
                return Facts.none(clockStart, "Fact distanceKm " + Facts.quote(rawDistance.get())
                        + " is not a distance in km", RULE);
            }
            if (km.get().compareTo(BigDecimal.valueOf(t.maxDistanceKm())) > 0) {
                return Facts.none(clockStart, "No response time: " + km.get().toPlainString()
                        + " km is beyond " + t.maxDistanceKm() + " km of the nearest service office", RULE);
            }
            within = ", within " + t.maxDistanceKm() + " km of the nearest service office";
        }

        if (hours <= 0) {
            return Facts.none(clockStart, name + ": no response-time target configured", RULE);
        }
        Duration target = Duration.ofHours(hours);
        return Facts.at(calendar.plusBusinessTime(clockStart, target), clockStart,
                name + ": " + Facts.hoursText(target, "business") + " from the clock start"
                        + within + " (measured as the 6-month average)", RULE);
    }
}
