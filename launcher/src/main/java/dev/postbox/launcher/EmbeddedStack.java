package dev.postbox.launcher;

import dev.postbox.adapter.cassandra.CassandraConfig;
import dev.postbox.adapter.mysql.MySqlConfig;
import dev.postbox.launcher.config.Settings;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import dev.postbox.localstores.mariadb.LocalMariaDb;
import dev.postbox.localstores.mariadb.MariaDbBinaries;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.service.Postbox;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A local MariaDB and a local Cassandra node as child processes, their data under
 * {@code POSTBOX_DATA_DIR}, so a second start finds the users and posts of the first. Both start
 * at once (Cassandra takes longest); when either fails, the other is stopped too. Closing the
 * stack stops both children by their own process handles.
 */
final class EmbeddedStack implements Stack {
    private static final Duration CASSANDRA_READY = Duration.ofMinutes(5);
    // a first start waits a minute or two: a line every 15 s shows it is alive without flooding the terminal
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private final LocalMariaDb mariaDb;
    private final LocalCassandraNode cassandraNode;
    private final ExternalStack stores;
    private final Path data;

    private EmbeddedStack(LocalMariaDb mariaDb, LocalCassandraNode cassandraNode, ExternalStack stores, Path data) {
        this.mariaDb = mariaDb;
        this.cassandraNode = cassandraNode;
        this.stores = stores;
        this.data = data;
    }

    static EmbeddedStack open(Settings settings, MeterRegistry registry, Progress progress) {
        Path data = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + data, e);
        }
        boolean first = !Files.isDirectory(data.resolve("mariadb").resolve("mysql"));
        progress.step((first ? "First start: creating" : "Reusing") + " the embedded stores' data in " + data);

        LocalCassandraNode node = LocalCassandraNode.builder(data.resolve("cassandra")).clusterName("postbox-embedded").build();
        CompletableFuture<Void> cassandra = inThread("postbox-start-cassandra", () -> {
            node.start();
            node.awaitReady(CASSANDRA_READY);
            return null;
        });
        CompletableFuture<LocalMariaDb> mariaDb = inThread("postbox-start-mariadb", () -> LocalMariaDb.start(
                LocalMariaDb.Options.of(MariaDbBinaries.unpackInto(data.resolve("mariadb-binaries")), data.resolve("mariadb"))));
        progress.step("Starting Cassandra 5.0 (about a minute on 2 cores; log " + node.logFile() + ")");
        progress.step("Starting MariaDB " + MariaDbBinaries.VERSION + (first ? " (first start: unpacking it and creating its tables)" : ""));
        try {
            awaitBoth(mariaDb, cassandra, node, progress);
            LocalMariaDb db = mariaDb.join();
            String password = localSecret(data.resolve("db-password"));
            db.createDatabase("postbox", "postbox", password);
            Settings local = localSettings(settings, db.jdbcUrl("postbox"), password,
                    InetSocketAddress.createUnresolved(node.address(), node.nativePort()), node.datacenter());
            return new EmbeddedStack(db, node, ExternalStack.open(local, registry, progress), data);
        } catch (RuntimeException e) {
            stopAll(node, mariaDb);
            throw e;
        } catch (IOException e) {
            stopAll(node, mariaDb);
            throw new UncheckedIOException(e);
        }
    }

    private static <T> CompletableFuture<T> inThread(String name, Supplier<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(task.get());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    /** Waits for both, saying every few seconds what is still awaited; the first failure ends the wait. */
    private static void awaitBoth(CompletableFuture<LocalMariaDb> mariaDb, CompletableFuture<Void> cassandra,
                                  LocalCassandraNode node, Progress progress) {
        boolean mariaDbReported = false;
        boolean cassandraReported = false;
        CompletableFuture<Object> any = CompletableFuture.anyOf(mariaDb, cassandra);
        while (true) {
            if (mariaDb.isCompletedExceptionally() || cassandra.isCompletedExceptionally()) {
                throw failure(mariaDb.isCompletedExceptionally() ? mariaDb : cassandra);
            }
            if (mariaDb.isDone() && !mariaDbReported) {
                LocalMariaDb db = mariaDb.join();
                progress.step("MariaDB is up on 127.0.0.1:" + db.port() + " (pid " + db.pid() + ")");
                mariaDbReported = true;
            }
            if (cassandra.isDone() && !cassandraReported) {
                progress.step("Cassandra is up, CQL on " + node.address() + ":" + node.nativePort() + " (pid " + node.pid() + ")");
                cassandraReported = true;
            }
            if (mariaDbReported && cassandraReported) {
                return;
            }
            List<String> waiting = new ArrayList<>();
            if (!mariaDbReported) {
                waiting.add("MariaDB");
            }
            if (!cassandraReported) {
                waiting.add("Cassandra (CQL on " + node.address() + ":" + node.nativePort() + ")");
            }
            try {
                CompletableFuture.anyOf(waiting.size() == 2 ? any : (mariaDbReported ? cassandra : mariaDb))
                        .get(PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                progress.step("waiting for " + String.join(" and ", waiting) + "...");
            } catch (ExecutionException e) {
                // reported at the top of the loop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the embedded stores", e);
            }
        }
    }

    private static RuntimeException failure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("no failure");
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    /**
     * Stops Cassandra first (its readiness wait then ends at once), then waits for a MariaDB start
     * still under way, so no server is left running after a failed start.
     */
    private static void stopAll(LocalCassandraNode node, CompletableFuture<LocalMariaDb> mariaDb) {
        node.close();
        try {
            mariaDb.join().close();
        } catch (CompletionException e) {
            // it failed to start, so there is nothing to stop
        }
    }

    /** The database password of the embedded run: made once, kept in a file only the owner reads. */
    private static String localSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(file, secret + "\n");
        return secret;
    }

    /** The configured pools and timeouts, on the local servers (default consistency and replication for one node). */
    private static Settings localSettings(Settings s, String jdbcUrl, String password, InetSocketAddress contactPoint, String dc) {
        MySqlConfig db = s.db().withUrls(jdbcUrl, jdbcUrl).withCredentials("postbox", password);
        CassandraConfig cassandra = CassandraConfig.of(contactPoint).withLocalDatacenter(dc)
                .withKeyspace(s.cassandra().keyspace()).withRequestTimeout(s.cassandra().requestTimeout());
        return s.withStores(db, cassandra);
    }

    LocalMariaDb mariaDb() {
        return mariaDb;
    }

    LocalCassandraNode cassandraNode() {
        return cassandraNode;
    }

    @Override
    public Postbox.Storage storage() {
        return stores.storage();
    }

    @Override
    public List<HealthCheck> healthChecks() {
        return stores.healthChecks();
    }

    @Override
    public String migrate() {
        return stores.migrate();
    }

    @Override
    public int clearSessions(Instant now) {
        return stores.clearSessions(now);
    }

    @Override
    public String describe() {
        return "embedded MariaDB on 127.0.0.1:" + mariaDb.port() + " (pid " + mariaDb.pid() + ") and Cassandra on "
                + cassandraNode.address() + ":" + cassandraNode.nativePort() + " (pid " + cassandraNode.pid() + "), data in " + data;
    }

    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            try {
                cassandraNode.close();
            } finally {
                mariaDb.close();
            }
        }
    }
}
