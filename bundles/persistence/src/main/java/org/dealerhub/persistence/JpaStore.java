package org.dealerhub.persistence;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence unit, ready for use: the schema is migrated before the first transaction. Registered only when
 * both the DataSource (pax-jdbc-config) and the EntityManagerFactory (Aries JPA) are there.
 */
@Component(service = {Store.class, ReadinessCheck.class}, property = ReadinessCheck.PART + "=persistence")
public class JpaStore implements Store, ReadinessCheck {

    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    /** Reads of a unit of work go through its transaction's connection too, not a separate read connection. */
    private static final Map<String, Object> ONE_CONNECTION = Map.of("eclipselink.transaction.join-existing", "true");

    private final EntityManagerFactory emf;
    private final int schemaVersion;
    private final Statements statements = new Statements();

    @Activate
    public JpaStore(@Reference(target = "(osgi.jndi.service.name=dealerhub)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=dealerhub)") EntityManagerFactory emf) throws Exception {
        Migrations migrations = new Migrations(JpaStore.class.getClassLoader());
        int version = migrations.migrate(dataSource);
        LOG.info("Dealerhub database at schema version {}", version);
        this.emf = emf;
        this.schemaVersion = migrations.latestVersion();
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
