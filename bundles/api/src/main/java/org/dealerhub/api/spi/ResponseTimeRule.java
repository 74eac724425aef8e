package org.dealerhub.api.spi;

import java.util.Set;

/** From an order's registration and facts, in a market's calendar, to its response deadline. A pure function. */
public interface ResponseTimeRule {

    String vendorId();

    Set<String> packageCodes();

    ResponseDeadline deadline(OrderFacts order, BusinessCalendar calendar);
}
