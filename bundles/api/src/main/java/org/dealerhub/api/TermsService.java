package org.dealerhub.api;

import java.util.List;

/** Terms versions of vendors over time (KMNO-TERMS-1). */
public interface TermsService {

    /** Publishes a newer terms version; dealer admins only, with at least 30 days' notice. */
    TermsPublication publish(Caller caller, String vendor, TermsPublication.Draft draft);

    List<TermsPublication> publications(Caller caller, String vendor);

    /** What publishing {@code draft} would change, contract by contract, before it is published. */
    List<TermsPublication.Change> preview(Caller caller, String vendor, TermsPublication.Draft draft);
}
