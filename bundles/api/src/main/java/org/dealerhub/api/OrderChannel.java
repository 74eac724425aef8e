package org.dealerhub.api;

/**
 * How an order reached the dealer (KMUA-CHAN-1): the self-service web or REST, system-to-system SOAP, staff at the
 * console taking a phone call or an e-mail, or remote monitoring opening it by itself.
 */
public enum OrderChannel {
    WEB, SOAP, CONSOLE, MONITORING
}
