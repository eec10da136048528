package dev.postbox.launcher.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings read(Map<String, String> vars) {
        return Settings.from(new Env(vars), Settings.Storage.EXTERNAL);
    }

    @Test
    void defaultsMatchTheReadme() {
        Settings s = read(Map.of());
        assertThat(s.storage()).isEqualTo(Settings.Storage.EXTERNAL);
        assertThat(s.http().host()).isEqualTo("127.0.0.1");
        assertThat(s.http().port()).isEqualTo(29000);
        assertThat(s.http().unixSocket()).isEmpty();
        assertThat(s.http().unixSocketMode()).isEqualTo("664");
        assertThat(s.db().primaryUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/postbox");
        assertThat(s.db().replicaUrl()).isEqualTo(s.db().primaryUrl());
        assertThat(s.db().poolSize()).isEqualTo(4);
        assertThat(s.cassandra().contactPoints()).containsExactly("127.0.0.1:9042");
        assertThat(s.cassandra().consistency()).isEqualTo("LOCAL_QUORUM");
        assertThat(s.cassandra().keyspace()).isEqualTo("posts_db");
        assertThat(s.cassandra().replication()).isEqualTo("SimpleStrategy:1");
        assertThat(s.sessions().maxAge()).isEqualTo(Duration.ofDays(14));
        assertThat(s.sessions().touchInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.sessions().cacheTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.web().serveStatic()).isFalse();
        assertThat(s.web().trustedProxies()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(s.web().metricsClients()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(s.http().maxConcurrentRequests()).isEqualTo(64);
        assertThat(s.http().maxQueuedRequests()).isEqualTo(256);
        assertThat(s.http().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.http().requestReadTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.login()).isEqualTo(new Settings.Login(10, 50, Duration.ofMinutes(15)));
    }

    @Test
    void readsTheLoginThrottleAndRequestLimits() {
        Settings s = read(Map.of("POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME", "5", "POSTBOX_LOGIN_MAX_FAILURES_PER_ADDRESS", "0",
                "POSTBOX_LOGIN_FAILURE_WINDOW", "1h", "POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS", "8",
                "POSTBOX_HTTP_MAX_QUEUED_REQUESTS", "0", "POSTBOX_HTTP_IDLE_TIMEOUT", "10s",
                "POSTBOX_HTTP_REQUEST_READ_TIMEOUT", "5s"));
        assertThat(s.login()).isEqualTo(new Settings.Login(5, 0, Duration.ofHours(1)));
        assertThat(s.http().maxConcurrentRequests()).isEqualTo(8);
        assertThat(s.http().maxQueuedRequests()).isZero();
        assertThat(s.http().idleTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.http().requestReadTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> read(Map.of("POSTBOX_LOGIN_FAILURE_WINDOW", "0s")))
                .hasMessage("POSTBOX_LOGIN_FAILURE_WINDOW must be longer than zero, got \"0s\"");
        assertThatThrownBy(() -> read(Map.of("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS", "0")))
                .hasMessage("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS must be between 1 and 10000, got \"0\"");
    }

    @Test
    void readsEveryKindOfValue() {
        Settings s = read(Map.ofEntries(
                Map.entry("POSTBOX_STORAGE", "memory"),
                Map.entry("POSTBOX_HTTP_PORT", "8081"),
                Map.entry("POSTBOX_HTTP_UNIX_SOCKET", "/run/postbox/app.sock"),
                Map.entry("POSTBOX_HTTP_UNIX_SOCKET_MODE", "0660"),
                Map.entry("POSTBOX_DB_REPLICA_URL", "jdbc:mysql://10.0.0.2:3307/postbox"),
                Map.entry("POSTBOX_CASSANDRA_CONTACT_POINTS", "10.0.0.5, 10.0.0.6:9142"),
                Map.entry("POSTBOX_CASSANDRA_CONSISTENCY", "quorum"),
                Map.entry("POSTBOX_CASSANDRA_REPLICATION", "NetworkTopologyStrategy:dc1=3,dc2=2"),
                Map.entry("POSTBOX_SESSION_MAX_AGE", "2h"),
                Map.entry("POSTBOX_SESSION_TOUCH_INTERVAL", "500ms"),
                Map.entry("POSTBOX_SESSION_CACHE_TTL", "250ms"),
                Map.entry("POSTBOX_SECURE_COOKIES", "always"),
                Map.entry("POSTBOX_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"),
                Map.entry("POSTBOX_METRICS_CLIENTS", "127.0.0.1,10.9.0.0/16")));
        assertThat(s.storage()).isEqualTo(Settings.Storage.MEMORY);
        assertThat(s.http().port()).isEqualTo(8081);
        assertThat(s.http().unixSocket()).contains(Path.of("/run/postbox/app.sock"));
        assertThat(s.http().unixSocketMode()).isEqualTo("660");
        assertThat(s.db().replicaUrl()).isEqualTo("jdbc:mysql://10.0.0.2:3307/postbox");
        assertThat(s.cassandra().contactPoints()).containsExactly("10.0.0.5:9042", "10.0.0.6:9142");
        assertThat(s.cassandra().consistency()).isEqualTo("QUORUM");
        assertThat(s.sessions().maxAge()).isEqualTo(Duration.ofHours(2));
        assertThat(s.sessions().touchInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.sessions().cacheTtl()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.web().secureCookies()).isEqualTo(Settings.SecureCookies.ALWAYS);
        assertThat(s.web().trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(s.web().metricsClients()).containsExactly("127.0.0.1", "10.9.0.0/16");
        assertThat(s.web().serveStatic()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTBOX_HTTP_PORT|abc|POSTBOX_HTTP_PORT must be a TCP port number from 1 to 65535 (0 picks a free one), got \"abc\"",
            "POSTBOX_HTTP_PORT|70000|POSTBOX_HTTP_PORT must be a TCP port number from 1 to 65535 (0 picks a free one), got \"70000\"",
            "POSTBOX_DB_PRIMARY_URL|postgres://x/y|POSTBOX_DB_PRIMARY_URL must be a JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox, got \"postgres://x/y\"",
            "POSTBOX_DB_PRIMARY_URL|jdbc:mysql://|POSTBOX_DB_PRIMARY_URL must be a JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox, got \"jdbc:mysql://\"",
            "POSTBOX_CASSANDRA_CONSISTENCY|SOMETIMES|POSTBOX_CASSANDRA_CONSISTENCY must be one of ALL, ANY, EACH_QUORUM, LOCAL_ONE, LOCAL_QUORUM, ONE, QUORUM, THREE, TWO, got \"SOMETIMES\"",
            "POSTBOX_CASSANDRA_CONTACT_POINTS|host:port|POSTBOX_CASSANDRA_CONTACT_POINTS must be a comma-separated list of host:port, got \"host:port\"",
            "POSTBOX_CASSANDRA_REPLICATION|Simple:3|POSTBOX_CASSANDRA_REPLICATION must be SimpleStrategy:<factor> or NetworkTopologyStrategy:<dc>=<factor>[,<dc>=<factor>...], got \"Simple:3\"",
            "POSTBOX_SESSION_MAX_AGE|fortnight|POSTBOX_SESSION_MAX_AGE must be a duration such as 500ms, 30s, 5m, 2h or 14d, got \"fortnight\"",
            "POSTBOX_SESSION_CACHE_TTL|2m|POSTBOX_SESSION_CACHE_TTL must be at most 60s (or off), got \"2m\"",
            "POSTBOX_SESSION_CACHE_TTL|soon|POSTBOX_SESSION_CACHE_TTL must be a duration such as 500ms, 30s, 5m, 2h or 14d, got \"soon\"",
            "POSTBOX_STORAGE|postgres|POSTBOX_STORAGE must be one of external, embedded, memory, got \"postgres\"",
            "POSTBOX_SECURE_COOKIES|maybe|POSTBOX_SECURE_COOKIES must be one of auto, always, never, got \"maybe\"",
            "POSTBOX_SERVE_STATIC|perhaps|POSTBOX_SERVE_STATIC must be true or false, got \"perhaps\"",
            "POSTBOX_DB_POOL_SIZE|0|POSTBOX_DB_POOL_SIZE must be between 1 and 200, got \"0\"",
            "POSTBOX_TRUSTED_PROXIES|proxy.example|POSTBOX_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR blocks, got \"proxy.example\"",
            "POSTBOX_METRICS_CLIENTS|prometheus.internal|POSTBOX_METRICS_CLIENTS must be a comma-separated list of IP addresses or CIDR blocks, got \"prometheus.internal\"",
            "POSTBOX_HTTP_UNIX_SOCKET_MODE|rw-rw-r--|POSTBOX_HTTP_UNIX_SOCKET_MODE must be an octal file mode such as 660 or 664, got \"rw-rw-r--\"",
            "POSTBOX_CASSANDRA_KEYSPACE|posts-db|POSTBOX_CASSANDRA_KEYSPACE must be a Cassandra name (a letter, then letters, digits or _), got \"posts-db\"",
    })
    void malformedValuesNameTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> read(Map.of(name, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void theSessionCacheCanBeOff() {
        assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", "off")).sessions().cacheTtl()).isZero();
        assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", "0")).sessions().cacheTtl()).isZero();
        assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", "0s")).sessions().cacheTtl()).isZero();
        assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", "0ms")).sessions().cacheTtl()).isZero();
    }

    @Test
    void touchIntervalMustBeShorterThanTheSessionAge() {
        assertThatThrownBy(() -> read(Map.of("POSTBOX_SESSION_MAX_AGE", "5m", "POSTBOX_SESSION_TOUCH_INTERVAL", "5m")))
                .hasMessage("POSTBOX_SESSION_TOUCH_INTERVAL must be shorter than POSTBOX_SESSION_MAX_AGE");
    }

    @Test
    void passwordComesFromAFileForDockerSecrets() throws Exception {
        Path file = Files.createTempFile("db-password", ".txt");
        try {
            Files.writeString(file, "s3cret\n");
            assertThat(read(Map.of("POSTBOX_DB_PASSWORD_FILE", file.toString())).db().password()).contains("s3cret");
            assertThatThrownBy(() -> read(Map.of("POSTBOX_DB_PASSWORD_FILE", file + ".missing")))
                    .hasMessage("POSTBOX_DB_PASSWORD_FILE names a file that cannot be read: \"" + file + ".missing\"");
            assertThatThrownBy(() -> read(Map.of("POSTBOX_DB_PASSWORD", "a", "POSTBOX_DB_PASSWORD_FILE", file.toString())))
                    .hasMessage("POSTBOX_DB_PASSWORD and POSTBOX_DB_PASSWORD_FILE are both set; set only one");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void passwordsNeverShowInToString() {
        Settings s = read(Map.of("POSTBOX_DB_PASSWORD", "hunter2hunter2", "POSTBOX_CASSANDRA_PASSWORD", "cassandra-secret"));
        assertThat(s.toString()).doesNotContain("hunter2hunter2").doesNotContain("cassandra-secret");
    }

    @Test
    void everyVariableReadIsKnown() {
        read(Map.of());
        assertThat(Env.known()).contains("POSTBOX_HTTP_PORT", "POSTBOX_DB_PASSWORD_FILE", "POSTBOX_CASSANDRA_REPLICATION")
                .allMatch(name -> name.startsWith("POSTBOX_"));
        assertThat(List.copyOf(Env.known())).doesNotHaveDuplicates();
    }
}
