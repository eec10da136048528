package dev.postbox.adapter.mysql;

import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.LoginAttempts;
import dev.postbox.ports.out.SessionRepository;
import dev.postbox.ports.out.UnitOfWork;
import dev.postbox.ports.out.UserRepository;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Users and sessions on MySQL/MariaDB: the one object the launcher builds. Two HikariCP pools
 * (primary for writes, replica for reads; one pool when both URLs are equal), jOOQ, Flyway.
 * Nothing connects in the constructor: pools fill in the background, and calls made while a
 * server is down fail with {@link dev.postbox.domain.StoreUnavailableException} within the
 * connect timeout, then work again once it is back.
 */
public final class MySqlStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlStorage.class);
    static final String MIGRATIONS = "classpath:db/migration/mysql";

    /**
     * Statements run per pool since start, and how the replica fared.
     *
     * @param replicaFallbacks reads served by the primary because the replica failed or was marked down
     * @param replicaMissRetries point look-ups that missed on the replica and were asked again on the primary
     */
    public record Stats(long primaryStatements, long replicaStatements, long replicaFallbacks,
                        long replicaMissRetries, boolean replicaDown) {
    }

    private final MySqlConfig config;
    private final Pool primary;
    private final Pool replica;
    private final ReadWriteRouter router;
    private final MySqlUserRepository users;
    private final MySqlSessionRepository sessions;
    private final MySqlLoginAttempts loginAttempts;
    private final ExecutorService healthExecutor;
    private final List<HealthCheck> healthChecks;

    /** Same as {@code new MySqlStorage(config, null)}: no Micrometer metrics. */
    public MySqlStorage(MySqlConfig config) {
        this(config, null);
    }

    /**
     * @param registry when not null, HikariCP pool metrics and {@code postbox.mysql.*} counters
     *                 are registered there
     */
    public MySqlStorage(MySqlConfig config, MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.primary = new Pool("primary", config.primaryUrl(), config, config.primaryPoolSize(), false, registry);
        this.replica = config.hasSeparateReplica()
                ? new Pool("replica", config.replicaUrl(), config, config.replicaPoolSize(), true, registry)
                : primary;
        this.router = new ReadWriteRouter(primary, replica, config.replicaRetryInterval());
        this.users = new MySqlUserRepository(router);
        this.sessions = new MySqlSessionRepository(router);
        this.loginAttempts = new MySqlLoginAttempts(router);
        this.healthExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mysql-health");
            thread.setDaemon(true);
            return thread;
        });
        List<HealthCheck> checks = new ArrayList<>();
        checks.add(new MySqlHealthCheck("mysql-primary", primary, healthExecutor, router, false));
        if (replica != primary) {
            checks.add(new MySqlHealthCheck("mysql-replica", replica, healthExecutor, router, true));
        }
        this.healthChecks = List.copyOf(checks);
        if (registry != null) {
            registerMeters(registry);
        }
        LOG.info("MySQL storage: {}", config);
    }

    private void registerMeters(MeterRegistry registry) {
        FunctionCounter.builder("postbox.mysql.statements", primary, Pool::statements).tag("pool", "primary")
                .description("statements run on the pool").register(registry);
        if (replica != primary) {
            FunctionCounter.builder("postbox.mysql.statements", replica, Pool::statements).tag("pool", "replica")
                    .description("statements run on the pool").register(registry);
        }
        FunctionCounter.builder("postbox.mysql.replica.fallbacks", router, ReadWriteRouter::fallbacks)
                .description("reads served by the primary because the replica failed").register(registry);
        FunctionCounter.builder("postbox.mysql.replica.miss.retries", router, ReadWriteRouter::missRetries)
                .description("look-ups that missed on the replica and were retried on the primary").register(registry);
        Gauge.builder("postbox.mysql.replica.down", router, r -> r.replicaDown() ? 1 : 0)
                .description("1 while reads bypass a failed replica").register(registry);
    }

    public UserRepository users() {
        return users;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    /** Failed logins, counted on the primary, shared by every instance using this database. */
    public LoginAttempts loginAttempts() {
        return loginAttempts;
    }

    /** Scopes one use case so that its reads after a write go to the primary. */
    public UnitOfWork unitOfWork() {
        return router;
    }

    /** {@code mysql-primary}, and {@code mysql-replica} when the replica is a server of its own. */
    public List<HealthCheck> healthChecks() {
        return healthChecks;
    }

    /**
     * Applies the Flyway migrations to the primary. Safe to run again (nothing to do) and from
     * several processes at once: Flyway holds a named lock on the server while it migrates.
     *
     * @return how many migrations this call applied
     */
    public int migrate() {
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(primary.dataSource())
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            LOG.info("MySQL schema at version {} ({} migrations applied now)", result.targetSchemaVersion,
                    result.migrationsExecuted);
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            if (e instanceof org.flywaydb.core.api.FlywayException && StoreErrors.isStoreFailure(e)) {
                throw StoreErrors.unavailable(e);
            }
            throw e;
        }
    }

    /** Deletes sessions expired at or before {@code now}, {@code batchSize} at a time. @return how many */
    public long purgeExpiredSessions(Instant now, int batchSize) {
        long total = 0;
        int deleted;
        do {
            deleted = sessions.purgeExpired(now, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    public Stats stats() {
        return new Stats(primary.statements(), replica == primary ? 0 : replica.statements(),
                router.fallbacks(), router.missRetries(), router.replicaDown());
    }

    public MySqlConfig config() {
        return config;
    }

    @Override
    public void close() {
        router.close();
        healthExecutor.shutdownNow();
        if (replica != primary) {
            replica.close();
        }
        primary.close();
    }
}
