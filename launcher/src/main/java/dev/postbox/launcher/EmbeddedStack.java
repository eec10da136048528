package dev.postbox.launcher;

import dev.postbox.adapter.cassandra.local.LocalCassandraNode;
import dev.postbox.adapter.mysql.local.LocalMariaDb;
import dev.postbox.adapter.mysql.local.MariaDbBinaries;
import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.service.Postbox;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A local MariaDB and a local Cassandra node as child processes, their data under
 * {@code POSTBOX_DATA_DIR}, so a second start finds the users and posts of the first. Closing
 * the stack stops both children (by their own process handles).
 */
final class EmbeddedStack implements Stack {
    private static final Duration CASSANDRA_READY = Duration.ofMinutes(4);

    private final LocalMariaDb mariaDb;
    private final LocalCassandraNode cassandraNode;
    private final ExternalStack stores;

    private EmbeddedStack(LocalMariaDb mariaDb, LocalCassandraNode cassandraNode, ExternalStack stores) {
        this.mariaDb = mariaDb;
        this.cassandraNode = cassandraNode;
        this.stores = stores;
    }

    static EmbeddedStack open(Settings settings, MeterRegistry registry, Progress progress) {
        Path data = settings.dataDir().toAbsolutePath();
        LocalMariaDb mariaDb = null;
        LocalCassandraNode node = null;
        try {
            Files.createDirectories(data);
            progress.step("starting Cassandra in " + data.resolve("cassandra") + " (about 40 s on 2 cores)");
            node = LocalCassandraNode.builder(data.resolve("cassandra")).clusterName("postbox-embedded").build().start();
            LocalCassandraNode started = node;
            CompletableFuture<Void> cassandraReady = CompletableFuture.runAsync(() -> started.awaitReady(CASSANDRA_READY));

            progress.step("starting MariaDB in " + data.resolve("mariadb"));
            MariaDbBinaries binaries = MariaDbBinaries.unpackInto(data.resolve("mariadb-binaries"));
            mariaDb = LocalMariaDb.start(LocalMariaDb.Options.of(binaries, data.resolve("mariadb")));
            String password = localSecret(data.resolve("db-password"));
            mariaDb.createDatabase("postbox", "postbox", password);
            progress.step("MariaDB is up on 127.0.0.1:" + mariaDb.port());

            awaitWithProgress(cassandraReady, progress, "Cassandra (CQL on " + node.nativeAddress() + ")");
            progress.step("Cassandra is up on " + node.nativeAddress());

            Settings local = localSettings(settings, mariaDb.jdbcUrl("postbox"), password,
                    node.address() + ":" + node.nativePort(), node.datacenter());
            return new EmbeddedStack(mariaDb, node, ExternalStack.open(local, registry, progress));
        } catch (IOException e) {
            stopQuietly(mariaDb, node);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopQuietly(mariaDb, node);
            throw e;
        }
    }

    private static void awaitWithProgress(CompletableFuture<Void> ready, Progress progress, String what) {
        while (true) {
            try {
                ready.get(5, java.util.concurrent.TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                progress.step("waiting for " + what + "...");
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
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
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    private static Settings localSettings(Settings s, String jdbcUrl, String password, String contactPoint, String dc) {
        Settings.Db db = new Settings.Db(jdbcUrl, jdbcUrl, "postbox", Optional.of(password),
                s.db().poolSize(), s.db().replicaPoolSize(), s.db().connectTimeout());
        Settings.Cassandra c = new Settings.Cassandra(List.of(contactPoint), dc, s.cassandra().keyspace(),
                "LOCAL_QUORUM", "SimpleStrategy:1", s.cassandra().requestTimeout(), Optional.empty(), Optional.empty());
        return new Settings(s.storage(), s.http(), db, c, s.web(), s.sessions(), s.login(), s.startupWait(), s.dataDir());
    }

    private static void stopQuietly(LocalMariaDb mariaDb, LocalCassandraNode node) {
        if (node != null) {
            node.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
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
    public void migrate() {
        stores.migrate();
    }

    @Override
    public int clearSessions(Instant now) {
        return stores.clearSessions(now);
    }

    @Override
    public String describe() {
        return "embedded MariaDB (pid " + mariaDb.pid() + ") and Cassandra (pid " + cassandraNode.pid() + "), data in "
                + mariaDb.dataDir().getParent();
    }

    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            stopQuietly(mariaDb, cassandraNode);
        }
    }
}
