package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code POSTBOX_*} variable the settings read, with values that must be accepted and values
 * that must be refused, run through {@code postbox serve} itself (in this JVM, as on the command
 * line) and through {@code postbox config --check}. The stores are two loopback ports this test
 * listens on, which count every connection:
 * <ul>
 * <li>a refused value: exit 2, one line on stderr naming the variable, nothing on stdout, and no
 *     connection to either store; {@code config --check} gives the very same line and exit;</li>
 * <li>an accepted value: {@code serve} gets past its configuration and tries the MySQL primary (which
 *     hangs up at once, so it ends with 69, store unavailable); {@code config --check} exits 0.</li>
 * </ul>
 * A value an adapter would refuse only later (after MySQL answered, as {@code ANY} consistency once
 * was) fails the refused half: serve would connect first.
 */
class EveryVariableTest {
    @TempDir
    static Path dir;
    private static ConnectionRecorder mysql;
    private static ConnectionRecorder cassandra;

    /** One variable: values (with the other variables they need) that pass, and that must be refused. */
    private record Row(String variable, List<Map<String, String>> valid, List<Map<String, String>> refused) {
        Row valid(String... values) {
            return with(valid, values);
        }

        Row refused(String... values) {
            return with(refused, values);
        }

        Row validWith(Map<String, String> vars) {
            valid.add(vars);
            return this;
        }

        Row refusedWith(Map<String, String> vars) {
            refused.add(vars);
            return this;
        }

        private Row with(List<Map<String, String>> list, String... values) {
            for (String value : values) {
                list.add(Map.of(variable, value));
            }
            return this;
        }
    }

    private static Row row(String variable) {
        return new Row(variable, new ArrayList<>(), new ArrayList<>());
    }

    /** {db}, {cassandra}: the recorders' ports; {dir}: a folder holding the files db-password and cassandra-password. */
    private static List<Row> table() {
        String longSocket = "{dir}/" + "s".repeat(110) + ".sock";
        return List.of(
                row("POSTBOX_STORAGE").valid("external", "EXTERNAL").refused("sqlite", "postgres"),
                row("POSTBOX_HTTP_HOST").valid("127.0.0.1", "localhost", "::1", "[::1]", "app_1.internal")
                        .refused("not a host", "999.1.1.1", "1.2.3", "::g", "-bad", "host!"),
                row("POSTBOX_HTTP_PORT").valid("0").refused("http", "65536", "-1"),
                row("POSTBOX_HTTP_UNIX_SOCKET").valid("{dir}/app.sock").refused("{dir}/missing/app.sock", longSocket),
                row("POSTBOX_HTTP_UNIX_SOCKET_MODE").valid("660", "0664").refused("rw-rw-r--", "999", "6640"),
                row("POSTBOX_HTTP_DRAIN_TIMEOUT").valid("5s").refused("0s", "5 seconds"),
                row("POSTBOX_HTTP_MAX_CONCURRENT_REQUESTS").valid("1", "10000").refused("0", "10001", "lots"),
                row("POSTBOX_HTTP_MAX_QUEUED_REQUESTS").valid("0", "100000").refused("-1", "100001"),
                row("POSTBOX_HTTP_IDLE_TIMEOUT").valid("10m").refused("0ms", "forever"),
                row("POSTBOX_HTTP_REQUEST_READ_TIMEOUT").valid("5s").refused("0s", "1.5s"),
                row("POSTBOX_INSTANCE_NAME").valid("app-1").refused("two words", "x".repeat(256)),
                row("POSTBOX_DB_PRIMARY_URL")
                        .valid("jdbc:mysql://127.0.0.1:{db}/postbox?sslMode=DISABLED", "jdbc:mysql://app:pw@127.0.0.1:{db}/postbox")
                        .refused("mysql://db/postbox", "jdbc:mysql://:3307", "jdbc:mysql://127.0.0.1:{db}", "jdbc:mysql:///postbox"),
                row("POSTBOX_DB_REPLICA_URL").valid("jdbc:mysql://localhost:{db}/postbox").refused("postgres://x/y", "jdbc:mysql://h/a/b"),
                // any text is a user name: nothing to refuse
                row("POSTBOX_DB_USER").valid("app"),
                row("POSTBOX_DB_PASSWORD").valid("s3cret")
                        .refusedWith(Map.of("POSTBOX_DB_PASSWORD", "s3cret", "POSTBOX_DB_PASSWORD_FILE", "{dir}/db-password")),
                row("POSTBOX_DB_PASSWORD_FILE").valid("{dir}/db-password").refused("{dir}/missing-password", "{dir}"),
                row("POSTBOX_DB_POOL_SIZE").valid("1", "200").refused("0", "201", "lots"),
                row("POSTBOX_DB_REPLICA_POOL_SIZE").valid("8").refused("0", "-3"),
                row("POSTBOX_DB_CONNECT_TIMEOUT").valid("250ms", "1s").refused("100ms", "0s", "2 seconds"),
                row("POSTBOX_CASSANDRA_CONTACT_POINTS").valid("[::1]:{cassandra}", "localhost:{cassandra}, 127.0.0.1")
                        .refused("db1:nine", "::1:9042", "a:1,,b:2", "host:0", "host:99999"),
                // blank means "not set", so the default; any other text names a datacenter
                row("POSTBOX_CASSANDRA_LOCAL_DC").valid("eu-west"),
                row("POSTBOX_CASSANDRA_KEYSPACE").valid("posts_test").refused("posts-db", "1posts", "k".repeat(49)),
                row("POSTBOX_CASSANDRA_CONSISTENCY").valid("quorum", "LOCAL_ONE").refused("ANY", "EACH_QUORUM", "SERIAL", "BOGUS"),
                row("POSTBOX_CASSANDRA_REPLICATION").valid("NetworkTopologyStrategy:dc1=3,dc2=2", "simplestrategy:3")
                        .refused("Simple:3", "SimpleStrategy:0", "NetworkTopologyStrategy:dc'1=3"),
                row("POSTBOX_CASSANDRA_REQUEST_TIMEOUT").valid("500ms", "10m").refused("11m", "0s", "2"),
                row("POSTBOX_CASSANDRA_USER")
                        .validWith(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD", "pw"))
                        .refused("app"),
                row("POSTBOX_CASSANDRA_PASSWORD")
                        .validWith(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD", "pw"))
                        .refused("pw"),
                row("POSTBOX_CASSANDRA_PASSWORD_FILE")
                        .validWith(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD_FILE", "{dir}/cassandra-password"))
                        .refusedWith(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD_FILE", "{dir}/missing"))
                        .refusedWith(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD", "pw",
                                "POSTBOX_CASSANDRA_PASSWORD_FILE", "{dir}/cassandra-password")),
                row("POSTBOX_SESSION_MAX_AGE").valid("2h").refused("0s", "fortnight", "5m"),
                row("POSTBOX_SESSION_TOUCH_INTERVAL").valid("500ms").refused("14d", "soon"),
                row("POSTBOX_SESSION_CACHE_TTL").valid("off", "0", "0s", "250ms", "60s").refused("61s", "2m", "soon"),
                row("POSTBOX_LOGIN_MAX_FAILURES_PER_USERNAME").valid("0", "5").refused("-1", "ten"),
                row("POSTBOX_LOGIN_MAX_FAILURES_PER_ADDRESS").valid("0", "1000000").refused("-5", "1e6"),
                row("POSTBOX_LOGIN_FAILURE_WINDOW").valid("1h").refused("0m", "1 hour"),
                row("POSTBOX_SECURE_COOKIES").valid("always", "NEVER").refused("maybe"),
                row("POSTBOX_TRUSTED_PROXIES").valid("10.0.0.0/8, fd00::/8").refused("proxy.example", "999.1.1.1", "10.0.0.0/33"),
                row("POSTBOX_METRICS_CLIENTS").valid("127.0.0.1,10.9.0.0/16").refused("prometheus.internal"),
                row("POSTBOX_SERVE_STATIC").valid("false", "yes").refused("perhaps"),
                row("POSTBOX_STATIC_DIR").valid("{dir}").refused("{dir}/missing", "{dir}/db-password"),
                row("POSTBOX_STARTUP_WAIT").valid("1s").refused("0s", "1 minute"),
                // any path: run creates the folder
                row("POSTBOX_DATA_DIR").valid("{dir}/data"),
                row("POSTBOX_ADMIN_USERNAME").valid("root").refused("two words"),
                row("POSTBOX_ADMIN_EMAIL").valid("root@example.com").refused("not-an-address"),
                row("POSTBOX_LOG_LEVEL").valid("debug", "WARN").refused("VERBOSE"));
    }

    @BeforeAll
    static void fakeStores() throws IOException {
        mysql = new ConnectionRecorder("mysql");
        cassandra = new ConnectionRecorder("cassandra");
        Files.writeString(dir.resolve("db-password"), "db-s3cret\n");
        Files.writeString(dir.resolve("cassandra-password"), "cassandra-s3cret\n");
    }

    @AfterAll
    static void closeStores() {
        if (mysql != null) {
            mysql.close();
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    /** External stores on the recorders; a short start-up wait so an accepted value ends soon. */
    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("POSTBOX_STORAGE", "external");
        env.put("POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://127.0.0.1:{db}/postbox");
        env.put("POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:{cassandra}");
        env.put("POSTBOX_HTTP_PORT", "0");
        env.put("POSTBOX_STARTUP_WAIT", "200ms");
        env.put("POSTBOX_DB_CONNECT_TIMEOUT", "250ms");
        return env;
    }

    private static Map<String, String> environment(Map<String, String> vars) {
        Map<String, String> env = base();
        env.putAll(vars);
        env.replaceAll((name, value) -> value.replace("{db}", Integer.toString(mysql.port()))
                .replace("{cassandra}", Integer.toString(cassandra.port())).replace("{dir}", dir.toString()));
        return env;
    }

    @Test
    void theTableHasARowForEveryVariableTheSettingsRead() {
        Env env = new Env(Map.of());
        Settings.from(env, Settings.Storage.EXTERNAL);
        assertThat(table()).extracting(Row::variable).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(new TreeSet<>(env.names()));
        assertThat(table()).allMatch(row -> !row.valid().isEmpty());
    }

    @TestFactory
    Stream<DynamicTest> refusedValuesStopServeBeforeAnyConnection() {
        return table().stream().flatMap(row -> row.refused().stream().map(vars -> DynamicTest.dynamicTest(
                row.variable() + " refuses " + vars, () -> assertRefused(row.variable(), environment(vars)))));
    }

    @TestFactory
    Stream<DynamicTest> acceptedValuesLetServeGoOnToTheStores() {
        return table().stream().flatMap(row -> row.valid().stream().map(vars -> DynamicTest.dynamicTest(
                row.variable() + " accepts " + vars, () -> assertAccepted(environment(vars)))));
    }

    @Test
    void configCheckPassesOnTheDefaultsAndOnAFullValidSet() {
        Cli.Result defaults = Cli.run(Map.of(), "config", "--check");
        assertThat(defaults.err()).isEmpty();
        assertThat(defaults.exit()).isZero();
        assertThat(defaults.out()).startsWith("Configuration is valid: ").contains(" 0 from the environment, 0 from files");

        Map<String, String> full = fullValidSet();
        Cli.Result check = Cli.run(full, "config", "--check");
        assertThat(check.err()).isEmpty();
        assertThat(check.exit()).isZero();
        Cli.Result shown = Cli.run(full, "config");
        assertThat(shown.exit()).isZero();
        List<String> rows = shown.out().lines().skip(1).toList();
        // every variable but the two _FILE ones has a row of its own, and none is at its default
        assertThat(rows).hasSize(table().size() - 2).noneMatch(line -> line.endsWith(" default"));
        assertThat(shown.out()).doesNotContain("db-s3cret", "cassandra-s3cret", ":pw@");
    }

    /** One valid value for every variable, none left at its default (a secret from its _FILE, the other directly). */
    private static Map<String, String> fullValidSet() {
        Map<String, String> vars = new LinkedHashMap<>();
        for (Row row : table()) {
            vars.putAll(row.valid().get(0));
        }
        vars.remove("POSTBOX_DB_PASSWORD");
        vars.remove("POSTBOX_CASSANDRA_PASSWORD_FILE");
        vars.put("POSTBOX_CASSANDRA_PASSWORD", "pw");
        assertThat(vars.keySet()).hasSize(table().size() - 2);
        return environment(vars);
    }

    private static void assertRefused(String variable, Map<String, String> env) {
        int mysqlBefore = mysql.connectionsSoFar();
        int cassandraBefore = cassandra.connectionsSoFar();
        Cli.Result serve = Cli.run(env, "serve");
        assertThat(serve.err().lines()).as("stderr of serve").singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("postbox: configuration error: ").contains(variable);
        assertThat(serve.exit()).as(serve.err()).isEqualTo(2);
        assertThat(serve.out()).isEmpty();
        assertThat(mysql.connectionsSoFar()).as("connections to MySQL").isEqualTo(mysqlBefore);
        assertThat(cassandra.connectionsSoFar()).as("connections to Cassandra").isEqualTo(cassandraBefore);

        Cli.Result check = Cli.run(env, "config", "--check");
        assertThat(check.err()).isEqualTo(serve.err());
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.out()).isEmpty();
    }

    private static void assertAccepted(Map<String, String> env) {
        int mysqlBefore = mysql.connectionsSoFar();
        Cli.Result serve = Cli.run(env, "serve");
        assertThat(serve.err()).doesNotContain("configuration error")
                .endsWith("postbox: The mysql store is unavailable; try again shortly.\n");
        assertThat(serve.exit()).isEqualTo(69);
        assertThat(mysql.connectionsSoFar()).as("serve went on to the MySQL primary").isGreaterThan(mysqlBefore);

        Cli.Result check = Cli.run(env, "config", "--check");
        assertThat(check.err()).isEmpty();
        assertThat(check.exit()).isZero();
    }
}
