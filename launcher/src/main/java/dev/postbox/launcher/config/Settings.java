package dev.postbox.launcher.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of Postbox, read from {@code POSTBOX_*} variables and validated in one go.
 * docs/configuration.md lists the same names and defaults.
 */
public record Settings(Storage storage, Http http, Db db, Cassandra cassandra, Web web,
                       Sessions sessions, Login login, Duration startupWait, Path dataDir) {

    public enum Storage { EXTERNAL, EMBEDDED, MEMORY }

    public enum SecureCookies { AUTO, ALWAYS, NEVER }

    public record Http(String host, int port, Optional<Path> unixSocket, String unixSocketMode,
                       String instanceName, Duration drainTimeout, int maxConcurrentRequests,
                       int maxQueuedRequests, Duration idleTimeout, Duration requestReadTimeout) {
    }

    public record Db(String primaryUrl, String replicaUrl, String user, Optional<String> password,
                     int poolSize, int replicaPoolSize, Duration connectTimeout) {
        @Override
        public String toString() {
            return "Db[" + Urls.shown(primaryUrl) + ", " + Urls.shown(replicaUrl) + ", user " + user + "]";
        }
    }

    public record Cassandra(List<String> contactPoints, String localDatacenter, String keyspace,
                            String consistency, String replication, Duration requestTimeout,
                            Optional<String> user, Optional<String> password) {
        @Override
        public String toString() {
            return "Cassandra[" + contactPoints + ", " + localDatacenter + ", " + keyspace + "]";
        }
    }

    /** {@code metricsClients}: who may read /metrics, as seen through the trusted proxies. */
    public record Web(SecureCookies secureCookies, List<String> trustedProxies, Optional<Path> staticDir,
                      boolean serveStatic, List<String> metricsClients) {
    }

    /** {@code cacheTtl}: how long an instance keeps a session it read (zero: not at all). */
    public record Sessions(Duration maxAge, Duration touchInterval, Duration cacheTtl) {
    }

    /** The login throttle: failures per username and per client address within the window (0 = no limit). */
    public record Login(int maxFailuresPerUsername, int maxFailuresPerAddress, Duration failureWindow) {
    }

    /** A logout on one instance must reach the others soon: so at most a minute, "off" for never. */
    private static Duration sessionCacheTtl(Env env) {
        String name = "POSTBOX_SESSION_CACHE_TTL";
        // "0s" means off as much as "off" does (Env.duration refuses zero for every other setting)
        if (env.optional(name).filter(v -> v.equals("off") || v.matches("0+(ms|s|m|h|d)?")).isPresent()) {
            return Duration.ZERO;
        }
        Duration ttl = env.duration(name, Duration.ofSeconds(1));
        if (ttl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigException(name, "must be at most 60s (or off), got \"" + env.optional(name).orElseThrow() + "\"");
        }
        return ttl;
    }

    private static final Set<String> CONSISTENCY = Set.of("ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL",
            "LOCAL_QUORUM", "EACH_QUORUM", "LOCAL_ONE");

    /** Reads everything; {@code storageDefault} is what the command implies when POSTBOX_STORAGE is unset. */
    public static Settings from(Env env, Storage storageDefault) {
        Storage storage = env.choice("POSTBOX_STORAGE", Storage.class, storageDefault);
        Http http = new Http(
                env.string("POSTBOX_HTTP_HOST", "127.0.0.1"),
                env.port("POSTBOX_HTTP_PORT", 29000),
                env.optional("POSTBOX_HTTP_UNIX_SOCKET").map(Path::of),
                socketMode(env),
                env.string("POSTBOX_INSTANCE_NAME", hostname()),
                env.duration("POSTBOX_HTTP_DRAIN_TIMEOUT", Duration.ofSeconds(20)),
                env.integer("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS", 64, 1, 10_000),
                env.integer("POSTBOX_HTTP_MAX_QUEUED_REQUESTS", 256, 0, 100_000),
                env.duration("POSTBOX_HTTP_IDLE_TIMEOUT", Duration.ofSeconds(30)),
                env.duration("POSTBOX_HTTP_REQUEST_READ_TIMEOUT", Duration.ofSeconds(15)));
        String primary = env.jdbcUrl("POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://127.0.0.1:3306/postbox");
        Db db = new Db(primary,
                env.jdbcUrl("POSTBOX_DB_REPLICA_URL", primary),
                env.string("POSTBOX_DB_USER", "postbox"),
                env.secret("POSTBOX_DB_PASSWORD"),
                env.integer("POSTBOX_DB_POOL_SIZE", 4, 1, 200),
                env.integer("POSTBOX_DB_REPLICA_POOL_SIZE", 4, 1, 200),
                env.duration("POSTBOX_DB_CONNECT_TIMEOUT", Duration.ofSeconds(2)));
        Cassandra cassandra = new Cassandra(
                env.hostPorts("POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042", 9042),
                env.string("POSTBOX_CASSANDRA_LOCAL_DC", "datacenter1"),
                keyspace(env),
                consistency(env),
                replication(env),
                env.duration("POSTBOX_CASSANDRA_REQUEST_TIMEOUT", Duration.ofSeconds(2)),
                env.optional("POSTBOX_CASSANDRA_USER"),
                env.secret("POSTBOX_CASSANDRA_PASSWORD"));
        Web web = new Web(
                env.choice("POSTBOX_SECURE_COOKIES", SecureCookies.class, SecureCookies.AUTO),
                cidrs(env, "POSTBOX_TRUSTED_PROXIES"),
                env.optional("POSTBOX_STATIC_DIR").map(Path::of),
                env.bool("POSTBOX_SERVE_STATIC", storage != Storage.EXTERNAL),
                cidrs(env, "POSTBOX_METRICS_CLIENTS"));
        Sessions sessions = new Sessions(
                env.duration("POSTBOX_SESSION_MAX_AGE", Duration.ofDays(14)),
                env.duration("POSTBOX_SESSION_TOUCH_INTERVAL", Duration.ofMinutes(5)),
                sessionCacheTtl(env));
        if (sessions.touchInterval().compareTo(sessions.maxAge()) >= 0) {
            throw new ConfigException("POSTBOX_SESSION_TOUCH_INTERVAL", "must be shorter than POSTBOX_SESSION_MAX_AGE");
        }
        Login login = new Login(
                env.integer("POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME", 10, 0, 1_000_000),
                env.integer("POSTBOX_LOGIN_MAX_FAILURES_PER_ADDRESS", 50, 0, 1_000_000),
                env.duration("POSTBOX_LOGIN_FAILURE_WINDOW", Duration.ofMinutes(15)));
        return new Settings(storage, http, db, cassandra, web, sessions, login,
                env.duration("POSTBOX_STARTUP_WAIT", Duration.ofSeconds(60)),
                Path.of(env.string("POSTBOX_DATA_DIR", "var")));
    }

    private static String socketMode(Env env) {
        String mode = env.string("POSTBOX_HTTP_UNIX_SOCKET_MODE", "664");
        if (!mode.matches("0?[0-7]{3}")) {
            throw new ConfigException("POSTBOX_HTTP_UNIX_SOCKET_MODE", "must be an octal file mode such as 660 or 664, got \"" + mode + "\"");
        }
        return mode.length() == 4 ? mode.substring(1) : mode;
    }

    private static String keyspace(Env env) {
        String keyspace = env.string("POSTBOX_CASSANDRA_KEYSPACE", "posts_db");
        if (!keyspace.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
            throw new ConfigException("POSTBOX_CASSANDRA_KEYSPACE", "must be a Cassandra name (a letter, then letters, digits or _), got \"" + keyspace + "\"");
        }
        return keyspace;
    }

    private static String consistency(Env env) {
        String value = env.string("POSTBOX_CASSANDRA_CONSISTENCY", "LOCAL_QUORUM").toUpperCase(Locale.ROOT);
        if (!CONSISTENCY.contains(value)) {
            throw new ConfigException("POSTBOX_CASSANDRA_CONSISTENCY", "must be one of " + String.join(", ", new java.util.TreeSet<>(CONSISTENCY)) + ", got \"" + value + "\"");
        }
        return value;
    }

    private static String replication(Env env) {
        String value = env.string("POSTBOX_CASSANDRA_REPLICATION", "SimpleStrategy:1");
        if (!value.matches("SimpleStrategy:[1-9]\\d?|NetworkTopologyStrategy:[A-Za-z0-9_\\-]+=[1-9]\\d?(,[A-Za-z0-9_\\-]+=[1-9]\\d?)*")) {
            throw new ConfigException("POSTBOX_CASSANDRA_REPLICATION",
                    "must be SimpleStrategy:<factor> or NetworkTopologyStrategy:<dc>=<factor>[,<dc>=<factor>...], got \"" + value + "\"");
        }
        return value;
    }

    /** Both lists default to loopback only. */
    private static List<String> cidrs(Env env, String name) {
        String value = env.string(name, "127.0.0.1/32,::1/128");
        List<String> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String cidr = part.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            if (!validCidr(cidr)) {
                throw new ConfigException(name, "must be a comma-separated list of IP addresses or CIDR blocks, got \"" + cidr + "\"");
            }
            result.add(cidr);
        }
        return List.copyOf(result);
    }

    static boolean validCidr(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        // only literals: never a DNS look-up while reading configuration
        boolean v4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return false;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (slash < 0) {
                return true;
            }
            String bits = cidr.substring(slash + 1);
            return bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= bytes.length * 8;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "postbox";
        }
    }
}
