package org.dealerhub.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.dealerhub.api.Authentication;
import org.dealerhub.api.Caller;
import org.dealerhub.api.DeviceService;
import org.dealerhub.api.Market;
import org.dealerhub.api.MarketService;
import org.dealerhub.api.Vendor;
import org.dealerhub.api.VendorCatalog;

/** Tab completion for vendor ids, market codes and device ids. */
final class Completers {

    private Completers() {
    }

    static int complete(List<String> values, Session session, CommandLine line, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter(values);
        return delegate.complete(session, line, candidates);
    }

    @Service
    public static class Vendors implements Completer {
        @Reference
        VendorCatalog vendors;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(vendors.vendors().stream().map(Vendor::id).toList(), session, line, candidates);
        }
    }

    @Service
    public static class Markets implements Completer {
        @Reference
        MarketService markets;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            return Completers.complete(markets.markets().stream().map(Market::code).toList(), session, line,
                    candidates);
        }
    }

    @Service
    public static class Devices implements Completer {
        @Reference
        DeviceService devices;
        @Reference
        Authentication authentication;

        @Override
        public int complete(Session session, CommandLine line, List<String> candidates) {
            List<String> ids = DealerhubAction.consoleCaller(authentication, session).filter(Caller::isDealer)
                    .map(caller -> devices.list(caller).stream().map(d -> String.valueOf(d.id())).toList())
                    .orElse(List.of());
            return Completers.complete(ids, session, line, candidates);
        }
    }
}
