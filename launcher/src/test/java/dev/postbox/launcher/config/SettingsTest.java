package dev.postbox.launcher.config;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.postbox.adapter.cassandra.Replication;
import dev.postbox.adapter.http.WebConfig;
import dev.postbox.domain.SessionPolicy;
import dev.postbox.ports.service.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each variable becomes; the table of every variable's refusals through serve is {@code EveryVariableTest}. */
class SettingsTest {

    private static Settings read(Map<String, String> vars) {
        return Settings.from(new Env(vars), Settings.Storage.EXTERNAL);
    }

    @Test
    void defaultsMatchTheReadme() {
        Settings s = read(Map.of());
        assertThat(s.storage()).isEqualTo(Settings.Storage.EXTERNAL);
        assertThat(s.http()).isEqualTo(new Http("127.0.0.1", 29000, java.util.Optional.empty(), "664", Duration.ofSeconds(20)));
        assertThat(s.db().primaryUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/postbox");
        assertThat(s.db().replicaUrl()).isEqualTo(s.db().primaryUrl());
        assertThat(s.db().user()).isEqualTo("postbox");
        assertThat(s.db().password()).isEmpty();
        assertThat(s.db().primaryPoolSize()).isEqualTo(4);
        assertThat(s.db().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.cassandra().contactPoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(s.cassandra().consistency()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
        assertThat(s.cassandra().keyspace()).isEqualTo("posts_db");
        assertThat(s.cassandra().replication()).isEqualTo(new Replication.Simple(1));
        assertThat(s.cassandra().requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.cassandra().credentials()).isEmpty();
        assertThat(s.sessions()).isEqualTo(new SessionPolicy(Duration.ofDays(14), Duration.ofMinutes(5)));
        assertThat(s.sessionCacheTtl()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.login()).isEqualTo(new LoginThrottle(10, 50, Duration.ofMinutes(15)));
        assertThat(s.web().serveStatic()).isFalse();
        assertThat(s.web().secureCookies()).isEqualTo(WebConfig.SecureCookies.AUTO);
        assertThat(s.web().trustedProxies()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(s.web().metricsClients()).containsExactly("127.0.0.1/32", "::1/128");
        assertThat(s.web().limits().maxConcurrentRequests()).isEqualTo(64);
        assertThat(s.web().limits().maxQueuedRequests()).isEqualTo(256);
        assertThat(s.web().limits().idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.web().limits().requestReadTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.startupWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.dataDir()).isEqualTo(Path.of("var"));
        assertThat(s.admin()).isEqualTo(new Settings.Admin("admin", "admin@example.com"));
        assertThat(s.logLevel()).isEqualTo("INFO");
    }

    @Test
    void readsEveryKindOfValue(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("app.sock");
        Path secret = Files.writeString(dir.resolve("cassandra-password"), "c-s3cret\n");
        Settings s = read(Map.ofEntries(
                Map.entry("POSTBOX_STORAGE", "memory"),
                Map.entry("POSTBOX_HTTP_HOST", "[::1]"),
                Map.entry("POSTBOX_HTTP_PORT", "8081"),
                Map.entry("POSTBOX_HTTP_UNIX_SOCKET", socket.toString()),
                Map.entry("POSTBOX_HTTP_UNIX_SOCKET_MODE", "0660"),
                Map.entry("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS", "8"),
                Map.entry("POSTBOX_HTTP_MAX_QUEUED_REQUESTS", "0"),
                Map.entry("POSTBOX_HTTP_IDLE_TIMEOUT", "10s"),
                Map.entry("POSTBOX_DB_REPLICA_URL", "jdbc:mysql://10.0.0.2:3307/postbox"),
                Map.entry("POSTBOX_DB_POOL_SIZE", "200"),
                Map.entry("POSTBOX_CASSANDRA_CONTACT_POINTS", "10.0.0.5, [::1]:9142"),
                Map.entry("POSTBOX_CASSANDRA_CONSISTENCY", "quorum"),
                Map.entry("POSTBOX_CASSANDRA_REPLICATION", "NetworkTopologyStrategy:dc1=3,dc2=2"),
                Map.entry("POSTBOX_CASSANDRA_USER", "app"),
                Map.entry("POSTBOX_CASSANDRA_PASSWORD_FILE", secret.toString()),
                Map.entry("POSTBOX_SESSION_MAX_AGE", "2h"),
                Map.entry("POSTBOX_SESSION_TOUCH_INTERVAL", "500ms"),
                Map.entry("POSTBOX_SESSION_CACHE_TTL", "250ms"),
                Map.entry("POSTBOX_LOGIN_MAX_FAILURES_PER_ADDRESS", "0"),
                Map.entry("POSTBOX_LOGIN_FAILURE_WINDOW", "1h"),
                Map.entry("POSTBOX_SECURE_COOKIES", "always"),
                Map.entry("POSTBOX_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"),
                Map.entry("POSTBOX_METRICS_CLIENTS", "127.0.0.1,10.9.0.0/16"),
                Map.entry("POSTBOX_STATIC_DIR", dir.toString()),
                Map.entry("POSTBOX_ADMIN_USERNAME", "root"),
                Map.entry("POSTBOX_LOG_LEVEL", "debug")));
        assertThat(s.storage()).isEqualTo(Settings.Storage.MEMORY);
        assertThat(s.http()).isEqualTo(new Http("::1", 8081, java.util.Optional.of(socket), "660", Duration.ofSeconds(20)));
        assertThat(s.web().limits().maxConcurrentRequests()).isEqualTo(8);
        assertThat(s.web().limits().maxQueuedRequests()).isZero();
        assertThat(s.web().limits().idleTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.db().replicaUrl()).isEqualTo("jdbc:mysql://10.0.0.2:3307/postbox");
        assertThat(s.db().hasSeparateReplica()).isTrue();
        assertThat(s.db().primaryPoolSize()).isEqualTo(200);
        assertThat(s.cassandra().contactPointsText()).isEqualTo("10.0.0.5:9042,[::1]:9142");
        assertThat(s.cassandra().consistency()).isEqualTo(DefaultConsistencyLevel.QUORUM);
        assertThat(s.cassandra().replication()).hasToString("NetworkTopologyStrategy:dc1=3,dc2=2");
        assertThat(s.cassandra().credentials().orElseThrow().password()).isEqualTo("c-s3cret");
        assertThat(s.sessions()).isEqualTo(new SessionPolicy(Duration.ofHours(2), Duration.ofMillis(500)));
        assertThat(s.sessionCacheTtl()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.login()).isEqualTo(new LoginThrottle(10, 0, Duration.ofHours(1)));
        assertThat(s.web().secureCookies()).isEqualTo(WebConfig.SecureCookies.ALWAYS);
        assertThat(s.web().trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(s.web().metricsClients()).containsExactly("127.0.0.1", "10.9.0.0/16");
        assertThat(s.web().serveStatic()).as("memory storage serves its own static files").isTrue();
        assertThat(s.web().staticDir()).contains(dir);
        assertThat(s.admin().username()).isEqualTo("root");
        assertThat(s.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void theSessionCacheCanBeOff() {
        for (String off : new String[] {"off", "0", "00", "0s", "0ms"}) {
            assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", off)).sessionCacheTtl()).as(off).isZero();
        }
        assertThat(read(Map.of("POSTBOX_SESSION_CACHE_TTL", "60s")).sessionCacheTtl()).isEqualTo(Duration.ofMinutes(1));
    }

    /** The rules that span two variables, and the ones that live in the adapters' types, name every variable involved. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTBOX_SESSION_TOUCH_INTERVAL|5m|POSTBOX_SESSION_TOUCH_INTERVAL and POSTBOX_SESSION_MAX_AGE: the touch interval must be shorter than the session age",
            "POSTBOX_CASSANDRA_CONSISTENCY|ANY|POSTBOX_CASSANDRA_CONSISTENCY: consistency \"ANY\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM",
            "POSTBOX_CASSANDRA_REQUEST_TIMEOUT|11m|POSTBOX_CASSANDRA_REQUEST_TIMEOUT: request timeout 660000 ms is not between 1 ms and 10 min",
            "POSTBOX_DB_CONNECT_TIMEOUT|100ms|POSTBOX_DB_CONNECT_TIMEOUT: connect timeout 100 ms is under the least, 250 ms",
            "POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME|-1|POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME: login failure limit -1 is negative (0 means no limit)",
    })
    void typeRulesNameTheVariable(String name, String value, String message) {
        Map<String, String> vars = name.equals("POSTBOX_SESSION_TOUCH_INTERVAL")
                ? Map.of(name, value, "POSTBOX_SESSION_MAX_AGE", "5m") : Map.of(name, value);
        assertThatThrownBy(() -> read(vars)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void passwordComesFromAFileForDockerSecrets(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), "s3cret\n");
        assertThat(read(Map.of("POSTBOX_DB_PASSWORD_FILE", file.toString())).db().password()).isEqualTo("s3cret");
        assertThatThrownBy(() -> read(Map.of("POSTBOX_DB_PASSWORD_FILE", file + ".missing")))
                .hasMessage("POSTBOX_DB_PASSWORD_FILE: cannot read the file \"" + file + ".missing\"");
        assertThatThrownBy(() -> read(Map.of("POSTBOX_DB_PASSWORD", "a", "POSTBOX_DB_PASSWORD_FILE", file.toString())))
                .hasMessage("POSTBOX_DB_PASSWORD_FILE: set only one of POSTBOX_DB_PASSWORD and POSTBOX_DB_PASSWORD_FILE");
    }

    @Test
    void cassandraCredentialsComeInPairs() {
        assertThatThrownBy(() -> read(Map.of("POSTBOX_CASSANDRA_USER", "app")))
                .hasMessage("POSTBOX_CASSANDRA_USER: is set, but neither POSTBOX_CASSANDRA_PASSWORD nor POSTBOX_CASSANDRA_PASSWORD_FILE is");
        assertThatThrownBy(() -> read(Map.of("POSTBOX_CASSANDRA_PASSWORD", "pw")))
                .hasMessage("POSTBOX_CASSANDRA_PASSWORD: is set (or its _FILE), but POSTBOX_CASSANDRA_USER is not");
    }

    @Test
    void passwordsNeverShowInToString() {
        Settings s = read(Map.of("POSTBOX_DB_PASSWORD", "hunter2hunter2", "POSTBOX_CASSANDRA_USER", "app",
                "POSTBOX_CASSANDRA_PASSWORD", "cassandra-secret",
                "POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://app:url-secret@db/postbox?password=url-secret"));
        assertThat(s.toString()).doesNotContain("hunter2hunter2", "cassandra-secret", "url-secret");
    }

    @Test
    void theRecordOfWhatWasReadIsWhatTheSettingsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), "s3cret\n");
        Env env = new Env(Map.of("POSTBOX_HTTP_PORT", "8081", "POSTBOX_DB_PASSWORD_FILE", file.toString(),
                "POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://app:pw@db:3306/postbox?password=pw"));
        Settings.from(env, Settings.Storage.EXTERNAL);
        assertThat(env.settings()).extracting(Env.Setting::name).doesNotHaveDuplicates()
                .startsWith("POSTBOX_STORAGE", "POSTBOX_HTTP_HOST", "POSTBOX_HTTP_PORT")
                .allMatch(name -> name.startsWith("POSTBOX_") && !name.endsWith("_FILE"));
        assertThat(env.names()).contains("POSTBOX_DB_PASSWORD_FILE", "POSTBOX_CASSANDRA_PASSWORD_FILE")
                .containsAll(env.settings().stream().map(Env.Setting::name).toList());
        Map<String, Env.Setting> byName = new java.util.HashMap<>();
        env.settings().forEach(setting -> byName.put(setting.name(), setting));
        assertThat(byName.get("POSTBOX_HTTP_PORT")).isEqualTo(new Env.Setting("POSTBOX_HTTP_PORT", "8081", Env.Setting.Source.ENVIRONMENT, null));
        assertThat(byName.get("POSTBOX_HTTP_HOST").origin()).isEqualTo("default");
        assertThat(byName.get("POSTBOX_DB_PASSWORD").shown()).isEqualTo(Env.MASK);
        assertThat(byName.get("POSTBOX_DB_PASSWORD").origin()).isEqualTo("file POSTBOX_DB_PASSWORD_FILE=" + file);
        assertThat(byName.get("POSTBOX_DB_PRIMARY_URL").shown()).isEqualTo("jdbc:mysql://db:3306/postbox?…");
        assertThat(byName.get("POSTBOX_DB_REPLICA_URL").shown()).isEqualTo("jdbc:mysql://db:3306/postbox?…");
        assertThat(byName.get("POSTBOX_DB_REPLICA_URL").origin()).isEqualTo("default");
        assertThat(byName.get("POSTBOX_CASSANDRA_PASSWORD").shown()).isEqualTo(Env.NOT_SET);
        assertThat(byName.get("POSTBOX_SESSION_MAX_AGE").shown()).isEqualTo("14d");
        assertThat(env.settings().toString()).doesNotContain("s3cret").doesNotContain(":pw@").doesNotContain("password=pw");
    }

    @Test
    void defaultDurationsAreWrittenAsTheyAreRead() {
        assertThat(Env.text(Duration.ofDays(14))).isEqualTo("14d");
        assertThat(Env.text(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Env.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Env.parseDuration(Env.text(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
    }
}
