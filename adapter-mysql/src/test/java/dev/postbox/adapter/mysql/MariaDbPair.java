package dev.postbox.adapter.mysql;

import dev.postbox.localstores.mariadb.LocalReplicationPair;
import dev.postbox.localstores.mariadb.MariaDbBinaries;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The MariaDB primary + replica of the whole test run: started once (JUnit's root store), with
 * the schema migrated, and stopped when the run ends, failed tests or not. Test classes get it
 * as a constructor or method parameter through {@code @ExtendWith(MariaDbPair.Extension.class)}.
 */
public final class MariaDbPair implements AutoCloseable {
    public static final String DATABASE = "postbox";
    public static final String USER = "postbox";

    private final Path workDir;
    private final LocalReplicationPair servers;
    private final String password;
    private MySqlStorage split;
    private MySqlStorage primaryOnly;

    private MariaDbPair(Path workDir, LocalReplicationPair servers, String password) {
        this.workDir = workDir;
        this.servers = servers;
        this.password = password;
    }

    static MariaDbPair start() {
        Path target = Path.of(System.getProperty("postbox.build.dir", "target"));
        MariaDbBinaries binaries = MariaDbBinaries.unpackInto(target.resolve("mariadb-" + MariaDbBinaries.VERSION));
        try {
            Path workDir = Files.createTempDirectory(Files.createDirectories(target.resolve("it-mariadb")), "pair");
            // quotes and a backslash prove the password reaches the server as data, not SQL
            String password = "pw'\\\"" + UUID.randomUUID();
            LocalReplicationPair servers = LocalReplicationPair.start(binaries, workDir, DATABASE, USER, password);
            MariaDbPair pair = new MariaDbPair(workDir, servers, password);
            try (MySqlStorage storage = pair.newStorage(pair.splitConfig())) {
                storage.migrate();
                servers.awaitReplicaCaughtUp(Duration.ofSeconds(30));
                return pair;
            } catch (RuntimeException | Error e) {
                pair.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LocalReplicationPair servers() {
        return servers;
    }

    /**
     * Reads from the replica, writes to the primary. Timeouts are generous because this machine
     * is shared with other test suites: a loaded server may take seconds to answer a handshake.
     */
    public MySqlConfig splitConfig() {
        return MySqlConfig.of(servers.primaryUrl(), servers.replicaUrl(), USER, password)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withQueryTimeout(Duration.ofSeconds(30))
                .withReplicaRetryInterval(Duration.ofMillis(300));
    }

    /** Everything on the primary, one pool. */
    public MySqlConfig primaryOnlyConfig() {
        return MySqlConfig.of(servers.primaryUrl(), servers.primaryUrl(), USER, password)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withQueryTimeout(Duration.ofSeconds(30));
    }

    /** A new storage the caller closes (for tests that count statements or break servers). */
    public MySqlStorage newStorage(MySqlConfig config) {
        return new MySqlStorage(config);
    }

    /** One storage over {@link #splitConfig()} shared by the run's tests; closed with the pair. */
    public synchronized MySqlStorage sharedSplitStorage() {
        if (split == null) {
            split = newStorage(splitConfig());
        }
        return split;
    }

    /** One storage over {@link #primaryOnlyConfig()} shared by the run's tests; closed with the pair. */
    public synchronized MySqlStorage sharedPrimaryOnlyStorage() {
        if (primaryOnly == null) {
            primaryOnly = newStorage(primaryOnlyConfig());
        }
        return primaryOnly;
    }

    public String password() {
        return password;
    }

    @Override
    public synchronized void close() throws IOException {
        if (split != null) {
            split.close();
        }
        if (primaryOnly != null) {
            primaryOnly.close();
        }
        servers.close();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Resolves {@link MariaDbPair} parameters with the one pair of the run. */
    public static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MariaDbPair.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == MariaDbPair.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return of(context);
        }

        static MariaDbPair of(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(MariaDbPair.class, key -> start(), MariaDbPair.class);
        }
    }
}
