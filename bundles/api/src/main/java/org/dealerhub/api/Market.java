package org.dealerhub.api;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;

/** A market as configured by the operator (etc/org.dealerhub.market-CODE.cfg). */
public record Market(String code, String name, Currency currency, ZoneId zone, LocalTime opens, LocalTime closes) {
}
