package org.dealerhub.api.spi;

import java.util.List;

/**
 * One service package as a vendor defines it in one market, under one terms version. Immutable data: a signed
 * contract keeps a copy of it.
 *
 * @param inclusions what the package includes, each an item with the rule id that says so
 * @param exclusions what it does not include
 * @param volumeCaps normal-use caps, empty for unlimited
 */
public record ServicePackage(String vendorId, String market, String code, String name, String termsVersion,
        ResponsePromise response, List<Term> inclusions, List<Term> exclusions, List<VolumeCap> volumeCaps) {

    public ServicePackage {
        inclusions = List.copyOf(inclusions);
        exclusions = List.copyOf(exclusions);
        volumeCaps = List.copyOf(volumeCaps);
    }

    /** One line of a package definition, with the DOMAIN.md rule it comes from. */
    public record Term(String text, String rule) {
    }
}
