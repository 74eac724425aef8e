package org.dealerhub.api;

import java.util.List;

/**
 * Operators' prices per vendor, package and market, kept in configuration (etc/org.dealerhub.price-*.cfg through
 * ConfigAdmin), readable by dealer users and changed by dealer admins at runtime.
 */
public interface PriceBook {

    /** The vendor's price lists in a market, one per package that has prices. */
    List<PriceList> prices(Caller caller, String vendor, String market);

    /** @throws DomainException NOT_FOUND when the package has no prices */
    PriceList price(Caller caller, String vendor, String market, String packageCode);

    /**
     * Sets named prices of a package: the change is written to its configuration file, and the call waits (a few
     * seconds at most) until the platform has applied it.
     *
     * @param expectedTag the {@link PriceList#tag()} the change is based on, or null to set the named prices
     *        whatever the others are now (the console's default)
     * @throws DomainException PRECONDITION_FAILED when the prices are no longer at {@code expectedTag}
     */
    Changed change(Caller caller, String vendor, String market, String packageCode, String expectedTag,
            PriceList.Change change);

    /**
     * What a change led to: {@code applied} with the prices now in effect, or stored but not applied within the
     * wait, with the prices still in effect and where to look.
     */
    record Changed(boolean applied, PriceList prices, String message) {
    }
}
