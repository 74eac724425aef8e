package org.dealerhub.api;

import java.time.Instant;
import java.util.Map;

import org.dealerhub.api.spi.ResponseDeadline;

/** Quotes the response deadline of a vendor's package for an order registered at an instant. */
public interface ResponseDeadlines {

    /**
     * @param facts what the vendor's rule may look at, e.g. {@code category}, {@code priority}, {@code distanceKm}
     * @throws DomainException for an unknown vendor, market or package, or a package without a response rule
     */
    ResponseDeadline deadline(Request request);

    record Request(String vendor, String packageCode, String market, Instant registeredAt, Map<String, String> facts) {
    }
}
