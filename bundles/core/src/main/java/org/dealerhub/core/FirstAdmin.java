package org.dealerhub.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;


import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first dealer admin of a production instance. The distribution ships no user with a password; on a start
 * whose realm has no user at all, this creates {@code admin} (console and dealer admin) with the password in the
 * environment variable {@value #PASSWORD_VARIABLE}, or else a generated one printed once to the console and the log.
 * Demo mode starts with the demo users instead, so this does nothing there.
 */
@Component(configurationPid = "org.dealerhub.security")
public class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    static final String PASSWORD_VARIABLE = "DEALERHUB_ADMIN_PASSWORD";
    static final String USER = "admin";
    static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    @Activate
    public FirstAdmin(@Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE) List<BackingEngineFactory> engines,
            JaasAuthentication.Config config) {
        BackingEngineService service = new BackingEngineService();
        service.setEngineFactories(engines);
        Optional<BackingEngine> engine = realms.stream().filter(r -> r.getName().equals(config.realm()))
                .flatMap(r -> List.of(r.getEntries()).stream())
                .filter(e -> PROPERTIES_MODULE.equals(e.getOptions().get("org.apache.karaf.jaas.module")))
                .findFirst().map(service::get);
        if (engine.isEmpty()) {
            LOG.warn("Realm {} has no users file: no first admin created", config.realm());
            return;
        }
        createIfNoUsers(engine.get(), System::getenv);
    }

    /** Creates the first admin when the realm has no user; the password it was given, if it created one. */
    static Optional<String> createIfNoUsers(BackingEngine realm, Function<String, String> environment) {
        if (!realm.listUsers().isEmpty()) {
            return Optional.empty();
        }
        String given = environment.apply(PASSWORD_VARIABLE);
        boolean generate = given == null || given.isBlank();
        String password = generate ? generated() : given;
        realm.addUser(USER, password);
        realm.addGroup(USER, "admingroup");
        realm.addRole(USER, JaasAuthentication.ADMIN);
        if (!generate) {
            LOG.warn("First start: created the dealer admin '{}' with the password in {}", USER, PASSWORD_VARIABLE);
        } else {
            String message = "First start: created the dealer admin '" + USER + "' with the password " + password
                    + " (shown once; change it in the console: jaas:realm-manage --index 1, "
                    + "jaas:user-add " + USER + " NEW-PASSWORD, jaas:update)";
            LOG.warn(message);
            System.out.println(message);
        }
        return Optional.of(password);
    }

    private static String generated() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
