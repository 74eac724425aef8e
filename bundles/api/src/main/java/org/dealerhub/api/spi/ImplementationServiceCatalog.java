package org.dealerhub.api.spi;

import java.util.List;
import java.util.Map;

/** A vendor's installation (implementation) services and the packages that bundle them. */
public interface ImplementationServiceCatalog {

    String vendorId();

    List<Service> services();

    List<ImplementationPackage> packages();

    /** One installation service, sold as a fixed item or in hourly units. */
    record Service(String code, String name, Unit unit, String description, String rule) {
    }

    enum Unit {
        FIXED, HOURLY
    }

    /** How a service stands in a package. */
    enum Availability {
        INCLUDED, OPTION, NOT_AVAILABLE, DOWNGRADABLE
    }

    record ImplementationPackage(String code, String name, Map<String, Availability> services) {
        public ImplementationPackage {
            services = Map.copyOf(services);
        }
    }
}
