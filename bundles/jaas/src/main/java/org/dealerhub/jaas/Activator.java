package org.dealerhub.jaas;

import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the PBKDF2 encryption service as soon as the bundle starts. Not a DS component on purpose: Karaf's JAAS
 * modules look the realm's encryption service up while they start, before the DS runtime (scr) has started, and
 * wait 10 s for it when it is missing; started at an earlier start level than Karaf's JAAS, this bundle is there
 * in time, so no login and no boot waits. It also registers the {@code karaf} realm with the database's portal
 * users ({@link DatabaseRealm}).
 */
public class Activator implements BundleActivator {

    private ServiceRegistration<EncryptionService> registration;
    private ServiceRegistration<JaasRealm> realm;

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", Pbkdf2Encryption.NAME);
        registration = context.registerService(EncryptionService.class, new Pbkdf2Encryption(), properties);
        realm = context.registerService(JaasRealm.class, new DatabaseRealm(context), null);
    }

    @Override
    public void stop(BundleContext context) {
        realm.unregister();
        registration.unregister();
    }
}
