package org.dealerhub.itest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The built distribution unpacked into target/NAME and run as a real process (bin/karaf server) on free ports. */
final class DistributionProcess implements AutoCloseable {

    record Result(int exitCode, String output) {
    }

    final Path home;
    final int httpPort = Distribution.freePort();
    final int sshPort = Distribution.freePort();
    private Process karaf;

    DistributionProcess(String name) throws IOException {
        Path root = Paths.get("target", name).toAbsolutePath();
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        Files.createDirectories(root);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(
                Paths.get(System.getProperty("dealerhub.distribution"))))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("bad zip entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        try (Stream<Path> dirs = Files.list(root)) {
            home = dirs.findFirst().orElseThrow();
        }
        try (Stream<Path> bins = Files.list(home.resolve("bin"))) {
            bins.forEach(p -> p.toFile().setExecutable(true));
        }
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort);
        set("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort);
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Distribution.freePort());
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", Distribution.freePort());
    }

    /** Appends a setting to a configuration file of the distribution. */
    void set(String file, String key, Object value) throws IOException {
        Files.writeString(home.resolve(file), System.lineSeparator() + key + " = " + value + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void start(Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.out").toFile()));
        pb.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        karaf = pb.start();
    }

    /**
     * Runs bin/client with these arguments the way a script does: no terminal, an empty standard input.
     */
    Result client(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/client").toString(), "-a",
                String.valueOf(sshPort), "-r", "30", "-d", "1"));
        command.addAll(List.of(args));
        Process client = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        client.getOutputStream().close();
        byte[] output = client.getInputStream().readAllBytes();
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("bin/client did not end: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(client.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** SIGKILL to the JVM and the script that started it. */
    @Override
    public void close() {
        if (karaf == null) {
            return;
        }
        karaf.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        karaf.destroyForcibly();
        try {
            karaf.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
