package org.dealerhub.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dealerhub.api.Market;
import org.dealerhub.api.MarketService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The configured markets. */
@Component
public class MarketRegistry implements MarketService {

    private final List<MarketSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSource(MarketSource source) {
        sources.add(source);
    }

    void unbindSource(MarketSource source) {
        sources.remove(source);
    }

    @Override
    public List<Market> markets() {
        return sources.stream().map(MarketSource::market).filter(Objects::nonNull)
                .sorted(Comparator.comparing(Market::code)).toList();
    }

    @Override
    public Optional<Market> market(String code) {
        return sources.stream().map(MarketSource::market).filter(m -> m != null && m.code().equals(code))
                .findFirst();
    }

    @Override
    public List<String> configurationProblems() {
        return sources.stream().flatMap(s -> s.problem().stream()).sorted().toList();
    }
}
