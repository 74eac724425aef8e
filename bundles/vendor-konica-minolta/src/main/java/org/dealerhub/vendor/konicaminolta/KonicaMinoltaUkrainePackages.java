package org.dealerhub.vendor.konicaminolta;

import java.util.List;

import org.dealerhub.api.spi.ResponsePromise;
import org.dealerhub.api.spi.ServicePackage;
import org.dealerhub.api.spi.ServicePackage.Term;
import org.dealerhub.api.spi.ServicePackageProvider;
import org.osgi.service.component.annotations.Component;

/** Konica Minolta Ukraine's hardware service and software support packages. */
@Component(property = "vendor.id=" + KonicaMinoltaUkraineProfile.ID)
public class KonicaMinoltaUkrainePackages implements ServicePackageProvider {

    private static final String TERMS = "service-description";

    @Override
    public String vendorId() {
        return KonicaMinoltaUkraineProfile.ID;
    }

    @Override
    public List<ServicePackage> packages(String market) {
        if (!market.equals("UA")) {
            return List.of();
        }
        return List.of(
                new ServicePackage(vendorId(), market, "HW-SERVICE", "Hardware service with remote monitoring", TERMS,
                        new ResponsePromise(ResponsePromise.Kind.PER_CONTRACT, 0,
                                "Reaction time, recovery period and loan-device deadline per contract", "KMUA-RESP-1"),
                        List.of(new Term("Remote monitoring of counters, supplies and error codes", "KMUA-MON-1"),
                                new Term("Local CRU stock between an agreed minimum and maximum", "KMUA-STOCK-1"),
                                new Term("Automatic replenishment from remote-monitoring reports", "KMUA-STOCK-2"),
                                new Term("Local stock reconciled with the customer every 6 months", "KMUA-STOCK-3"),
                                new Term("Loan device when not restored within the recovery period", "KMUA-ORDER-4")),
                        List.of(new Term("Damage caused by the customer's users", "KMUA-ORDER-6")),
                        List.of()),
                new ServicePackage(vendorId(), market, "SW-SUPPORT",
                        "Software support (SafeQ / Dispatcher Paragon, Document Navigator, Dokoni Find)", TERMS,
                        new ResponsePromise(ResponsePromise.Kind.PER_CATEGORY, 0,
                                "Per priority: Critical, High, Medium, Low", "KMUA-SW-2"),
                        List.of(new Term("Third-line remote support, working days 09:00-18:00 Kyiv time",
                                "KMUA-SW-1")),
                        List.of(new Term("Regulated resolution time for change requests", "KMUA-SW-5")),
                        List.of()));
    }
}
