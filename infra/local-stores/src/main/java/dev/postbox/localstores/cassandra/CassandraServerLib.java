package dev.postbox.localstores.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what a local node needs on this machine: the folder with {@code cassandra-all} and its
 * dependencies, and a JDK 17 (Cassandra 5.0 does not run on newer JDKs).
 */
public final class CassandraServerLib {
    public static final String LIB_PROPERTY = "postbox.cassandra.server.lib";
    public static final String LIB_ENV = "POSTBOX_CASSANDRA_SERVER_LIB";
    public static final String JAVA_PROPERTY = "postbox.cassandra.java";
    public static final String JAVA_ENV = "POSTBOX_CASSANDRA_JAVA";
    /** Where this module's build puts the server lib, from the root of a source checkout. */
    static final String CHECKOUT_LIB = "infra/local-stores/target/cassandra-server/lib";

    private CassandraServerLib() {
    }

    /**
     * The server lib folder, first found of: system property {@value #LIB_PROPERTY}, environment
     * variable {@value #LIB_ENV}, {@code cassandra-lib} beside the folder holding this jar (a
     * distribution: {@code run-lib/} next to {@code cassandra-lib/}), then, in a source checkout,
     * {@value #CHECKOUT_LIB} under the working directory or its parent (the root or a module's
     * folder) and {@code target/cassandra-server/lib} (this module's folder).
     */
    public static Path locate() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(LIB_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv(LIB_ENV)).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        if (!candidates.isEmpty()) {
            Path chosen = candidates.get(0);
            if (!isServerLib(chosen)) {
                throw new IllegalStateException("Cassandra server lib " + chosen + " (from " + LIB_PROPERTY + " / " + LIB_ENV
                        + ") holds no cassandra-all jar");
            }
            return chosen;
        }
        ownJarDirectory().ifPresent(dir -> candidates.add(dir.resolveSibling("cassandra-lib")));
        candidates.add(Path.of(CHECKOUT_LIB));
        candidates.add(Path.of("..", CHECKOUT_LIB));
        candidates.add(Path.of("target", "cassandra-server", "lib"));
        return candidates.stream().filter(CassandraServerLib::isServerLib).findFirst().map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("Cassandra server lib not found in " + candidates
                        + "; build it with ./mvnw -pl infra/local-stores -am -DskipTests package, or set " + LIB_ENV));
    }

    static boolean isServerLib(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "cassandra-all-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> ownJarDirectory() {
        try {
            Path location = Path.of(CassandraServerLib.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A {@code java} launcher of a JDK 17: system property {@value #JAVA_PROPERTY} or environment
     * variable {@value #JAVA_ENV} (a JDK home or its {@code bin/java}), this JVM when it is a 17,
     * {@code JAVA_HOME}, then {@code /usr/lib/jvm/*17*}.
     */
    public static Path java17() {
        Set<Path> homes = new LinkedHashSet<>();
        for (String explicit : new String[] {System.getProperty(JAVA_PROPERTY), System.getenv(JAVA_ENV)}) {
            if (explicit != null && !explicit.isBlank()) {
                Path p = Path.of(explicit);
                Path java = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
                if (!Files.isExecutable(java)) {
                    throw new IllegalStateException("no java launcher at " + java);
                }
                return java;
            }
        }
        if (Runtime.version().feature() == 17) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(homes::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                dirs.filter(d -> d.getFileName().toString().contains("17")).sorted().forEach(homes::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return homes.stream().filter(CassandraServerLib::isJdk17).map(h -> h.resolve("bin").resolve("java")).findFirst()
                .orElseThrow(() -> new IllegalStateException("Cassandra 5.0 needs a JDK 17; none found in " + homes
                        + " (set " + JAVA_ENV + " to one)"));
    }

    private static boolean isJdk17(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return false;
        }
        try {
            return Files.readAllLines(release, StandardCharsets.UTF_8).stream()
                    .anyMatch(l -> l.startsWith("JAVA_VERSION=\"17"));
        } catch (IOException e) {
            return false;
        }
    }
}
