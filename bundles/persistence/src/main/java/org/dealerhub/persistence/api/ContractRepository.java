package org.dealerhub.persistence.api;

import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.Caller;

public interface ContractRepository extends Records<StoredContract> {

    /** Signs a contract (its id and version are assigned). */
    StoredContract create(Caller caller, StoredContract contract);

    /** Changes the period and devices of a visible contract still at {@code version}. */
    StoredContract amend(Caller caller, long id, long version, LocalDate start, LocalDate end, List<Long> deviceIds);

    /** The visible contracts of a vendor. */
    List<StoredContract> ofVendor(Caller caller, String vendor);

    /** The visible contracts that include the device. */
    List<StoredContract> withDevice(Caller caller, long deviceId);
}
