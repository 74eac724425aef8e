package org.dealerhub.persistence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dealerhub.api.TermsPublication;

/** Terms publications of vendors (KMNO-TERMS-1): the operator's, not an organisation's data. */
public interface TermsRepository {

    /** The vendor's publications by effective date. */
    List<TermsPublication> publications(String vendor);

    /** A published version is CONFLICT (KMNO-TERMS-1). */
    TermsPublication publish(String vendor, TermsPublication.Draft draft, Instant publishedAt, String publishedBy);
}
