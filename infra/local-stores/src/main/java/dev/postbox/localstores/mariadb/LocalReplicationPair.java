package dev.postbox.localstores.mariadb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * Two local MariaDB servers with real binlog replication: a primary (server id 1, row-based
 * binlog) and a read-only replica (server id 2) following it by GTID. The database and its user
 * are created on the primary only and reach the replica through replication, as in production.
 */
public final class LocalReplicationPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalReplicationPair.class);
    private static final String REPLICATION_USER = "repl";

    private final LocalMariaDb primary;
    private final LocalMariaDb replica;
    private final String database;

    private LocalReplicationPair(LocalMariaDb primary, LocalMariaDb replica, String database) {
        this.primary = primary;
        this.replica = replica;
        this.database = database;
    }

    /**
     * Starts both servers under {@code workDir} ({@code primary/}, {@code replica/}), creates
     * {@code database} and {@code user} on the primary and waits until the replica has them.
     */
    public static LocalReplicationPair start(MariaDbBinaries binaries, Path workDir, String database,
                                             String user, String password) {
        // both servers initialise at once: mariadb-install-db is most of the start time
        CompletableFuture<LocalMariaDb> startingReplica = CompletableFuture.supplyAsync(() -> LocalMariaDb.start(
                LocalMariaDb.Options.of(binaries, workDir.resolve("replica"))
                        .withServerId(2).withArgs("--read-only=1", "--relay-log=relay-bin")));
        LocalMariaDb primary;
        try {
            primary = LocalMariaDb.start(LocalMariaDb.Options.of(binaries, workDir.resolve("primary"))
                    .withServerId(1).withArgs("--log-bin=mysql-bin", "--binlog-format=ROW"));
        } catch (RuntimeException e) {
            startingReplica.thenAccept(LocalMariaDb::stop);
            throw e;
        }
        LocalMariaDb replica = null;
        try {
            replica = startingReplica.join();
            String replicationPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
            primary.execute("CREATE USER IF NOT EXISTS '" + REPLICATION_USER + "'@'%' IDENTIFIED BY "
                    + LocalMariaDb.quote(replicationPassword) + ";"
                    + "ALTER USER '" + REPLICATION_USER + "'@'%' IDENTIFIED BY " + LocalMariaDb.quote(replicationPassword) + ";"
                    + "GRANT REPLICATION SLAVE ON *.* TO '" + REPLICATION_USER + "'@'%';");
            replica.execute("STOP SLAVE;"
                    + "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                    + ", MASTER_USER='" + REPLICATION_USER + "', MASTER_PASSWORD=" + LocalMariaDb.quote(replicationPassword)
                    + ", MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos;"
                    + "START SLAVE;");
            primary.createDatabase(database, user, password);
            LocalReplicationPair pair = new LocalReplicationPair(primary, replica, database);
            pair.awaitReplicaCaughtUp(Duration.ofSeconds(60));
            LOG.info("MariaDB replication: primary 127.0.0.1:{} -> replica 127.0.0.1:{}", primary.port(), replica.port());
            return pair;
        } catch (RuntimeException e) {
            if (replica != null) {
                replica.stop();
            }
            primary.stop();
            throw e;
        }
    }

    public LocalMariaDb primary() {
        return primary;
    }

    public LocalMariaDb replica() {
        return replica;
    }

    public String primaryUrl() {
        return primary.jdbcUrl(database);
    }

    public String replicaUrl() {
        return replica.jdbcUrl(database);
    }

    /** Stops applying replicated events, so the replica lags on purpose; the I/O thread keeps fetching. */
    public void pauseReplicaSqlThread() {
        replica.execute("STOP SLAVE SQL_THREAD;");
    }

    public void resumeReplicaSqlThread() {
        replica.execute("START SLAVE SQL_THREAD;");
    }

    /** Waits until the replica has applied everything the primary has written so far. */
    public void awaitReplicaCaughtUp(Duration timeout) {
        String position = primary.query("SELECT @@gtid_binlog_pos;").strip();
        if (position.isEmpty()) {
            return;
        }
        String result = replica.query("SELECT MASTER_GTID_WAIT(" + LocalMariaDb.quote(position) + ", "
                + timeout.toSeconds() + ");").strip();
        if (!"0".equals(result)) {
            throw new IllegalStateException("the replica did not reach " + position + " within " + timeout
                    + ": " + replica.query("SHOW SLAVE STATUS\\G"));
        }
    }

    @Override
    public void close() {
        try {
            replica.close();
        } finally {
            primary.close();
        }
    }
}
