package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Persistence is a boundary: the core's classes name no JPA type and nothing of the persistence bundle but its
 * api package (the repositories and the unit of work). Read from the compiled classes' constant pools, where
 * every type a class uses is named.
 */
class CoreBoundaryTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "javax/persistence/|org/dealerhub/persistence/(?!api/)[A-Za-z]");

    @Test
    void theCoreSeesRepositoriesNeverEntitiesOrAnEntityManager() throws IOException {
        Path classes = Path.of("target/classes/org/dealerhub/core");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertFalse(files.isEmpty(), "no compiled core classes under " + classes.toAbsolutePath());
        List<String> offenders = files.stream().filter(CoreBoundaryTest::crossesTheBoundary)
                .map(p -> classes.relativize(p).toString()).toList();
        assertEquals(List.of(), offenders);
    }

    private static boolean crossesTheBoundary(Path classFile) {
        try {
            return FORBIDDEN.matcher(new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
