package org.dealerhub.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;

/** Pax Exam options that boot the Dealerhub distribution this module built, on free ports. */
final class Distribution {

    private Distribution() {
    }

    static final String HTTP_PORT = "dealerhub.test.httpPort";
    static final String VENDOR_JAR = "dealerhub.test.vendorJar";
    static final String BROKEN_VENDOR_JAR = "dealerhub.test.brokenVendorJar";
    static final String DISTRIBUTION = "dealerhub.distribution";
    static final String WSDL = "dealerhub.wsdl";

    /** Demo mode, as `./dealerhub run` sets it on a fresh instance: the demo users and the demo-data switch. */
    static Option[] demoMode() {
        File demo = new File(System.getProperty("dealerhub.config"), "demo");
        return new Option[] {
            replaceConfigurationFile("etc/users.properties", new File(demo, "users.properties")),
            replaceConfigurationFile("etc/org.dealerhub.demo.cfg", new File(demo, "org.dealerhub.demo.cfg")),
        };
    }

    /** The distribution in demo mode. */
    static Option[] options() {
        return OptionUtils.combine(distribution(), demoMode());
    }

    /** The distribution as built: no users, no demo data. */
    static Option[] distribution() {
        String karafVersion = System.getProperty("dealerhub.karafVersion");
        String zip = System.getProperty(DISTRIBUTION);
        int http = freePort();
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(new File(zip).toURI().toString())
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("Dealerhub")
                    .karafVersion(karafVersion),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
            systemProperty(HTTP_PORT).value(String.valueOf(http)),
            // the probe waits for Pax Exam's invoker, which a loaded machine may start minutes late (default 10 s)
            systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("300000"),
            systemProperty(VENDOR_JAR).value(System.getProperty("dealerhub.vendorJar")),
            systemProperty(BROKEN_VENDOR_JAR).value(System.getProperty("dealerhub.brokenVendorJar")),
            systemProperty(DISTRIBUTION).value(zip),
            systemProperty(WSDL).value(System.getProperty(WSDL)),
            // what bin/karaf passes on Java 9+
            new VMOption("--add-reads=java.xml=java.logging"),
            new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            new VMOption("--patch-module"),
            new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
            new VMOption("--patch-module"),
            new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
            new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            new VMOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
            new VMOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
            new VMOption("-classpath"),
            new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
        };
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
