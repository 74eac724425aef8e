package org.dealerhub.core;

import org.dealerhub.api.Market;

/** One configured market, as a service inside the core. */
public interface MarketSource {
    Market market();
}
