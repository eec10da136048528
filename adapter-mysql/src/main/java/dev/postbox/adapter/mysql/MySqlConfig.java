package dev.postbox.adapter.mysql;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the MySQL/MariaDB primary (all writes) and replica (reads). When both URLs are
 * the same, one pool serves everything.
 *
 * @param primaryUrl         Connector/J URL of the primary, e.g. {@code jdbc:mysql://127.0.0.1:3306/postbox}
 * @param replicaUrl         URL of the replica (or of a proxy in front of several)
 * @param user               database user
 * @param password           its password, may be empty; never printed
 * @param primaryPoolSize    connections to the primary (HikariCP advises about 2 x cores)
 * @param replicaPoolSize    connections to the replica
 * @param connectTimeout     how long to wait for a connection before giving up (the fail-fast bound)
 * @param queryTimeout       how long one statement may wait for the server's answer (socket timeout)
 * @param replicaRetryInterval after the replica failed, how often it is probed again while reads use the primary
 */
public record MySqlConfig(String primaryUrl, String replicaUrl, String user, String password,
                          int primaryPoolSize, int replicaPoolSize, Duration connectTimeout,
                          Duration queryTimeout, Duration replicaRetryInterval) {
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REPLICA_RETRY_INTERVAL = Duration.ofSeconds(5);

    public MySqlConfig {
        requireUrl(primaryUrl, "primaryUrl");
        replicaUrl = replicaUrl == null || replicaUrl.isBlank() ? primaryUrl : replicaUrl;
        requireUrl(replicaUrl, "replicaUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (primaryPoolSize < 1 || replicaPoolSize < 1) {
            throw new IllegalArgumentException("pool sizes must be at least 1");
        }
        // HikariCP refuses connection timeouts under 250 ms
        requireAtLeast(connectTimeout, Duration.ofMillis(250), "connectTimeout");
        requireAtLeast(queryTimeout, Duration.ofMillis(250), "queryTimeout");
        requireAtLeast(replicaRetryInterval, Duration.ofMillis(100), "replicaRetryInterval");
    }

    /** The defaults: pools of 4, 2 s to connect, 10 s per statement, replica re-probed every 5 s. */
    public static MySqlConfig of(String primaryUrl, String replicaUrl, String user, String password) {
        return new MySqlConfig(primaryUrl, replicaUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_POOL_SIZE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_QUERY_TIMEOUT, DEFAULT_REPLICA_RETRY_INTERVAL);
    }

    public MySqlConfig withUrls(String primary, String replica) {
        return new MySqlConfig(primary, replica, user, password, primaryPoolSize, replicaPoolSize, connectTimeout,
                queryTimeout, replicaRetryInterval);
    }

    public MySqlConfig withPoolSizes(int primary, int replica) {
        return new MySqlConfig(primaryUrl, replicaUrl, user, password, primary, replica, connectTimeout,
                queryTimeout, replicaRetryInterval);
    }

    public MySqlConfig withConnectTimeout(Duration value) {
        return new MySqlConfig(primaryUrl, replicaUrl, user, password, primaryPoolSize, replicaPoolSize, value,
                queryTimeout, replicaRetryInterval);
    }

    public MySqlConfig withQueryTimeout(Duration value) {
        return new MySqlConfig(primaryUrl, replicaUrl, user, password, primaryPoolSize, replicaPoolSize,
                connectTimeout, value, replicaRetryInterval);
    }

    public MySqlConfig withReplicaRetryInterval(Duration value) {
        return new MySqlConfig(primaryUrl, replicaUrl, user, password, primaryPoolSize, replicaPoolSize,
                connectTimeout, queryTimeout, value);
    }

    /** True when reads have a server of their own. */
    public boolean hasSeparateReplica() {
        return !replicaUrl.equals(primaryUrl);
    }

    /** Connector/J URLs may carry credentials as properties; logs get the address only. */
    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static void requireUrl(String url, String name) {
        if (url == null || !(url.startsWith("jdbc:mysql://") || url.startsWith("jdbc:mysql:loadbalance://")
                || url.startsWith("jdbc:mysql:replication://"))) {
            throw new IllegalArgumentException(name + " must be a jdbc:mysql:// URL");
        }
    }

    private static void requireAtLeast(Duration value, Duration min, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + min.toMillis() + " ms");
        }
    }

    /** Leaves the password out, so the config can be logged. */
    @Override
    public String toString() {
        return "MySqlConfig[primary " + withoutQuery(primaryUrl) + ", replica " + withoutQuery(replicaUrl) + ", user " + user
                + ", pools " + primaryPoolSize + "/" + replicaPoolSize + ", connect timeout " + connectTimeout
                + ", query timeout " + queryTimeout + "]";
    }
}
