package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs to reach Cassandra. Each setting's rule is one public method here
 * ({@code parseContactPoints}, {@code parseConsistency}, {@code requireKeyspace},
 * {@code requireLocalDatacenter}, {@code requireRequestTimeout}, {@link Replication#parse}), used by
 * the constructor and by whoever reads the settings from outside (the launcher), so a value is
 * refused in the same words before anything connects. Failures are
 * {@link IllegalArgumentException}s with a message fit to show an operator (never a password).
 *
 * @param contactPoints   where the driver starts; it discovers the other nodes itself
 * @param localDatacenter the datacenter whose nodes serve requests ({@code datacenter1} by default)
 * @param keyspace        {@code posts_db} by default
 * @param consistency     for reads and writes ({@code LOCAL_QUORUM} by default)
 * @param replication     used when {@code migrate} creates the keyspace
 * @param requestTimeout  bound of one call, retries included ({@code 2s} by default)
 * @param credentials     for {@code PasswordAuthenticator} clusters
 */
public record CassandraConfig(
        List<InetSocketAddress> contactPoints,
        String localDatacenter,
        String keyspace,
        DefaultConsistencyLevel consistency,
        Replication replication,
        Duration requestTimeout,
        Optional<Credentials> credentials) {

    public static final int DEFAULT_PORT = 9042;
    public static final String DEFAULT_DATACENTER = "datacenter1";
    public static final String DEFAULT_KEYSPACE = "posts_db";
    public static final DefaultConsistencyLevel DEFAULT_CONSISTENCY = DefaultConsistencyLevel.LOCAL_QUORUM;
    public static final Replication DEFAULT_REPLICATION = new Replication.Simple(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(10);

    /** Levels that work for both reads and writes of single partitions. */
    public static final Set<DefaultConsistencyLevel> ALLOWED_CONSISTENCY = EnumSet.of(
            DefaultConsistencyLevel.ONE, DefaultConsistencyLevel.TWO, DefaultConsistencyLevel.THREE,
            DefaultConsistencyLevel.QUORUM, DefaultConsistencyLevel.ALL,
            DefaultConsistencyLevel.LOCAL_ONE, DefaultConsistencyLevel.LOCAL_QUORUM);

    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([0-9A-Fa-f:.]+)]|([^:\\[\\]]+))(?::(\\d{1,5}))?");

    public record Credentials(String username, String password) {
        public Credentials {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("Cassandra user is empty");
            }
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    public CassandraConfig {
        contactPoints = List.copyOf(Objects.requireNonNull(contactPoints, "contactPoints"));
        if (contactPoints.isEmpty()) {
            throw new IllegalArgumentException("contact points are empty; expected host:port[,host:port...]");
        }
        requireLocalDatacenter(localDatacenter);
        requireKeyspace(keyspace);
        Objects.requireNonNull(consistency, "consistency");
        if (!ALLOWED_CONSISTENCY.contains(consistency)) {
            throw new IllegalArgumentException(consistencyMessage(consistency.name()));
        }
        Objects.requireNonNull(replication, "replication");
        requireRequestTimeout(requestTimeout);
        credentials = credentials == null ? Optional.empty() : credentials;
    }

    /** The defaults for the given nodes: datacenter1, posts_db, LOCAL_QUORUM, SimpleStrategy:1, 2 s. */
    public static CassandraConfig of(List<InetSocketAddress> contactPoints) {
        return new CassandraConfig(contactPoints, DEFAULT_DATACENTER, DEFAULT_KEYSPACE, DEFAULT_CONSISTENCY,
                DEFAULT_REPLICATION, DEFAULT_REQUEST_TIMEOUT, Optional.empty());
    }

    public static CassandraConfig of(InetSocketAddress contactPoint) {
        return of(List.of(contactPoint));
    }

    public CassandraConfig withLocalDatacenter(String value) {
        return new CassandraConfig(contactPoints, value, keyspace, consistency, replication, requestTimeout, credentials);
    }

    public CassandraConfig withKeyspace(String value) {
        return new CassandraConfig(contactPoints, localDatacenter, value, consistency, replication, requestTimeout, credentials);
    }

    public CassandraConfig withConsistency(DefaultConsistencyLevel value) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, value, replication, requestTimeout, credentials);
    }

    public CassandraConfig withReplication(Replication value) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, consistency, value, requestTimeout, credentials);
    }

    public CassandraConfig withRequestTimeout(Duration value) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, consistency, replication, value, credentials);
    }

    public CassandraConfig withCredentials(String username, String password) {
        return new CassandraConfig(contactPoints, localDatacenter, keyspace, consistency, replication, requestTimeout,
                Optional.of(new Credentials(username, password)));
    }

    /**
     * Parses {@code host:port[,host:port...]}; a missing port means 9042, IPv6 hosts go in
     * brackets ({@code [::1]:9042}). Hosts are not resolved here (the driver does that).
     */
    public static List<InetSocketAddress> parseContactPoints(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("contact points are empty; expected host:port[,host:port...]");
        }
        List<InetSocketAddress> result = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            String item = entry.strip();
            Matcher m = HOST_PORT.matcher(item);
            if (item.isEmpty() || !m.matches()) {
                throw new IllegalArgumentException("contact point \"" + item + "\" is not host:port");
            }
            String host = m.group(1) != null ? m.group(1) : m.group(2).strip();
            int port = DEFAULT_PORT;
            if (m.group(3) != null) {
                port = Integer.parseInt(m.group(3));
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("contact point \"" + item + "\" has port " + port + ", not 1 to 65535");
                }
            }
            if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("contact point \"" + item + "\" is not host:port");
            }
            result.add(InetSocketAddress.createUnresolved(host, port));
        }
        return result;
    }

    /** Parses a consistency level name (case-insensitive) among {@link #ALLOWED_CONSISTENCY}. */
    public static DefaultConsistencyLevel parseConsistency(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        try {
            DefaultConsistencyLevel level = DefaultConsistencyLevel.valueOf(name);
            if (ALLOWED_CONSISTENCY.contains(level)) {
                return level;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below with the allowed names
        }
        throw new IllegalArgumentException(consistencyMessage(text == null ? "" : text.strip()));
    }

    private static String consistencyMessage(String given) {
        return "consistency \"" + given + "\" is not one of "
                + ALLOWED_CONSISTENCY.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The keyspace name is written into CQL statements, so it must be a plain identifier. */
    public static String requireKeyspace(String keyspace) {
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace \"" + keyspace
                    + "\" must start with a letter and have at most 48 letters, digits or '_'");
        }
        return keyspace;
    }

    public static String requireLocalDatacenter(String datacenter) {
        if (datacenter == null || datacenter.isBlank()) {
            throw new IllegalArgumentException("local datacenter is empty");
        }
        return datacenter;
    }

    /** The bound of one call, retries included: more than zero, at most {@link #MAX_REQUEST_TIMEOUT}. */
    public static Duration requireRequestTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "requestTimeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("request timeout " + timeout.toMillis() + " ms is not between 1 ms and "
                    + MAX_REQUEST_TIMEOUT.toMinutes() + " min");
        }
        return timeout;
    }

    /** {@code host:port} as the operator writes it: IPv6 literals in brackets. */
    public static String show(InetSocketAddress point) {
        String host = point.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + point.getPort();
    }

    /** The contact points as {@link #parseContactPoints} reads them: {@code host:port,host:port}. */
    public String contactPointsText() {
        return contactPoints.stream().map(CassandraConfig::show).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "CassandraConfig[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
                + ", keyspace=" + keyspace + ", consistency=" + consistency + ", replication=" + replication
                + ", requestTimeout=" + requestTimeout + ", user=" + credentials.map(Credentials::username).orElse("-") + "]";
    }
}
