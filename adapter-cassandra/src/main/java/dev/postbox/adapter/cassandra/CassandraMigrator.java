package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.postbox.domain.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned CQL scripts under {@code dev/postbox/adapter/cassandra/migrations/} and
 * records each in {@code <keyspace>.schema_migrations}.
 *
 * <p>Safe to run twice (every statement is {@code IF NOT EXISTS}; applied versions are skipped)
 * and from several processes at once: each version is claimed with a lightweight transaction
 * ({@code INSERT ... IF NOT EXISTS}, with a TTL so a crashed claimer's claim lapses), only the
 * claimer runs its statements and the others wait until it is recorded as applied. That matters
 * because two nodes that create the same table concurrently may give it two different ids, which
 * Cassandra (before 5.1's transactional metadata) cannot reconcile. The bookkeeping table itself
 * cannot be guarded by a claim, so it is created with a fixed id derived from its name: two
 * concurrent creations are then the same schema change and merge cleanly.
 */
public final class CassandraMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraMigrator.class);
    private static final String RESOURCE_DIR = "/dev/postbox/adapter/cassandra/migrations/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,6})__([A-Za-z0-9_]+)\\.cql");
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SCHEMA_SETTLE = Duration.ofSeconds(60);
    static final int CLAIM_TTL_SECONDS = 300;

    /** One script: its statements run in order, its checksum guards it against later edits. */
    public record Migration(int version, String description, String script, String checksum) {
        public List<String> statements(String keyspace) {
            List<String> result = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (String line : script.split("\n", -1)) {
                if (!line.strip().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
            // our scripts hold no ';' inside literals, so a plain split is enough
            for (String statement : text.toString().split(";")) {
                String cql = statement.strip();
                if (!cql.isEmpty()) {
                    result.add(cql.replace("${keyspace}", keyspace));
                }
            }
            return result;
        }
    }

    /** What one run did. */
    public record Result(List<Integer> applied, List<Integer> alreadyApplied) {
        public Result {
            applied = List.copyOf(applied);
            alreadyApplied = List.copyOf(alreadyApplied);
        }
    }

    private final CqlSession session;
    private final String keyspace;
    private final Replication replication;
    private final Duration waitForOthers;
    private final UUID owner = UUID.randomUUID();

    public CassandraMigrator(CqlSession session, String keyspace, Replication replication) {
        this(session, keyspace, replication, Duration.ofSeconds(CLAIM_TTL_SECONDS + 60));
    }

    public CassandraMigrator(CqlSession session, String keyspace, Replication replication, Duration waitForOthers) {
        this.session = Objects.requireNonNull(session, "session");
        CassandraConfig.requireKeyspace(keyspace);
        this.keyspace = keyspace;
        this.replication = Objects.requireNonNull(replication, "replication");
        this.waitForOthers = Objects.requireNonNull(waitForOthers, "waitForOthers");
    }

    /** The scripts bundled with this adapter, in version order. */
    public static List<Migration> bundled() {
        List<Migration> result = new ArrayList<>();
        int last = 0;
        for (String line : resource("index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = FILE_NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name " + name + " is not V<version>__<description>.cql");
            }
            int version = Integer.parseInt(m.group(1));
            if (version <= last) {
                throw new IllegalStateException("migration " + name + " is out of order");
            }
            last = version;
            String script = resource(name).replace("\r\n", "\n");
            result.add(new Migration(version, m.group(2).replace('_', ' '), script, sha256(script)));
        }
        return result;
    }

    /**
     * Creates the keyspace when missing (with the configured replication), then applies every
     * bundled migration not yet recorded.
     *
     * @throws StoreUnavailableException when Cassandra cannot be reached or a quorum is missing
     * @throws IllegalStateException     when a recorded migration differs from the bundled one, the
     *                                   schema does not settle, or another migrator holds a claim too long
     */
    public Result migrate() {
        try {
            return migrate(bundled());
        } catch (DriverException e) {
            throw new StoreUnavailableException(CassandraPostRepository.STORE, e);
        }
    }

    Result migrate(List<Migration> migrations) {
        ddl("CREATE KEYSPACE IF NOT EXISTS " + keyspace + " WITH replication = " + replication.toCql());
        warnOnOtherReplication();
        ddl("CREATE TABLE IF NOT EXISTS " + keyspace + ".schema_migrations ("
                + "version int PRIMARY KEY, description text, checksum text, state text, owner uuid, "
                + "started_at timestamp, applied_at timestamp) WITH ID = '" + bookkeepingTableId(keyspace) + "'");
        List<Integer> applied = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (Migration migration : migrations) {
            if (apply(migration)) {
                applied.add(migration.version());
            } else {
                skipped.add(migration.version());
            }
        }
        checkPostsTable();
        if (!applied.isEmpty()) {
            LOG.info("Cassandra keyspace {}: applied migrations {}", keyspace, applied);
        }
        return new Result(applied, skipped);
    }

    /** A fixed, per-keyspace id: concurrent creators produce one and the same table. */
    static UUID bookkeepingTableId(String keyspace) {
        return UUID.nameUUIDFromBytes(("postbox:" + keyspace + ".schema_migrations").getBytes(StandardCharsets.UTF_8));
    }

    /** @return true when this process ran the migration, false when it had been applied */
    private boolean apply(Migration migration) {
        Instant deadline = Instant.now().plus(waitForOthers);
        while (true) {
            // QUORUM, not SERIAL: waiters must not compete with the claimer's Paxos rounds; the
            // claim itself (IF NOT EXISTS) is what keeps two migrators apart
            Row row = read(migration);
            if (row != null && "applied".equals(row.getString("state"))) {
                if (!migration.checksum().equals(row.getString("checksum"))) {
                    throw new IllegalStateException("Cassandra migration V" + migration.version() + " (" + migration.description()
                            + ") was changed after it was applied: recorded checksum " + row.getString("checksum")
                            + ", bundled " + migration.checksum());
                }
                return false;
            }
            // a claim whose answer was lost (contention, timeout) may still have been ours
            boolean ours = row != null && owner.equals(row.getUuid("owner"));
            if (ours || (row == null && claim(migration))) {
                for (String cql : migration.statements(keyspace)) {
                    ddl(cql);
                }
                markApplied(migration, deadline);
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cassandra migration V" + migration.version()
                        + " is claimed by another migrator that has not finished within " + waitForOthers);
            }
            if (row != null) {
                LOG.info("Cassandra migration V{} is being applied by another process; waiting", migration.version());
            }
            pause();
        }
    }

    private Row read(Migration migration) {
        return session.execute(statement("SELECT state, checksum, owner FROM " + keyspace
                + ".schema_migrations WHERE version = ?", migration.version())).one();
    }

    /** @return true when claimed; false when taken by another or when the outcome is unknown */
    private boolean claim(Migration migration) {
        try {
            return session.execute(statement("INSERT INTO " + keyspace + ".schema_migrations "
                            + "(version, description, checksum, state, owner, started_at) VALUES (?, ?, ?, 'running', ?, ?) "
                            + "IF NOT EXISTS USING TTL " + CLAIM_TTL_SECONDS,
                    migration.version(), migration.description(), migration.checksum(), owner, Instant.now())).wasApplied();
        } catch (CASWriteUnknownException | WriteTimeoutException e) {
            // concurrent claimers make Paxos rounds fail; the next read tells who won
            LOG.info("Cassandra migration V{}: claim outcome unknown ({}); reading it back", migration.version(), e.getClass().getSimpleName());
            return false;
        }
    }

    private void markApplied(Migration migration, Instant deadline) {
        while (true) {
            try {
                // rewriting every column without a TTL keeps the row once the claim's TTL runs out
                ResultSet rs = session.execute(statement("UPDATE " + keyspace + ".schema_migrations USING TTL 0 "
                                + "SET state = 'applied', description = ?, checksum = ?, owner = ?, started_at = ?, applied_at = ? "
                                + "WHERE version = ? IF owner = ?",
                        migration.description(), migration.checksum(), owner, Instant.now(), Instant.now(),
                        migration.version(), owner));
                if (rs.wasApplied()) {
                    return;
                }
            } catch (CASWriteUnknownException | WriteTimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Row row = read(migration);
            if (row != null && "applied".equals(row.getString("state")) && owner.equals(row.getUuid("owner"))) {
                return;
            }
            if (row == null || !owner.equals(row.getUuid("owner"))) {
                throw new IllegalStateException("Cassandra migration V" + migration.version()
                        + " ran, but its claim lapsed before it could be recorded; run migrate again");
            }
            pause();
        }
    }

    /** Jittered, so racing migrators fall out of step. */
    private static void pause() {
        sleep(Duration.ofMillis(200 + ThreadLocalRandom.current().nextInt(400)));
    }

    private void ddl(String cql) {
        session.execute(SimpleStatement.newInstance(cql)
                .setTimeout(DDL_TIMEOUT)
                .setConsistencyLevel(DefaultConsistencyLevel.QUORUM));
        // also after a no-op: "IF NOT EXISTS" answers from a coordinator that may already know a
        // table another migrator just created while other nodes do not yet; the driver only waits
        // for agreement after changes it made itself
        awaitSchemaAgreement();
    }

    private void awaitSchemaAgreement() {
        Instant deadline = Instant.now().plus(SCHEMA_SETTLE);
        while (!session.checkSchemaAgreement() || !everyConnectedNodeHasTheSameSchema()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cassandra nodes did not agree on the schema within " + SCHEMA_SETTLE);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /**
     * The driver's agreement check reads the other nodes' schema versions from one node's gossip
     * view, which can lag: right after a no-op {@code IF NOT EXISTS} on a coordinator that already
     * had another migrator's table, it may say "agreed" while a node still lacks the table. Each
     * node's own {@code system.local} cannot lag.
     */
    private boolean everyConnectedNodeHasTheSameSchema() {
        Set<UUID> versions = new HashSet<>();
        for (Node node : session.getMetadata().getNodes().values()) {
            if (node.getState() != NodeState.UP || node.getOpenConnections() == 0) {
                continue; // a node that is down pulls the schema when it returns
            }
            Row row = session.execute(SimpleStatement.newInstance("SELECT schema_version FROM system.local")
                    .setNode(node).setTimeout(DDL_TIMEOUT).setConsistencyLevel(DefaultConsistencyLevel.ONE)).one();
            if (row != null) {
                versions.add(row.getUuid(0));
            }
        }
        return versions.size() <= 1;
    }

    private void warnOnOtherReplication() {
        Row row = session.execute(statement("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one();
        if (row == null) {
            return;
        }
        Map<String, String> actual = row.getMap("replication", String.class, String.class);
        if (actual != null && !sameReplication(actual)) {
            // changing replication needs a repair afterwards: an operator's decision, not ours
            LOG.warn("Cassandra keyspace {} exists with replication {}, not the configured {}; left as it is",
                    keyspace, actual, replication);
        }
    }

    private boolean sameReplication(Map<String, String> actual) {
        String cls = actual.getOrDefault("class", "");
        if (replication instanceof Replication.Simple simple) {
            return cls.endsWith("SimpleStrategy") && String.valueOf(simple.factor()).equals(actual.get("replication_factor"));
        }
        Replication.NetworkTopology nts = (Replication.NetworkTopology) replication;
        if (!cls.endsWith("NetworkTopologyStrategy") || actual.size() - 1 != nts.factors().size()) {
            return false;
        }
        return nts.factors().entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(actual.get(e.getKey())));
    }

    /** A seed table with other column types would fail later in confusing ways; say it now. */
    private void checkPostsTable() {
        Map<String, String> expected = Map.of("username", "text", "creation", "timeuuid", "content", "text");
        List<String> problems = new ArrayList<>();
        Map<String, String> actual = new HashMap<>();
        for (Row row : session.execute(statement("SELECT column_name, type FROM system_schema.columns "
                + "WHERE keyspace_name = ? AND table_name = 'posts'", keyspace))) {
            actual.put(row.getString("column_name"), row.getString("type"));
        }
        expected.forEach((column, type) -> {
            if (!type.equals(actual.get(column))) {
                problems.add(column + " is " + actual.getOrDefault(column, "missing") + ", expected " + type);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cassandra table " + keyspace + ".posts does not match: " + String.join("; ", problems));
        }
    }

    private static SimpleStatement statement(String cql, Object... values) {
        return SimpleStatement.newInstance(cql, values)
                .setTimeout(DDL_TIMEOUT)
                .setConsistencyLevel(DefaultConsistencyLevel.QUORUM)
                .setSerialConsistencyLevel(DefaultConsistencyLevel.SERIAL);
    }

    private static String resource(String name) {
        try (InputStream in = CassandraMigrator.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating", e);
        }
    }
}
