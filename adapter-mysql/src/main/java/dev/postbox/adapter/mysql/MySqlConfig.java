package dev.postbox.adapter.mysql;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the MySQL/MariaDB primary (all writes) and replica (reads). When both URLs are
 * the same, one pool serves everything. Each setting's rule is one public method here
 * ({@link #parseUrl}, {@link #requirePoolSize}, {@link #requireConnectTimeout}), used by the
 * constructor and by whoever reads the settings from outside (the launcher), so a value is refused
 * in the same words before anything connects.
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
    /** Far above what one instance needs; instances x pools must stay under the server's max_connections. */
    public static final int MAX_POOL_SIZE = 200;
    /** HikariCP refuses connection timeouts under 250 ms. */
    public static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);
    private static final List<String> URL_PREFIXES = List.of("jdbc:mysql://", "jdbc:mysql:loadbalance://", "jdbc:mysql:replication://");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REPLICA_RETRY_INTERVAL = Duration.ofSeconds(5);

    public MySqlConfig {
        parseUrl(primaryUrl);
        replicaUrl = replicaUrl == null || replicaUrl.isBlank() ? primaryUrl : replicaUrl;
        parseUrl(replicaUrl);
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        requirePoolSize(primaryPoolSize);
        requirePoolSize(replicaPoolSize);
        requireConnectTimeout(connectTimeout);
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

    public MySqlConfig withCredentials(String newUser, String newPassword) {
        return new MySqlConfig(primaryUrl, replicaUrl, newUser, newPassword, primaryPoolSize, replicaPoolSize, connectTimeout,
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

    /**
     * A Connector/J URL: {@code jdbc:mysql://host[:port][,host[:port]...]/database[?properties]}
     * ({@code jdbc:mysql:loadbalance://} and {@code jdbc:mysql:replication://} too). Without a
     * host the driver would quietly use localhost, without a database every query would fail.
     */
    public static String parseUrl(String url) {
        String prefix = url == null ? null : URL_PREFIXES.stream().filter(url::startsWith).findFirst().orElse(null);
        if (prefix != null) {
            String rest = url.substring(prefix.length());
            int query = rest.indexOf('?');
            String path = query < 0 ? rest : rest.substring(0, query);
            int slash = path.indexOf('/', path.lastIndexOf('@') + 1);
            String hosts = slash < 0 ? path : path.substring(path.lastIndexOf('@') + 1, slash);
            String database = slash < 0 ? "" : path.substring(slash + 1);
            if (!hosts.isEmpty() && !database.isEmpty() && !database.contains("/")
                    && (hosts + database).chars().noneMatch(Character::isWhitespace)) {
                return url;
            }
        }
        throw new IllegalArgumentException("URL \"" + shown(url) + "\" is not a MySQL JDBC URL like "
                + "jdbc:mysql://127.0.0.1:3306/postbox (host[:port][,host[:port]...], then /database)");
    }

    /** Connections per pool: at least 1, at most {@link #MAX_POOL_SIZE}. */
    public static int requirePoolSize(int size) {
        if (size < 1 || size > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("pool size " + size + " is not between 1 and " + MAX_POOL_SIZE);
        }
        return size;
    }

    public static Duration requireConnectTimeout(Duration timeout) {
        return requireAtLeast(timeout, MIN_CONNECT_TIMEOUT, "connect timeout");
    }

    /**
     * A URL as it may be shown to people: Connector/J takes credentials in the user info and in
     * the query, so {@code jdbc:mysql://u:pw@host:3306/db?password=x} becomes
     * {@code jdbc:mysql://host:3306/db?…}.
     */
    public static String shown(String url) {
        if (url == null) {
            return "null";
        }
        String shown = url;
        int query = shown.indexOf('?');
        String suffix = "";
        if (query >= 0) {
            shown = shown.substring(0, query);
            suffix = "?…";
        }
        int scheme = shown.indexOf("://");
        if (scheme >= 0) {
            int hostStart = scheme + 3;
            int at = shown.lastIndexOf('@');
            if (at >= hostStart) {
                shown = shown.substring(0, hostStart) + shown.substring(at + 1);
            }
        }
        return shown + suffix;
    }

    private static Duration requireAtLeast(Duration value, Duration min, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0) {
            throw new IllegalArgumentException(name + " " + value.toMillis() + " ms is under the least, " + min.toMillis() + " ms");
        }
        return value;
    }

    /** Leaves the password out, so the config can be logged. */
    @Override
    public String toString() {
        return "MySqlConfig[primary " + shown(primaryUrl) + ", replica " + shown(replicaUrl) + ", user " + user
                + ", pools " + primaryPoolSize + "/" + replicaPoolSize + ", connect timeout " + connectTimeout
                + ", query timeout " + queryTimeout + "]";
    }
}
