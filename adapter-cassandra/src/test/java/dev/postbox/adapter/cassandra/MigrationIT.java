package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SingleNodeCassandra.class)
class MigrationIT {
    private static LocalCassandraNode node;
    private static CqlSession session;

    @BeforeAll
    static void connect(LocalCassandraNode shared, CassandraStorage storage) {
        node = shared;
        session = storage.session();
    }

    private static CassandraConfig config(String keyspace) {
        return CassandraConfig.of(node.nativeAddress()).withKeyspace(keyspace);
    }

    private static List<String> rows(String cql, Object... values) {
        List<String> result = new ArrayList<>();
        for (Row row : session.execute(SimpleStatement.newInstance(cql, values))) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.getColumnDefinitions().size(); i++) {
                line.append(row.getObject(i)).append('|');
            }
            result.add(line.toString());
        }
        return result;
    }

    private static List<String> schemaOf(String keyspace) {
        List<String> schema = new ArrayList<>(rows("SELECT table_name, id FROM system_schema.tables WHERE keyspace_name = ?", keyspace));
        schema.addAll(rows("SELECT table_name, column_name, type, clustering_order FROM system_schema.columns WHERE keyspace_name = ?", keyspace));
        schema.addAll(rows("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace));
        schema.addAll(rows("SELECT version, description, checksum, state, owner, applied_at FROM " + keyspace + ".schema_migrations"));
        return schema;
    }

    @Test
    void migrateTwiceChangesNothing() {
        String keyspace = TestNodes.keyspace("twice");
        try (CassandraStorage storage = CassandraStorage.open(config(keyspace))) {
            CassandraMigrator.Result first = storage.migrate();
            List<String> after = schemaOf(keyspace);
            CassandraMigrator.Result second = storage.migrate();

            assertThat(first.applied()).containsExactly(1);
            assertThat(second.applied()).isEmpty();
            assertThat(second.alreadyApplied()).containsExactly(1);
            assertThat(schemaOf(keyspace)).isEqualTo(after);
            assertThat(rows("SELECT state FROM " + keyspace + ".schema_migrations")).containsExactly("applied|");
            assertThat(rows("SELECT column_name, clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = 'posts'", keyspace))
                    .contains("creation|desc|");
        }
    }

    @Test
    void replicationComesFromTheConfiguration() {
        String keyspace = TestNodes.keyspace("nts");
        try (CassandraStorage storage = CassandraStorage.open(config(keyspace)
                .withReplication(Replication.parse("NetworkTopologyStrategy:datacenter1=1")))) {
            storage.migrate();
        }
        Row row = session.execute(SimpleStatement.newInstance(
                "SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one();
        assertThat(row.getMap(0, String.class, String.class)).isEqualTo(Map.of(
                "class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "datacenter1", "1"));
    }

    @Test
    void anAscendingSeedTableIsUsedAsItIs() {
        String keyspace = TestNodes.keyspace("seed");
        session.execute("CREATE KEYSPACE " + keyspace + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE " + keyspace + ".posts (username text, creation timeuuid, content text, "
                + "PRIMARY KEY (username, creation))");
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        List<PostId> seeded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PostId id = ids.next();
            seeded.add(id);
            // written the way the Django app did, outside our repository
            session.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".posts (username, creation, content) VALUES (?, ?, ?)",
                    "seeduser", id.value(), "seed post " + i));
        }
        List<String> tableBefore = rows("SELECT id FROM system_schema.tables WHERE keyspace_name = ? AND table_name = 'posts'", keyspace);

        try (CassandraStorage storage = CassandraStorage.open(config(keyspace))) {
            assertThat(storage.migrate().applied()).containsExactly(1);
            PostRepository posts = storage.posts();
            Username seedUser = new Username("seeduser");
            Post added = new Post(seedUser, ids.next(), new PostContent("written by Postbox"));
            posts.insert(added);

            List<Post> first = posts.listByAuthor(seedUser, Optional.empty(), new PageRequest(3)).posts();
            List<Post> rest = posts.listByAuthor(seedUser, Optional.of(first.get(2).id()), PageRequest.MAX).posts();

            assertThat(first).extracting(Post::id).containsExactly(added.id(), seeded.get(4), seeded.get(3));
            assertThat(rest).extracting(Post::id).containsExactly(seeded.get(2), seeded.get(1), seeded.get(0));
            assertThat(rest.get(2).content().value()).isEqualTo("seed post 0");
        }
        assertThat(rows("SELECT id FROM system_schema.tables WHERE keyspace_name = ? AND table_name = 'posts'", keyspace))
                .isEqualTo(tableBefore);
        assertThat(rows("SELECT clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = 'posts' AND column_name = 'creation'", keyspace))
                .containsExactly("asc|");
    }

    @Test
    void concurrentMigratorsApplyEachVersionOnce() throws Exception {
        String keyspace = TestNodes.keyspace("race");
        int racers = 3;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<CassandraStorage> storages = new ArrayList<>();
        try {
            List<Future<CassandraMigrator.Result>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                // separate sessions stand for separate processes: nothing is shared client-side
                CassandraStorage storage = CassandraStorage.open(config(keyspace));
                storages.add(storage);
                results.add(pool.submit((Callable<CassandraMigrator.Result>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return storage.migrate();
                }));
            }
            List<Integer> applied = new ArrayList<>();
            List<Integer> skipped = new ArrayList<>();
            for (Future<CassandraMigrator.Result> result : results) {
                CassandraMigrator.Result r = result.get(3, TimeUnit.MINUTES);
                applied.addAll(r.applied());
                skipped.addAll(r.alreadyApplied());
            }
            assertThat(applied).containsExactly(1);
            assertThat(skipped).containsExactly(1, 1);
            assertThat(session.checkSchemaAgreement()).isTrue();
            assertThat(rows("SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", keyspace))
                    .containsExactlyInAnyOrder("posts|", "schema_migrations|");
        } finally {
            pool.shutdownNow();
            storages.forEach(CassandraStorage::close);
        }
    }

    @Test
    void aMigrationChangedAfterItRanIsRefused() {
        String keyspace = TestNodes.keyspace("edited");
        try (CassandraStorage storage = CassandraStorage.open(config(keyspace))) {
            storage.migrate();
            session.execute("UPDATE " + keyspace + ".schema_migrations SET checksum = 'abc' WHERE version = 1");
            assertThatThrownBy(storage::migrate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("V1 (create posts) was changed after it was applied");
        }
    }

    @Test
    void aSeedTableOfOtherTypesIsReported() {
        String keyspace = TestNodes.keyspace("wrong");
        session.execute("CREATE KEYSPACE " + keyspace + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE " + keyspace + ".posts (username text, creation timestamp, content text, "
                + "PRIMARY KEY (username, creation))");
        try (CassandraStorage storage = CassandraStorage.open(config(keyspace))) {
            assertThatThrownBy(storage::migrate)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Cassandra table " + keyspace + ".posts does not match: creation is timestamp, expected timeuuid");
        }
    }

    @Test
    void theRepositorySaysToMigrateWhenTheTableIsMissing() {
        try (CassandraStorage storage = CassandraStorage.open(config(TestNodes.keyspace("empty")).withRequestTimeout(Duration.ofSeconds(5)))) {
            assertThatThrownBy(storage::posts).isInstanceOf(IllegalStateException.class).hasMessageContaining("run migrate first");
        }
    }
}
