package dev.postbox.adapter.mysql;

import dev.postbox.localstores.mariadb.LocalMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway on a fresh database: concurrent runs apply each migration once, a second run does nothing. */
@ExtendWith(MariaDbPair.Extension.class)
class MigrationIT {
    private final MariaDbPair db;

    MigrationIT(MariaDbPair db) {
        this.db = db;
    }

    @Test
    void twoConcurrentMigrationsApplyTheSchemaOnceAndAThirdDoesNothing() throws Exception {
        LocalMariaDb primary = db.servers().primary();
        String database = Accounts.uniqueName("mig_");
        primary.createDatabase(database, MariaDbPair.USER, db.password());
        String url = primary.jdbcUrl(database);
        MySqlConfig config = db.primaryOnlyConfig().withUrls(url, url);
        try (MySqlStorage first = new MySqlStorage(config); MySqlStorage second = new MySqlStorage(config)) {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThen(go, first::migrate));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThen(go, second::migrate));
            go.countDown();

            // Flyway locks per migration, so the two runs may share the work: together, each one once
            assertThat(a.get() + b.get()).isEqualTo(3);
            assertThat(first.migrate()).isZero();
            assertThat(primary.query("SELECT version, success FROM " + database + ".flyway_schema_history"
                    + " WHERE version IS NOT NULL ORDER BY installed_rank").strip()).isEqualTo("1\t1\n2\t1\n3\t1");
            assertThat(primary.query("SELECT table_name, engine, table_collation FROM information_schema.tables"
                    + " WHERE table_schema = '" + database + "' AND table_name IN ('auth_user', 'postbox_session')"
                    + " ORDER BY table_name").strip())
                    .isEqualTo("auth_user\tInnoDB\tutf8mb4_bin\npostbox_session\tInnoDB\tutf8mb4_bin");
            assertThat(primary.query("SELECT index_name, non_unique, column_name FROM information_schema.statistics"
                    + " WHERE table_schema = '" + database + "' AND table_name = 'auth_user'"
                    + " AND column_name = 'username_canonical'").strip())
                    .isEqualTo("auth_user_username_canonical_uq\t0\tusername_canonical");
            assertThat(primary.query("SELECT DISTINCT index_name FROM information_schema.statistics"
                    + " WHERE table_schema = '" + database + "' AND table_name = 'postbox_session'").strip().split("\n"))
                    .containsExactlyInAnyOrder("PRIMARY", "postbox_session_expires_idx", "postbox_session_user_idx");
            assertThat(primary.query("SELECT DISTINCT index_name FROM information_schema.statistics"
                    + " WHERE table_schema = '" + database + "' AND table_name = 'postbox_login_failure'").strip().split("\n"))
                    .containsExactlyInAnyOrder("PRIMARY", "postbox_login_failure_key_idx", "postbox_login_failure_time_idx");
        } finally {
            primary.execute("DROP DATABASE `" + database + "`;");
        }
    }

    private static int awaitThen(CountDownLatch go, java.util.function.IntSupplier work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.getAsInt();
    }
}
