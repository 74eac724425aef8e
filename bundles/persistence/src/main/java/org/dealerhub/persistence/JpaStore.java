package org.dealerhub.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.sql.DataSource;

import org.dealerhub.api.ReadinessCheck;
import org.dealerhub.persistence.api.Repositories;
import org.dealerhub.persistence.api.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The persistence unit, ready for use: registered only when the schema is migrated ({@link SchemaMigrator}) and the
 * EntityManagerFactory (Aries JPA, on the same DataSource) is there.
 */
@Component(service = {Store.class, ReadinessCheck.class}, property = ReadinessCheck.PART + "=persistence")
public class JpaStore implements Store, ReadinessCheck {

    /** Reads of a unit of work go through its transaction's connection too, not a separate read connection. */
    private static final Map<String, Object> ONE_CONNECTION = Map.of("eclipselink.transaction.join-existing", "true");

    private final EntityManagerFactory emf;
    private final int schemaVersion;
    private final Statements statements = new Statements();

    @Activate
    public JpaStore(@Reference MigratedSchema schema,
            @Reference(target = "(osgi.unit.name=dealerhub)") EntityManagerFactory emf) {
        this.emf = emf;
        this.schemaVersion = schema.version();
    }

    /** Outside a container (tests, benchmarks): migrates the schema on the calling thread, then opens the store. */
    public static JpaStore migrating(DataSource dataSource, EntityManagerFactory emf) throws SQLException, IOException {
        int version = new Migrations(JpaStore.class.getClassLoader()).migrate(dataSource);
        return new JpaStore(() -> version, emf);
    }

    @Override
    public <T> T tx(Function<Repositories, T> work) {
        return run(work, true);
    }

    @Override
    public <T> T read(Function<Repositories, T> work) {
        return run(work, false);
    }

    private <T> T run(Function<Repositories, T> work, boolean commit) {
        EntityManager em = emf.createEntityManager(ONE_CONNECTION);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(new JpaRepositories(em, statements));
            if (commit) {
                tx.commit();
            }
            return result;
        } catch (RuntimeException e) {
            throw Refusals.of(e).map(RuntimeException.class::cast).orElse(e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Up when the database answers a query through the persistence unit and its schema is the newest. */
    @Override
    public boolean up() {
        return describe().startsWith("database answers");
    }

    @Override
    public String describe() {
        try {
            Number version = schemaVersionNow();
            int current = version == null ? 0 : version.intValue();
            return current == schemaVersion ? "database answers, schema version " + current
                    : "down: schema version " + current + ", this build needs " + schemaVersion;
        } catch (RuntimeException e) {
            return "down: the database does not answer: " + e.getMessage();
        }
    }

    private Number schemaVersionNow() {
        EntityManager em = emf.createEntityManager(ONE_CONNECTION);
        try {
            return (Number) em.createNativeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")
                    .setHint("javax.persistence.query.timeout", 2000).getSingleResult();
        } finally {
            em.close();
        }
    }
}
