package org.dealerhub.persistence.api;

import org.dealerhub.api.Caller;
import org.dealerhub.api.Organisation;

public interface OrganisationRepository extends Records<Organisation> {

    /** A validated draft; a taken account number is CONFLICT (PORTAL-ACCT-1). */
    Organisation create(Caller caller, Organisation.Draft draft);

    /** Replaces a visible organisation still at {@code version}. */
    Organisation update(Caller caller, long id, long version, Organisation.Draft draft);
}
