package org.dealerhub.vendor.konicaminolta;

import java.util.List;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackage.Term;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.osgi.service.component.annotations.Component;

/** Konica Minolta Norway's service agreement and support agreement under terms 2020-Q3. */
@Component(property = "vendor.id=" + KonicaMinoltaNorwayProfile.ID)
public class KonicaMinoltaNorwayPackages implements ServicePackageProvider {

    private static final String TERMS = "2020-Q3";

    @Override
    public String vendorId() {
        return KonicaMinoltaNorwayProfile.ID;
    }

    @Override
    public List<ServicePackage> packages(String market) {
        if (!market.equals("NO")) {
            return List.of();
        }
        ResponsePromise perCategory = new ResponsePromise(ResponsePromise.Kind.PER_CATEGORY, 0,
                "Per category (Driftsstans, Annet), within 30 km of the nearest service office", "KMNO-SLA-1");
        return List.of(
                new ServicePackage(vendorId(), market, "SERVICE", "Serviceavtale", TERMS, perCategory,
                        List.of(new Term("Supplies: toner, imaging unit, waste box, fuser, transfer belt, developer, drum"
                                        + " sized for 5 % mono and 20 % colour coverage", "KMNO-SUPPLY-1"),
                                new Term("Labour, travel and parts", "KMNO-SUPPLY-1"),
                                new Term("Service Monday to Friday 08:00-16:00 on working days", "KMNO-HOURS-1"),
                                new Term("Uptime averaged over the last 6 months, with CSRC remote monitoring",
                                        "KMNO-SLA-2")),
                        List.of(new Term("Paper, staples, transparencies, labels, cutting knives, punch dies",
                                        "KMNO-SUPPLY-1"),
                                new Term("Work on the customer's server, clients or network", "KMNO-SUPPLY-1"),
                                new Term("Freight for supplies (fixed fee)", "KMNO-SUPPLY-1")),
                        List.of()),
                new ServicePackage(vendorId(), market, "SUPPORT", "Supportavtale", TERMS, perCategory,
                        List.of(new Term("Up to 2 hours of phone or remote support per year", "KMNO-SUPPORT-1"),
                                new Term("Support Monday to Friday 08:00-16:00 on working days", "KMNO-HOURS-1")),
                        List.of(), List.of()));
    }
}
