package dev.postbox.adapter.cassandra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationScriptsTest {

    @Test
    void bundledScriptsAreVersionedAndEveryStatementIsIdempotent() {
        List<CassandraMigrator.Migration> migrations = CassandraMigrator.bundled();
        assertThat(migrations).extracting(CassandraMigrator.Migration::version).containsExactly(1);
        for (CassandraMigrator.Migration m : migrations) {
            assertThat(m.checksum()).isEqualTo(CassandraMigrator.sha256(m.script())).hasSize(64);
            for (String cql : m.statements("posts_db")) {
                assertThat(cql).containsPattern("(?i)^(CREATE|ALTER) .*IF (NOT )?EXISTS");
                assertThat(cql).doesNotContain("${");
            }
        }
    }

    @Test
    void theFirstMigrationCreatesTheSeedTableNewestFirst() {
        List<String> statements = CassandraMigrator.bundled().get(0).statements("ks1");
        assertThat(statements).containsExactly("""
                CREATE TABLE IF NOT EXISTS ks1.posts (
                    username text,
                    creation timeuuid,
                    content text,
                    PRIMARY KEY (username, creation)
                ) WITH CLUSTERING ORDER BY (creation DESC)""");
    }

    @Test
    void commentsAndBlankStatementsAreDropped() {
        CassandraMigrator.Migration m = new CassandraMigrator.Migration(9, "x",
                "-- a comment; with a semicolon\nCREATE TABLE IF NOT EXISTS ${keyspace}.a (k int PRIMARY KEY);\n\n;\n"
                        + "  -- another\nCREATE INDEX IF NOT EXISTS ON ${keyspace}.a (k);", "c");
        assertThat(m.statements("ks")).containsExactly(
                "CREATE TABLE IF NOT EXISTS ks.a (k int PRIMARY KEY)",
                "CREATE INDEX IF NOT EXISTS ON ks.a (k)");
    }

    @Test
    void theBookkeepingTableIdIsFixedPerKeyspace() {
        assertThat(CassandraMigrator.bookkeepingTableId("posts_db")).isEqualTo(CassandraMigrator.bookkeepingTableId("posts_db"));
        assertThat(CassandraMigrator.bookkeepingTableId("posts_db")).isNotEqualTo(CassandraMigrator.bookkeepingTableId("other"));
    }
}
