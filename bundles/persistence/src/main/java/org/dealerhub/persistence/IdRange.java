package org.dealerhub.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Query;

/**
 * A page of ids (a few hundred contracts, their devices or organisations) as a query predicate. When the ids lie
 * close together (a page of contracts in id order, their devices, their organisations) the predicate is
 * {@code BETWEEN} the first and the last, one index range scan whose rows of other ids the caller skips with
 * {@link #contains}: two bind parameters instead of hundreds (EclipseLink binds each element of an {@code IN}
 * list through a linear search of the parameters already bound, quadratic in the list's length). Otherwise it is
 * an {@code IN} list of the ids.
 */
final class IdRange {

    /** Ids lying within this many times their number of each other are read as one range. */
    static final int SPAN = 4;

    private final List<Long> ids;
    private final Set<Long> wanted;

    private IdRange(List<Long> ids) {
        this.ids = ids;
        this.wanted = ids.get(ids.size() - 1) - ids.get(0) < (long) SPAN * ids.size() ? new HashSet<>(ids) : null;
    }

    /** The distinct ids, ascending; at least one. */
    static IdRange of(Collection<Long> ids) {
        return new IdRange(new ArrayList<>(new TreeSet<>(ids)));
    }

    boolean between() {
        return wanted != null;
    }

    /** What to bind in order: the first and last id, or every id. */
    List<Long> bound() {
        return between() ? List.of(ids.get(0), ids.get(ids.size() - 1)) : ids;
    }

    /** The JPQL predicate on {@code path} with named parameters {@code name}, {@code nameTo} (see {@link #bind}). */
    String jpql(String path, String name) {
        return path + (between() ? " BETWEEN :" + name + " AND :" + name + "To" : " IN :" + name);
    }

    /** Binds the parameters of {@link #jpql}. */
    <Q extends Query> Q bind(Q query, String name) {
        if (between()) {
            query.setParameter(name, ids.get(0)).setParameter(name + "To", ids.get(ids.size() - 1));
        } else {
            query.setParameter(name, ids);
        }
        return query;
    }

    /** Whether a row of the range is one of the ids (every row is, for an {@code IN} list). */
    boolean contains(long id) {
        return wanted == null || wanted.contains(id);
    }
}
