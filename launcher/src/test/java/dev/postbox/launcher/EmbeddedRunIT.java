package dev.postbox.launcher;

import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code postbox run} on the real embedded MariaDB and Cassandra, in this JVM: the data survives a
 * restart on the same folder, the operator commands work against the same stores, and no store
 * process outlives a stop. One embedded start per run of the class (each takes a minute or two).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedRunIT {
    private static final Duration START = Duration.ofMinutes(8);
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("Created the administrator \"admin\" with the password:\\s+(\\S+)");
    private static final String PASSWORD = "embedded-passphrase-2024";
    private static final String USER = "alice" + UUID.randomUUID().toString().substring(0, 6);
    private static final String POST = "written before the restart " + UUID.randomUUID();

    private static Path dataDir;
    private static InProcessPostbox postbox;
    private static String adminPassword;

    @BeforeAll
    static void start() {
        dataDir = Path.of("target", "embedded-it-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        postbox = startRun();
        Matcher m = ADMIN_PASSWORD.matcher(postbox.out());
        assertThat(m.find()).as("first start prints the administrator's password:\n%s", postbox.out()).isTrue();
        adminPassword = m.group(1);
    }

    @AfterAll
    static void stop() throws IOException {
        if (postbox != null) {
            postbox.close();
        }
        // a few hundred MB of binaries and data per run; kept when a store is somehow still running
        if (postbox != null && noStoreRunning()) {
            try (var files = java.nio.file.Files.walk(dataDir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        }
    }

    private static boolean noStoreRunning() {
        return !stack().mariaDb().isRunning() && !stack().cassandraNode().isRunning();
    }

    private static InProcessPostbox startRun() {
        return InProcessPostbox.start(START, Map.of("POSTBOX_DATA_DIR", dataDir.toString()), "run", "--port", "0");
    }

    private static EmbeddedStack stack() {
        return (EmbeddedStack) postbox.running().stack();
    }

    /** The operator commands' view of the embedded stores: external storage pointed at them. */
    private static Map<String, String> externalEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("POSTBOX_STORAGE", "external");
        env.put("POSTBOX_DB_PRIMARY_URL", stack().mariaDb().jdbcUrl("postbox"));
        env.put("POSTBOX_DB_USER", "postbox");
        env.put("POSTBOX_DB_PASSWORD_FILE", dataDir.resolve("db-password").toString());
        env.put("POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + stack().cassandraNode().nativePort());
        env.put("POSTBOX_STARTUP_WAIT", "2m");
        return env;
    }

    @Test
    @Order(1)
    void progressSaysWhatItWaitsFor() {
        assertThat(postbox.err()).contains("First start: creating the embedded stores' data in " + dataDir,
                "Starting Cassandra 5.0", "MariaDB is up on 127.0.0.1:", "Cassandra is up, CQL on 127.0.0.1:");
        assertThat(postbox.err().lines()).allMatch(line -> line.matches("\\[\\s*\\d+s\\] .*"), "every line a progress line");
        assertThat(postbox.out()).contains("Postbox is running at " + postbox.base() + "/", "embedded MariaDB on 127.0.0.1:");
    }

    @Test
    @Order(2)
    void signUpLogInPostAndList() {
        WebClient browser = new WebClient(postbox.base());
        assertThat(browser.signUp(USER, PASSWORD).statusCode()).isEqualTo(303);
        WebClient other = new WebClient(postbox.base());
        assertThat(other.logIn(USER, PASSWORD).statusCode()).isEqualTo(303);
        assertThat(other.post(POST).statusCode()).isEqualTo(303);
        HttpResponse<String> list = other.get("/posts/list");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(POST);
        assertThat(new WebClient(postbox.base()).get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(new WebClient(postbox.base()).logIn("admin", adminPassword).statusCode()).isEqualTo(303);
    }

    @Test
    @Order(3)
    void migrateAgainFindsNothingToDo() {
        for (int run = 0; run < 2; run++) {
            Cli.Result result = Cli.run(externalEnv(), "migrate");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).matches("Migrations done: MySQL 0 applied; Cassandra 0 applied, [1-9]\\d* already there\\.\\n");
        }
    }

    @Test
    @Order(4)
    void createsuperuserWritesToTheStoresAndRefusesADuplicate() {
        String name = "root" + UUID.randomUUID().toString().substring(0, 6);
        Cli.Result created = Cli.withStdin(externalEnv(), "root-passphrase-2024\n",
                "createsuperuser", "--username", name, "--email", name + "@example.com", "--password-stdin");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("Superuser \"" + name + "\" created.\n");
        User user = postbox.running().stack().storage().users().findByUsername(new Username(name)).orElseThrow();
        assertThat(user.superuser()).isTrue();
        assertThat(user.staff()).isTrue();
        assertThat(new WebClient(postbox.base()).logIn(name, "root-passphrase-2024").statusCode()).isEqualTo(303);

        Cli.Result duplicate = Cli.withStdin(externalEnv(), "another-passphrase-2024\n",
                "createsuperuser", "--username", name, "--email", name + "@example.com", "--password-stdin");
        assertThat(duplicate.exit()).isEqualTo(73);
        assertThat(duplicate.errWithoutProgress()).isEqualTo("postbox: A user with that username already exists.\n");
    }

    @Test
    @Order(5)
    void clearsessionsDeletesOnlyExpiredSessions() {
        User admin = postbox.running().stack().storage().users().findByUsername(new Username("admin")).orElseThrow();
        Instant longAgo = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            postbox.running().stack().storage().sessions().insert(new Session(SessionToken.random().hash(), admin.id(),
                    longAgo, longAgo, longAgo.plus(Duration.ofDays(14)), "secret" + i));
        }
        Cli.Result result = Cli.run(externalEnv(), "clearsessions");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Deleted 3 expired sessions.\n");
        assertThat(Cli.run(externalEnv(), "clearsessions").out()).isEqualTo("Deleted 0 expired sessions.\n");
    }

    @Test
    @Order(6)
    void restartKeepsUsersAndPostsAndStopsTheStores() throws IOException {
        List<Long> firstPids = List.of(stack().mariaDb().pid(), stack().cassandraNode().pid());
        assertThat(firstPids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(postbox.stop()).isZero();
        assertGone(firstPids);

        postbox = startRun();
        assertThat(postbox.out()).doesNotContain("Created the administrator");
        assertThat(postbox.err()).contains("Reusing the embedded stores' data in " + dataDir);
        WebClient browser = new WebClient(postbox.base());
        assertThat(browser.logIn(USER, PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> list = browser.get("/posts/list");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(POST);
        assertThat(new WebClient(postbox.base()).logIn("admin", adminPassword).statusCode()).isEqualTo(303);

        List<Long> secondPids = List.of(stack().mariaDb().pid(), stack().cassandraNode().pid());
        assertThat(postbox.stop()).isZero();
        assertGone(secondPids);
    }

    private static void assertGone(List<Long> pids) {
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d is gone", pid).isFalse();
        }
    }
}
