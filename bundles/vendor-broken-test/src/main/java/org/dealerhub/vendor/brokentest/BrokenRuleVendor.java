package org.dealerhub.vendor.brokentest;

import java.util.List;
import java.util.Set;

import org.dealerhub.api.spi.BusinessCalendar;
import org.dealerhub.api.spi.OrderFacts;
import org.dealerhub.api.spi.ResponseDeadline;
import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ResponseTimeRule;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.dealerhub.api.spi.VendorProfile;
import org.osgi.service.component.annotations.Component;

/**
 * A vendor that describes itself and its package fine, but whose response-time rule fails the way code of a bundle
 * being removed fails: a {@link NoClassDefFoundError}.
 */
@Component(service = {VendorProfile.class, ServicePackageProvider.class, ResponseTimeRule.class},
        property = VendorProfile.VENDOR_ID + "=" + BrokenRuleVendor.ID)
public class BrokenRuleVendor implements VendorProfile, ServicePackageProvider, ResponseTimeRule {

    static final String ID = "broken-rule";

    @Override
    public String vendorId() {
        return ID;
    }

    @Override
    public String name() {
        return "Broken rule (test)";
    }

    @Override
    public Set<String> markets() {
        return Set.of("NO");
    }

    @Override
    public List<String> termsVersions() {
        return List.of("1");
    }

    @Override
    public List<ServicePackage> packages(String market) {
        return List.of(new ServicePackage(ID, market, "BASIC", "Basic", "1",
                new ResponsePromise(ResponsePromise.Kind.NEXT_BUSINESS_DAY, 0, "Next business day", null),
                List.of(new ServicePackage.Term("Parts and labour", null)), List.of(), List.of()));
    }

    @Override
    public Set<String> packageCodes() {
        return Set.of("BASIC");
    }

    @Override
    public ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar) {
        throw new NoClassDefFoundError("org/dealerhub/vendor/brokentest/internal/Removed");
    }
}
