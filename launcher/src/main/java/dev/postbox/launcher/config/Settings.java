package dev.postbox.launcher.config;

import ch.qos.logback.classic.Level;
import dev.postbox.adapter.cassandra.CassandraConfig;
import dev.postbox.adapter.cassandra.Replication;
import dev.postbox.adapter.http.RequestLimits;
import dev.postbox.adapter.http.WebConfig;
import dev.postbox.adapter.mysql.MySqlConfig;
import dev.postbox.domain.Email;
import dev.postbox.domain.InvalidInputException;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.domain.Username;
import dev.postbox.ports.service.LoginThrottle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of Postbox, read from {@code POSTBOX_*} variables and validated in one go, before
 * anything connects: the stores' and the web app's settings are the adapters' own config types,
 * built here, so a value they would refuse is refused now. docs/configuration.md lists
 * the same names and defaults; {@code postbox config} prints what was read.
 *
 * @param sessionCacheTtl how long an instance keeps a session it read (zero: not at all)
 * @param logLevel        read by logback.xml itself; checked here because logback takes an unknown
 *                        level as DEBUG without a word
 */
public record Settings(Storage storage, Http http, MySqlConfig db, CassandraConfig cassandra, WebConfig web,
                       SessionPolicy sessions, Duration sessionCacheTtl, LoginThrottle login, Duration startupWait,
                       Path dataDir, Admin admin, String logLevel) {

    public enum Storage { EXTERNAL, EMBEDDED, MEMORY }

    /** The administrator {@code run} creates on its first start. */
    public record Admin(String username, String email) {
    }

    /** Reads everything; {@code storageDefault} is what the command implies when POSTBOX_STORAGE is unset. */
    public static Settings from(Env env, Storage storageDefault) {
        Storage storage = env.choice("POSTBOX_STORAGE", Storage.class, storageDefault);
        Http http = Http.from(env);
        MySqlConfig db = db(env);
        CassandraConfig cassandra = cassandra(env);
        WebConfig web = web(env, storage);
        Duration maxAge = env.duration("POSTBOX_SESSION_MAX_AGE", SessionPolicy.DEFAULT.maxIdle());
        Duration touch = env.duration("POSTBOX_SESSION_TOUCH_INTERVAL", SessionPolicy.DEFAULT.touchInterval());
        SessionPolicy sessions = env.together(() -> new SessionPolicy(maxAge, touch),
                "POSTBOX_SESSION_TOUCH_INTERVAL", "POSTBOX_SESSION_MAX_AGE");
        Duration cacheTtl = env.parsed("POSTBOX_SESSION_CACHE_TTL", "1s", Settings::sessionCacheTtl);
        int perUsername = env.integer("POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME", LoginThrottle.DEFAULT.maxPerUsername(),
                LoginThrottle::requireLimit);
        int perAddress = env.integer("POSTBOX_LOGIN_MAX_FAILURES_PER_ADDRESS", LoginThrottle.DEFAULT.maxPerAddress(),
                LoginThrottle::requireLimit);
        Duration window = env.duration("POSTBOX_LOGIN_FAILURE_WINDOW", LoginThrottle.DEFAULT.window());
        LoginThrottle login = new LoginThrottle(perUsername, perAddress, window);
        Duration startupWait = env.duration("POSTBOX_STARTUP_WAIT", Duration.ofSeconds(60));
        Path dataDir = env.parsed("POSTBOX_DATA_DIR", "var", Path::of);
        Admin admin = new Admin(
                env.parsed("POSTBOX_ADMIN_USERNAME", "admin", domainRule("username", text -> new Username(text).value())),
                env.parsed("POSTBOX_ADMIN_EMAIL", "admin@example.com", domainRule("e-mail address", text -> new Email(text).value())));
        String logLevel = env.parsed("POSTBOX_LOG_LEVEL", "INFO", Settings::logLevel);
        return new Settings(storage, http, db, cassandra, web, sessions, cacheTtl, login, startupWait, dataDir, admin, logLevel);
    }

    /** The same settings on other stores (the embedded run's own servers). */
    public Settings withStores(MySqlConfig newDb, CassandraConfig newCassandra) {
        return new Settings(storage, http, newDb, newCassandra, web, sessions, sessionCacheTtl, login, startupWait, dataDir,
                admin, logLevel);
    }

    private static MySqlConfig db(Env env) {
        String primary = env.parsed("POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://127.0.0.1:3306/postbox", MySqlConfig::parseUrl,
                MySqlConfig::shown);
        String replica = env.parsed("POSTBOX_DB_REPLICA_URL", primary, MySqlConfig::parseUrl, MySqlConfig::shown);
        String user = env.string("POSTBOX_DB_USER", "postbox");
        Optional<String> password = env.secret("POSTBOX_DB_PASSWORD");
        int poolSize = env.integer("POSTBOX_DB_POOL_SIZE", MySqlConfig.DEFAULT_POOL_SIZE, MySqlConfig::requirePoolSize);
        int replicaPoolSize = env.integer("POSTBOX_DB_REPLICA_POOL_SIZE", MySqlConfig.DEFAULT_POOL_SIZE, MySqlConfig::requirePoolSize);
        Duration connectTimeout = env.duration("POSTBOX_DB_CONNECT_TIMEOUT", MySqlConfig.DEFAULT_CONNECT_TIMEOUT,
                MySqlConfig::requireConnectTimeout);
        return MySqlConfig.of(primary, replica, user, password.orElse(""))
                .withPoolSizes(poolSize, replicaPoolSize)
                .withConnectTimeout(connectTimeout);
    }

    private static CassandraConfig cassandra(Env env) {
        CassandraConfig config = CassandraConfig.of(env.parsed("POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042",
                        CassandraConfig::parseContactPoints))
                .withLocalDatacenter(env.parsed("POSTBOX_CASSANDRA_LOCAL_DC", CassandraConfig.DEFAULT_DATACENTER,
                        CassandraConfig::requireLocalDatacenter))
                .withKeyspace(env.parsed("POSTBOX_CASSANDRA_KEYSPACE", CassandraConfig.DEFAULT_KEYSPACE, CassandraConfig::requireKeyspace))
                .withConsistency(env.parsed("POSTBOX_CASSANDRA_CONSISTENCY", CassandraConfig.DEFAULT_CONSISTENCY.name(),
                        CassandraConfig::parseConsistency))
                .withReplication(env.parsed("POSTBOX_CASSANDRA_REPLICATION", CassandraConfig.DEFAULT_REPLICATION.toString(),
                        Replication::parse))
                .withRequestTimeout(env.duration("POSTBOX_CASSANDRA_REQUEST_TIMEOUT", CassandraConfig.DEFAULT_REQUEST_TIMEOUT,
                        CassandraConfig::requireRequestTimeout));
        Optional<String> user = env.parsedOptional("POSTBOX_CASSANDRA_USER", text -> text);
        Optional<String> password = env.secret("POSTBOX_CASSANDRA_PASSWORD");
        // a password without a user would be ignored, a user without one refused by the cluster at start
        if (user.isPresent() != password.isPresent()) {
            throw user.isPresent()
                    ? new ConfigException("POSTBOX_CASSANDRA_USER", "is set, but neither POSTBOX_CASSANDRA_PASSWORD nor POSTBOX_CASSANDRA_PASSWORD_FILE is")
                    : new ConfigException("POSTBOX_CASSANDRA_PASSWORD", "is set (or its _FILE), but POSTBOX_CASSANDRA_USER is not");
        }
        return user.isPresent() ? config.withCredentials(user.get(), password.get()) : config;
    }

    private static WebConfig web(Env env, Storage storage) {
        RequestLimits limits = RequestLimits.DEFAULT
                .withMaxConcurrentRequests(
                        env.integer("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS", RequestLimits.DEFAULT.maxConcurrentRequests(),
                                RequestLimits::requireConcurrentRequests),
                        env.integer("POSTBOX_HTTP_MAX_QUEUED_REQUESTS", RequestLimits.DEFAULT.maxQueuedRequests(),
                                RequestLimits::requireQueuedRequests))
                .withTimeouts(env.duration("POSTBOX_HTTP_IDLE_TIMEOUT", RequestLimits.DEFAULT.idleTimeout()),
                        env.duration("POSTBOX_HTTP_REQUEST_READ_TIMEOUT", RequestLimits.DEFAULT.requestReadTimeout()));
        String loopback = String.join(",", WebConfig.LOOPBACK);
        return new WebConfig(
                env.parsed("POSTBOX_INSTANCE_NAME", hostname(env), WebConfig::requireInstanceName),
                env.parsed("POSTBOX_SECURE_COOKIES", "auto", WebConfig.SecureCookies::parse),
                env.parsed("POSTBOX_TRUSTED_PROXIES", loopback, WebConfig::parseAddressBlocks),
                env.bool("POSTBOX_SERVE_STATIC", storage != Storage.EXTERNAL),
                env.parsedOptional("POSTBOX_STATIC_DIR", text -> WebConfig.requireStaticDir(Path.of(text))),
                WebConfig.DEFAULT_MAX_BODY_BYTES,
                limits,
                env.parsed("POSTBOX_METRICS_CLIENTS", loopback, WebConfig::parseAddressBlocks));
    }

    /** A logout on one instance must reach the others soon: so at most a minute; {@code off} or zero for no cache. */
    static Duration sessionCacheTtl(String text) {
        if (text.equals("off")) {
            return Duration.ZERO;
        }
        Duration ttl = text.matches("0+") ? Duration.ZERO : Env.parseDuration(text);
        if (ttl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("must be at most 60s (or off), got " + Env.quote(text));
        }
        return ttl;
    }

    static String logLevel(String text) {
        Level level = Level.toLevel(text, null);
        if (level == null) {
            throw new IllegalArgumentException("must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got " + Env.quote(text));
        }
        return level.toString();
    }

    /** A domain value object's rule ({@code Username}, {@code Email}), its refusal worded for a setting. */
    private static Function<String, String> domainRule(String what, Function<String, String> rule) {
        return text -> {
            try {
                return rule.apply(text);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException(what + " " + Env.quote(text) + " is not valid: " + e.getMessage(), e);
            }
        };
    }

    private static String hostname(Env env) {
        Optional<String> name = env.other("HOSTNAME");
        if (name.isPresent()) {
            return name.get();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "postbox";
        }
    }
}
