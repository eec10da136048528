package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.PostRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one object the launcher needs: one {@link CqlSession} per application, the posts
 * repository, the readiness check and the {@code migrate} step.
 *
 * <pre>{@code
 * try (CassandraStorage cassandra = CassandraStorage.open(config, meterRegistry, Duration.ofSeconds(60))) {
 *     cassandra.migrate();                 // postbox migrate / the embedded run
 *     PostRepository posts = cassandra.posts();
 *     HealthCheck ready = cassandra.healthCheck();
 * }
 * }</pre>
 */
public final class CassandraStorage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraStorage.class);

    /** Driver meters are named {@code cassandra.session.*} and {@code cassandra.nodes.*}, tagged by session/node. */
    public static final String METRICS_PREFIX = "cassandra";

    private static final List<String> SESSION_METRICS = List.of(
            "connected-nodes", "cql-requests", "cql-client-timeouts", "bytes-sent", "bytes-received", "throttling.errors");
    private static final List<String> NODE_METRICS = List.of(
            "pool.open-connections", "pool.in-flight", "errors.request.unavailables", "errors.request.read-timeouts",
            "errors.request.write-timeouts", "errors.request.aborted", "errors.request.others", "errors.connection.init",
            "retries.total", "speculative-executions");

    private final CassandraConfig config;
    private final CqlSession session;
    private volatile CassandraPostRepository posts;

    private CassandraStorage(CassandraConfig config, CqlSession session) {
        this.config = config;
        this.session = session;
    }

    /** Connects once; fails with {@link StoreUnavailableException} when no node answers. */
    public static CassandraStorage open(CassandraConfig config) {
        return open(config, null, Duration.ZERO);
    }

    /** @param meterRegistry where the driver's meters go, or {@code null} for none */
    public static CassandraStorage open(CassandraConfig config, MeterRegistry meterRegistry) {
        return open(config, meterRegistry, Duration.ZERO);
    }

    /**
     * Connects, retrying with a backoff (250 ms doubling to 5 s) until {@code wait} has passed,
     * for starts where Cassandra comes up alongside the app. Bad credentials fail at once.
     *
     * @param meterRegistry where the driver's meters go, or {@code null} for none
     * @throws StoreUnavailableException when no node answered in time
     */
    public static CassandraStorage open(CassandraConfig config, MeterRegistry meterRegistry, Duration wait) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(wait, "wait");
        Instant deadline = Instant.now().plus(wait);
        Duration delay = Duration.ofMillis(250);
        while (true) {
            try {
                return new CassandraStorage(config, connect(config, meterRegistry));
            } catch (AuthenticationException e) {
                throw new StoreUnavailableException(CassandraPostRepository.STORE, e);
            } catch (DriverException e) {
                if (isAuthenticationFailure(e) || Instant.now().plus(delay).isAfter(deadline)) {
                    throw new StoreUnavailableException(CassandraPostRepository.STORE, e);
                }
                LOG.info("Cassandra at {} not reachable yet ({}); retrying in {} ms",
                        config.contactPoints(), e.getClass().getSimpleName(), delay.toMillis());
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : delay.multipliedBy(2);
            }
        }
    }

    private static boolean isAuthenticationFailure(DriverException e) {
        return e instanceof AllNodesFailedException all && all.getAllErrors().values().stream()
                .flatMap(List::stream).anyMatch(AuthenticationException.class::isInstance);
    }

    private static CqlSession connect(CassandraConfig config, MeterRegistry meterRegistry) {
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoints(config.contactPoints())
                .withLocalDatacenter(config.localDatacenter())
                .withConfigLoader(driverConfig(config, meterRegistry != null));
        config.credentials().ifPresent(c -> builder.withAuthCredentials(c.username(), c.password()));
        if (meterRegistry != null) {
            builder.withMetricRegistry(meterRegistry);
        }
        return builder.build();
    }

    /**
     * The whole driver configuration, built in code so embedders need no application.conf (the
     * driver's reference.conf still supplies every other default).
     */
    static DriverConfigLoader driverConfig(CassandraConfig config, boolean metrics) {
        Duration timeout = config.requestTimeout();
        ProgrammaticDriverConfigLoaderBuilder b = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.SESSION_NAME, "postbox")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, timeout)
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, config.consistency().name())
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, false)
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, atLeast(timeout, Duration.ofSeconds(2)))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, atLeast(timeout, Duration.ofSeconds(2)))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, atLeast(timeout, Duration.ofSeconds(2)))
                // a node that comes back is found within seconds, not the default minute
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(10))
                .withDuration(DefaultDriverOption.HEARTBEAT_INTERVAL, Duration.ofSeconds(10))
                // an idempotent request stuck on a dying coordinator is tried on another one
                .withString(DefaultDriverOption.SPECULATIVE_EXECUTION_POLICY_CLASS, "ConstantSpeculativeExecutionPolicy")
                .withInt(DefaultDriverOption.SPECULATIVE_EXECUTION_MAX, 2)
                .withDuration(DefaultDriverOption.SPECULATIVE_EXECUTION_DELAY, speculativeDelay(timeout))
                // schema metadata only for our keyspace: faster start, and all the health check needs
                .withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(config.keyspace()))
                .withString(DefaultDriverOption.METRICS_ID_GENERATOR_PREFIX, METRICS_PREFIX);
        if (metrics) {
            b.withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "MicrometerMetricsFactory")
                    .withString(DefaultDriverOption.METRICS_ID_GENERATOR_CLASS, "TaggingMetricIdGenerator")
                    .withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, SESSION_METRICS)
                    .withStringList(DefaultDriverOption.METRICS_NODE_ENABLED, NODE_METRICS);
        } else {
            b.withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "NoopMetricsFactory");
        }
        return b.build();
    }

    private static Duration speculativeDelay(Duration requestTimeout) {
        Duration quarter = requestTimeout.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(500)) > 0 ? Duration.ofMillis(500) : quarter;
    }

    private static Duration atLeast(Duration value, Duration floor) {
        return value.compareTo(floor) < 0 ? floor : value;
    }

    /** Creates the keyspace (configured replication) and applies pending CQL migrations. */
    public CassandraMigrator.Result migrate() {
        return new CassandraMigrator(session, config.keyspace(), config.replication()).migrate();
    }

    /**
     * The posts repository (one per storage; statements prepared on first call).
     *
     * @throws IllegalStateException when the table does not exist yet (run {@link #migrate()})
     */
    public PostRepository posts() {
        CassandraPostRepository result = posts;
        if (result == null) {
            synchronized (this) {
                if (posts == null) {
                    posts = new CassandraPostRepository(session, config.keyspace(), config.consistency(), config.requestTimeout());
                }
                result = posts;
            }
        }
        return result;
    }

    /** Readiness ({@code cassandra}): a quorum of replicas reachable for the keyspace. */
    public HealthCheck healthCheck() {
        return new CassandraHealthCheck(session, config.keyspace(), config.localDatacenter(), config.consistency());
    }

    public CassandraConfig config() {
        return config;
    }

    /** The underlying session, for tools and tests; the app should not need it. */
    public CqlSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Cassandra", e);
        }
    }
}
