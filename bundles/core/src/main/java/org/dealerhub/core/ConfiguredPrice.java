package org.dealerhub.core;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One package's prices from a factory configuration {@code etc/org.dealerhub.price-<vendor>-<market>-<package>.cfg}:
 * {@code vendor}, {@code market}, {@code package} and one {@code price.<name>} entry per amount in force since ever,
 * and one {@code price.<yyyy-MM-dd>.<name>} entry per amount of the version in force from that day (BILL-PRICE-1;
 * each dated version is complete).
 */
@Component(service = PriceSource.class, configurationPid = PriceBookService.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredPrice.Config.class, factory = true)
public class ConfiguredPrice implements PriceSource {

    @ObjectClassDefinition(name = "Dealerhub package prices",
            description = "An operator's prices for one vendor package in one market, excluding VAT; each amount is"
                    + " a property price.<name>, e.g. price.monthlyFee, price.clickColourA4, price.hourlyRate")
    public @interface Config {
        @AttributeDefinition(description = "Vendor id, e.g. canon")
        String vendor();

        @AttributeDefinition(description = "Market code, e.g. NO")
        String market();

        @AttributeDefinition(name = "package", description = "Package code, e.g. STANDARD")
        String package$();
    }

    private volatile Entry entry;

    @Activate
    @Modified
    void configure(Config config, Map<String, Object> properties) {
        entry = new Entry(config.vendor(), config.market(), config.package$(), PriceBookService.versions(properties));
    }

    @Override
    public Entry entry() {
        return entry;
    }
}
