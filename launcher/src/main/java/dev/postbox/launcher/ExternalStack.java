package dev.postbox.launcher;

import dev.postbox.adapter.cassandra.CassandraMigrator;
import dev.postbox.adapter.cassandra.CassandraStorage;
import dev.postbox.adapter.mysql.MySqlConfig;
import dev.postbox.adapter.mysql.MySqlStorage;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.PostRepository;
import dev.postbox.ports.service.Postbox;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Users and sessions on MySQL/MariaDB (primary + replica pools), posts on Cassandra. */
final class ExternalStack implements Stack {
    private final MySqlStorage mysql;
    private final CassandraStorage cassandra;
    private final Settings settings;
    private Postbox.Storage storage;

    private ExternalStack(Settings settings, MySqlStorage mysql, CassandraStorage cassandra) {
        this.settings = settings;
        this.mysql = mysql;
        this.cassandra = cassandra;
    }

    /** Connects to both stores, waiting for each (with backoff) up to the configured start-up wait. */
    static ExternalStack open(Settings settings, MeterRegistry registry, Progress progress) {
        Instant deadline = Instant.now().plus(settings.startupWait());
        MySqlStorage mysql = new MySqlStorage(settings.db(), registry);
        try {
            awaitPrimary(mysql, deadline, progress, settings.db().primaryUrl(), settings.startupWait());
            progress.step("MySQL primary answers; connecting to Cassandra at " + settings.cassandra().contactPointsText());
            Duration left = Duration.between(Instant.now(), deadline);
            CassandraStorage cassandra = CassandraStorage.open(settings.cassandra(), registry,
                    left.isNegative() ? Duration.ZERO : left);
            return new ExternalStack(settings, mysql, cassandra);
        } catch (RuntimeException e) {
            mysql.close();
            throw e;
        }
    }

    /** Polls the primary with doubling pauses (at most 5 s) until it answers or the start-up wait is over. */
    private static void awaitPrimary(MySqlStorage mysql, Instant deadline, Progress progress, String url, Duration wait) {
        HealthCheck primary = mysql.healthChecks().get(0);
        String address = MySqlConfig.shown(url);
        Duration delay = Duration.ofMillis(200);
        progress.step("connecting to the MySQL primary at " + address);
        while (true) {
            HealthCheck.Status status = primary.check();
            if (status.up()) {
                return;
            }
            if (Instant.now().plus(delay).isAfter(deadline)) {
                throw new StoreUnavailableException("mysql", new IllegalStateException("the MySQL primary at " + address
                        + " did not answer within POSTBOX_STARTUP_WAIT (" + wait.toSeconds() + " s): " + status.detail()));
            }
            progress.step("waiting for the MySQL primary at " + address + " (" + status.detail() + "); next try in "
                    + delay.toMillis() + " ms, giving up " + wait.toSeconds() + " s after start");
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : delay.multipliedBy(2);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stores", e);
        }
    }

    /** Built on first use, after {@link #migrate()} when a command migrates: the posts table must exist by then. */
    @Override
    public synchronized Postbox.Storage storage() {
        if (storage == null) {
            PostRepository posts;
            try {
                posts = cassandra.posts();
            } catch (IllegalStateException e) {
                throw new UsageException(e.getMessage() + " (postbox migrate)");
            }
            storage = new Postbox.Storage(mysql.users(), mysql.sessions(), posts, mysql.unitOfWork(),
                    mysql.loginAttempts());
        }
        return storage;
    }

    @Override
    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>(mysql.healthChecks());
        checks.add(cassandra.healthCheck());
        return checks;
    }

    @Override
    public String migrate() {
        int mysqlApplied = mysql.migrate();
        CassandraMigrator.Result cql = cassandra.migrate();
        return "MySQL " + mysqlApplied + " applied; Cassandra " + cql.applied().size() + " applied, "
                + cql.alreadyApplied().size() + " already there";
    }

    @Override
    public int clearSessions(Instant now) {
        return (int) Math.min(Integer.MAX_VALUE, mysql.purgeExpiredSessions(now, 1000));
    }

    @Override
    public String describe() {
        MySqlConfig db = settings.db();
        String replica = db.hasSeparateReplica() ? ", replica " + MySqlConfig.shown(db.replicaUrl()) : "";
        return "MySQL " + MySqlConfig.shown(db.primaryUrl()) + replica + "; Cassandra " + settings.cassandra().contactPointsText()
                + " keyspace " + settings.cassandra().keyspace();
    }

    @Override
    public void close() {
        try {
            cassandra.close();
        } finally {
            mysql.close();
        }
    }
}
