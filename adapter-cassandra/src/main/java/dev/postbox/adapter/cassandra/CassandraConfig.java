package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs to reach Cassandra. Validated on construction; every parse helper
 * throws {@link IllegalArgumentException} with a message fit to show an operator (never a
 * password).
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
        if (localDatacenter == null || localDatacenter.isBlank()) {
            throw new IllegalArgumentException("local datacenter is empty");
        }
        checkKeyspace(keyspace);
        Objects.requireNonNull(consistency, "consistency");
        if (!ALLOWED_CONSISTENCY.contains(consistency)) {
            throw new IllegalArgumentException(consistencyMessage(consistency.name()));
        }
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("request timeout " + requestTimeout + " is not between 1ms and 10m");
        }
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

    static void checkKeyspace(String keyspace) {
        // the name is written into CQL statements, so it must be a plain identifier
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("keyspace \"" + keyspace
                    + "\" must start with a letter and have at most 48 letters, digits or '_'");
        }
    }

    /** Parses {@code 500ms}, {@code 2s}, {@code 5m}, {@code 2h}, {@code 14d}. */
    public static Duration parseDuration(String text) {
        Matcher m = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("duration \"" + text + "\" is not a number followed by ms, s, m, h or d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * Reads the {@code POSTBOX_CASSANDRA_*} variables (see the README) with their defaults.
     * Messages start with the variable's name.
     */
    public static CassandraConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, path -> {
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static CassandraConfig fromEnvironment(Map<String, String> env, Function<Path, String> readFile) {
        List<InetSocketAddress> points = read(env, "POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042",
                CassandraConfig::parseContactPoints);
        String dc = read(env, "POSTBOX_CASSANDRA_LOCAL_DC", DEFAULT_DATACENTER, s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("local datacenter is empty");
            }
            return s.strip();
        });
        String keyspace = read(env, "POSTBOX_CASSANDRA_KEYSPACE", DEFAULT_KEYSPACE, s -> {
            checkKeyspace(s.strip());
            return s.strip();
        });
        DefaultConsistencyLevel consistency = read(env, "POSTBOX_CASSANDRA_CONSISTENCY", DEFAULT_CONSISTENCY.name(),
                CassandraConfig::parseConsistency);
        Replication replication = read(env, "POSTBOX_CASSANDRA_REPLICATION", DEFAULT_REPLICATION.toString(), Replication::parse);
        Duration timeout = read(env, "POSTBOX_CASSANDRA_REQUEST_TIMEOUT", "2s", s -> {
            Duration d = parseDuration(s);
            if (d.isZero()) {
                throw new IllegalArgumentException("request timeout must be more than 0");
            }
            return d;
        });
        Optional<Credentials> credentials = Optional.empty();
        String user = env.get("POSTBOX_CASSANDRA_USER");
        if (user != null && !user.isBlank()) {
            String password = env.get("POSTBOX_CASSANDRA_PASSWORD");
            String file = env.get("POSTBOX_CASSANDRA_PASSWORD_FILE");
            if (password != null && file != null) {
                throw new IllegalArgumentException("POSTBOX_CASSANDRA_PASSWORD and POSTBOX_CASSANDRA_PASSWORD_FILE are both set; use one");
            }
            if (file != null) {
                try {
                    password = readFile.apply(Path.of(file)).strip();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("POSTBOX_CASSANDRA_PASSWORD_FILE: cannot read " + file);
                }
            }
            if (password == null) {
                throw new IllegalArgumentException("POSTBOX_CASSANDRA_USER is set but neither POSTBOX_CASSANDRA_PASSWORD nor POSTBOX_CASSANDRA_PASSWORD_FILE is");
            }
            credentials = Optional.of(new Credentials(user.strip(), password));
        } else if (env.get("POSTBOX_CASSANDRA_PASSWORD") != null || env.get("POSTBOX_CASSANDRA_PASSWORD_FILE") != null) {
            throw new IllegalArgumentException("a Cassandra password is set but POSTBOX_CASSANDRA_USER is not");
        }
        return new CassandraConfig(points, dc, keyspace, consistency, replication, timeout, credentials);
    }

    private static <T> T read(Map<String, String> env, String name, String fallback, Function<String, T> parse) {
        String value = env.get(name);
        try {
            return parse.apply(value == null ? fallback : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CassandraConfig[contactPoints=" + contactPoints + ", localDatacenter=" + localDatacenter
                + ", keyspace=" + keyspace + ", consistency=" + consistency + ", replication=" + replication
                + ", requestTimeout=" + requestTimeout + ", user=" + credentials.map(Credentials::username).orElse("-") + "]";
    }
}
