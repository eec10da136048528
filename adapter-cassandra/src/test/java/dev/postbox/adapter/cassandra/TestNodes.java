package dev.postbox.adapter.cassandra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Where test nodes live and how long they took (printed and kept in timings.txt). */
final class TestNodes {
    static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private TestNodes() {
    }

    static Path baseDir() {
        return Path.of(System.getProperty("postbox.cassandra.test.dir", "target/cassandra-it")).toAbsolutePath();
    }

    /** A directory unique to this run, so parallel builds never share data. */
    static Path runDir(String name) {
        return baseDir().resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static void record(String what, Instant since) {
        String line = String.format("%s %s: %.1f s%n", Instant.now(), what, Duration.between(since, Instant.now()).toMillis() / 1000.0);
        System.out.print("[cassandra-it] " + line);
        try {
            Files.createDirectories(baseDir());
            Files.writeString(baseDir().resolve("timings.txt"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String keyspace(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
