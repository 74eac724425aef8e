package org.dealerhub.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.spi.ServicePackage;

/**
 * A signed service contract. KMNO-TERMS-1 (platform decision): the package definition and the vendor's terms
 * version are copied into the contract when it is signed, so a later change or removal of the vendor bundle never
 * changes it. {@code termsVersion} is the version it was signed under; {@code effectiveTermsVersion} the one that
 * applies today, which differs only once the operator has published a newer version and its notice has run out.
 */
public record Contract(long id, long organisationId, String vendor, String market, String packageCode,
        LocalDate start, LocalDate end, List<Long> deviceIds, String termsVersion, String effectiveTermsVersion,
        ServicePackage packageSnapshot, Instant signedAt, long version) {

    public Contract {
        deviceIds = List.copyOf(deviceIds);
    }

    public record Draft(Long organisationId, String vendor, String market, String packageCode, LocalDate start,
            LocalDate end, List<Long> deviceIds) {
    }
}
