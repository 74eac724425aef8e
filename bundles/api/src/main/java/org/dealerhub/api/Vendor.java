package org.dealerhub.api;

import java.util.List;
import java.util.Set;

/** A vendor as the registry currently knows it. */
public record Vendor(String id, String name, Set<String> markets, List<String> termsVersions,
        String currentTermsVersion) {
}
