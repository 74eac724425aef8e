package org.dealerhub.persistence;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to this build's schema on a thread of its own, then registers {@link MigratedSchema}. The
 * database's boot and the migrations (most of two seconds on a first boot) so run beside the start of the rest of
 * the platform instead of holding Karaf's start-level thread; everything that uses the database waits for the
 * {@link JpaStore}, which waits for the schema. A migration that fails (a script edited after it was applied, a
 * database newer than this build) is logged and nothing is registered: the node never becomes ready.
 */
@Component(service = {})
public class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile ServiceRegistration<MigratedSchema> registration;

    @Activate
    public SchemaMigrator(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=dealerhub)") DataSource dataSource) {
        new Thread(() -> migrate(context, dataSource), "dealerhub-schema").start();
    }

    private void migrate(BundleContext context, DataSource dataSource) {
        try {
            int version = new Migrations(SchemaMigrator.class.getClassLoader()).migrate(dataSource);
            LOG.info("Dealerhub database at schema version {}", version);
            MigratedSchema schema = () -> version;
            registration = context.registerService(MigratedSchema.class, schema, new Hashtable<>());
            if (stopped.get()) {
                unregister();
            }
        } catch (Exception e) {
            if (!stopped.get()) {
                LOG.error("The Dealerhub database could not be brought to this build's schema", e);
            }
        }
    }

    /** The DataSource went away or the bundle stops: the store goes with the schema registration. */
    @Deactivate
    void stop() {
        stopped.set(true);
        unregister();
    }

    private void unregister() {
        ServiceRegistration<MigratedSchema> current = registration;
        if (current != null) {
            try {
                current.unregister();
            } catch (IllegalStateException e) {
                // already unregistered by the other of stop() and migrate()
            }
        }
    }
}
