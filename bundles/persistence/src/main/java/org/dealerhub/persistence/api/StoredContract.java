package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract as stored: the package snapshot as the JSON it was signed with (KMNO-TERMS-1); the core reads it
 * and works out the terms version in effect.
 */
public record StoredContract(long id, long organisationId, String vendor, String market, String packageCode,
        LocalDate start, LocalDate end, List<Long> deviceIds, String termsVersion, String packageSnapshot,
        Instant signedAt, long version) {

    public StoredContract {
        deviceIds = List.copyOf(deviceIds);
    }

    /** Whether the contract runs on {@code day} or starts after it. */
    public boolean runsOnOrAfter(LocalDate day) {
        return end == null || !end.isBefore(day);
    }
}
