package org.dealerhub.jaas;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The {@code karaf} realm with the portal users of the database beside the users file: Karaf's own realm (its
 * users-file, public-key and audit modules, as configured in etc/org.apache.karaf.jaas.cfg) and, after them, Karaf's
 * {@code JDBCLoginModule} on the Dealerhub datasource, with the same password encryption as the users file (PBKDF2,
 * {@link Pbkdf2Encryption}). Karaf's modules are optional: a login succeeds when one of them accepts the password.
 * Registered with rank 1, it replaces Karaf's realm of rank 0, whose entries it asks for at each login, so a change
 * of its configuration applies at once. While the database is not there, the JDBC module refuses and the users
 * file works as before.
 */
final class DatabaseRealm implements JaasRealm {

    static final String NAME = "karaf";
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";
    private static final String JDBC_MODULE = "org.apache.karaf.jaas.modules.jdbc.JDBCLoginModule";
    /** The current (not removed) portal users' password hashes; an invited user without one cannot log in yet. */
    static final String PASSWORD_QUERY = "SELECT PASSWORD_HASH FROM PORTAL_USER WHERE USER_NAME = ?"
            + " AND REMOVED_AT IS NULL AND PASSWORD_HASH IS NOT NULL";
    /** customer, organisation-<id> and portal-<role> (a view of the V10 migration). */
    static final String ROLE_QUERY = "SELECT ROLE_NAME FROM PORTAL_USER_ROLE WHERE USER_NAME = ?";
    static final String DATASOURCE = "osgi:javax.sql.DataSource/(osgi.jndi.service.name=dealerhub)";

    private final BundleContext context;

    DatabaseRealm(BundleContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 1;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        AppConfigurationEntry[] karaf = karafRealm();
        return Arrays.stream(karaf)
                .filter(e -> PROPERTIES_MODULE.equals(e.getOptions().get(ProxyLoginModule.PROPERTY_MODULE)))
                .findFirst().map(properties -> Stream.concat(Arrays.stream(karaf), Stream.of(database(properties)))
                        .toArray(AppConfigurationEntry[]::new))
                .orElse(karaf);
    }

    /** The JDBC module, loaded and configured as the users-file module is (bundle, encryption). */
    private static AppConfigurationEntry database(AppConfigurationEntry properties) {
        Map<String, Object> options = new HashMap<>(properties.getOptions());
        options.remove("users");
        options.put(ProxyLoginModule.PROPERTY_MODULE, JDBC_MODULE);
        options.put("datasource", DATASOURCE);
        options.put("query.password", PASSWORD_QUERY);
        options.put("query.role", ROLE_QUERY);
        return new AppConfigurationEntry(properties.getLoginModuleName(),
                AppConfigurationEntry.LoginModuleControlFlag.OPTIONAL, options);
    }

    /** The entries of Karaf's own realm (the highest-ranked other realm of this name), none while it is away. */
    private AppConfigurationEntry[] karafRealm() {
        try {
            JaasRealm best = null;
            for (ServiceReference<JaasRealm> ref : context.getServiceReferences(JaasRealm.class, null)) {
                JaasRealm realm = context.getService(ref);
                try {
                    if (realm != null && realm != this && NAME.equals(realm.getName())
                            && realm.getRank() < getRank() && (best == null || realm.getRank() > best.getRank())) {
                        best = realm;
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
            return best == null ? new AppConfigurationEntry[0] : best.getEntries();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
