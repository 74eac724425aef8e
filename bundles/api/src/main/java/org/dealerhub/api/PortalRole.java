package org.dealerhub.api;

/**
 * What a customer's portal user may do in its organisation (the five roles of Canon Denmark's self-service portal).
 */
public enum PortalRole {
    /**
     * PORTAL-ROLE-1, -5: every device of the organisation; invites, changes and removes users, also Administrators;
     * the primary contact.
     */
    ADMINISTRATOR,
    /** PORTAL-ROLE-2: service (orders, meter readings, location) of the devices assigned to the user only. */
    DEVICE_MANAGER,
    /** PORTAL-ROLE-3: the local stock data of the organisation's devices on automatic toner replenishment. */
    STOCK_MANAGER,
    /** PORTAL-ROLE-4: both of the above. */
    DEVICE_AND_STOCK_MANAGER,
    /** PORTAL-ROLE-4: knowledge content only, no other action. */
    SELF_SERVICE;

    /** Whether the user handles the service of its assigned devices (and sees only those). */
    public boolean managesDevices() {
        return this == DEVICE_MANAGER || this == DEVICE_AND_STOCK_MANAGER;
    }

    /** Whether the user maintains local stock data. */
    public boolean managesStock() {
        return this == STOCK_MANAGER || this == DEVICE_AND_STOCK_MANAGER;
    }

    /** The JAAS realm role that carries it, e.g. {@code portal-device_manager}. */
    public String realmRole() {
        return "portal-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
