package org.dealerhub.api;

import java.util.Optional;

/**
 * Checks a user's credentials against the platform's JAAS realm and says who the user is to Dealerhub. Every
 * front end (REST, SOAP) authenticates through it, so roles mean the same everywhere.
 */
public interface Authentication {

    /** The caller, or empty when the credentials are wrong or the user has no Dealerhub role. */
    Optional<Caller> authenticate(String user, String password);
}
