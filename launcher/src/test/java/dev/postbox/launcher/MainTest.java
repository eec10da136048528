package dev.postbox.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as an operator meets it: help, exit codes, messages. */
class MainTest {
    private static final Map<String, String> MEMORY = Map.of("POSTBOX_STORAGE", "memory");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serve|--help, --version",
            "run|--storage=KIND, --port=<port>",
            "migrate|--help",
            "createsuperuser|--username=<username>, --email=<email>, --password-stdin",
            "collectstatic|--to=DIR",
            "clearsessions|--help",
            "selfcheck|--help",
            "config|--check"})
    void everyCommandHasHelp(String command, String options) {
        Cli.Result result = Cli.run(Map.of(), command, "--help");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: postbox " + command);
        for (String option : options.split(", ")) {
            assertThat(result.out()).contains(option);
        }
        assertThat(result.err()).isEmpty();
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        Cli.Result result = Cli.run(Map.of(), "--help");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("serve", "run", "migrate", "createsuperuser", "collectstatic", "clearsessions",
                "selfcheck", "config", "Exit codes:", "2    bad usage or configuration", "73   conflict (e.g. username taken)");
    }

    @Test
    void selfcheckWalksTheAppOnMemoryStorageWhateverTheSettings() {
        // settings that would break a serve: selfcheck ignores them and uses memory on a free port
        Cli.Result result = Cli.run(Map.of("POSTBOX_STORAGE", "external", "POSTBOX_HTTP_PORT", "1",
                "POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://127.0.0.1:1/none"), "selfcheck");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("ok  sign up (303)", "ok  write a post (303)", "ok  list page (200)",
                "ok  API list (200)", "ok  stylesheet (200)", "ok  log in (303)", "ok  unknown page (404)",
                "selfcheck: every step answered as expected");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result result = Cli.run(Map.of(), "frobnicate");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("postbox: Unmatched argument at index 0: 'frobnicate'")
                .contains("Try 'postbox --help'.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli.Result result = Cli.run(MEMORY, "createsuperuser", "--username", "root");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("postbox: Missing required option: '--email=<email>'\n"
                + "Try 'postbox createsuperuser --help'.\n");
    }

    /**
     * Every command that reads the settings stops on a malformed one with one line naming it,
     * exit 2, before any connection: the stores named here do not exist (a closed port), so any
     * attempt to reach them would first print "waiting for ..." progress and end with exit 69,
     * not 2. {@code EveryVariableTest} runs every variable through {@code serve} and {@code config}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serve|POSTBOX_HTTP_PORT|http|POSTBOX_HTTP_PORT: must be a TCP port number from 1 to 65535 (0 picks a free one), got \"http\"",
            "serve|POSTBOX_DB_PRIMARY_URL|mysql://db/postbox|POSTBOX_DB_PRIMARY_URL: URL \"mysql://db/postbox\" is not a MySQL JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox (host[:port][,host[:port]...], then /database)",
            "migrate|POSTBOX_DB_REPLICA_URL|jdbc:mysql://:3307|POSTBOX_DB_REPLICA_URL: URL \"jdbc:mysql://:3307\" is not a MySQL JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox (host[:port][,host[:port]...], then /database)",
            "serve|POSTBOX_CASSANDRA_CONSISTENCY|ANY|POSTBOX_CASSANDRA_CONSISTENCY: consistency \"ANY\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM",
            "clearsessions|POSTBOX_CASSANDRA_REQUEST_TIMEOUT|2 seconds|POSTBOX_CASSANDRA_REQUEST_TIMEOUT: must be a duration such as 500ms, 30s, 5m, 2h or 14d, got \"2 seconds\"",
            "serve|POSTBOX_STARTUP_WAIT|0s|POSTBOX_STARTUP_WAIT: must be longer than zero, got \"0s\"",
            "serve|POSTBOX_STORAGE|sqlite|POSTBOX_STORAGE: must be one of external, embedded, memory, got \"sqlite\"",
            "run|POSTBOX_STORAGE|cloud|POSTBOX_STORAGE: must be one of external, embedded, memory, got \"cloud\"",
            "config|POSTBOX_CASSANDRA_CONTACT_POINTS|db1:nine|POSTBOX_CASSANDRA_CONTACT_POINTS: contact point \"db1:nine\" is not host:port",
            "serve|POSTBOX_DB_POOL_SIZE|lots|POSTBOX_DB_POOL_SIZE: must be a whole number, got \"lots\"",
            "serve|POSTBOX_SECURE_COOKIES|sometimes|POSTBOX_SECURE_COOKIES: secure cookies must be one of auto, always, never (got 'sometimes')",
            "run|POSTBOX_ADMIN_USERNAME|two words|POSTBOX_ADMIN_USERNAME: username \"two words\" is not valid: Usernames may contain only letters, digits and @ . + - _ characters.",
            "createsuperuser|POSTBOX_LOG_LEVEL|VERBOSE|POSTBOX_LOG_LEVEL: must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, got \"VERBOSE\"",
    })
    void malformedVariableStopsWithOneLineAndExit2(String command, String variable, String value, String message) throws IOException {
        Map<String, String> env = unreachableStores();
        if (command.equals("run")) {
            env.put("POSTBOX_STORAGE", "memory");
        }
        env.put(variable, value);
        Cli.Result result = command.equals("createsuperuser")
                ? Cli.run(env, "createsuperuser", "--username", "x", "--email", "x@example.com", "--password-stdin")
                : Cli.run(env, command);
        assertThat(result.err()).isEqualTo("postbox: configuration error: " + message + "\n");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void passwordFileThatCannotBeReadIsAConfigurationError(@TempDir Path dir) throws IOException {
        Map<String, String> env = unreachableStores();
        env.put("POSTBOX_DB_PASSWORD_FILE", dir.resolve("missing").toString());
        Cli.Result result = Cli.run(env, "migrate");
        assertThat(result.err()).isEqualTo("postbox: configuration error: POSTBOX_DB_PASSWORD_FILE: cannot read the file \""
                + dir.resolve("missing") + "\"\n");
        assertThat(result.exit()).isEqualTo(2);
    }

    @Test
    void credentialsInAMalformedUrlAreNotEchoed() throws IOException {
        Map<String, String> env = unreachableStores();
        env.put("POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://admin:hunter2@/postbox?password=hunter2");
        Cli.Result result = Cli.run(env, "serve");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).doesNotContain("hunter2").contains("URL \"jdbc:mysql:///postbox?…\"");
    }

    @Test
    void unreachableStoresAreReportedAsUnavailable() throws IOException {
        Map<String, String> env = unreachableStores();
        env.put("POSTBOX_DB_PRIMARY_URL", env.get("POSTBOX_DB_PRIMARY_URL") + "?password=hunter2&useSSL=false");
        env.put("POSTBOX_STARTUP_WAIT", "1s");
        Cli.Result result = Cli.run(env, "migrate");
        assertThat(result.exit()).isEqualTo(69);
        assertThat(result.err()).contains("connecting to the MySQL primary at " + env.get("POSTBOX_DB_PRIMARY_URL").replaceFirst("\\?.*", "?…"))
                .endsWith("postbox: The mysql store is unavailable; try again shortly.\n")
                .doesNotContain("hunter2");
    }

    @Test
    void runRefusesExternalStorage() {
        Cli.Result result = Cli.run(Map.of("POSTBOX_STORAGE", "external"), "run");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("postbox: run: is for embedded or memory storage; use 'postbox serve' with external stores\n");
        Cli.Result flag = Cli.run(Map.of(), "run", "--storage", "external");
        assertThat(flag.err()).isEqualTo("postbox: run: --storage must be embedded or memory, got \"external\"\n");
        assertThat(flag.exit()).isEqualTo(2);
    }

    @Test
    void createsuperuserReadsThePasswordFromStdin() {
        Cli.Result result = Cli.withStdin(MEMORY, "a-long-enough-passphrase-7\n",
                "createsuperuser", "--username", "root", "--email", "root@example.com", "--password-stdin");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("Superuser \"root\" created.\n");
    }

    @Test
    void createsuperuserRefusesAWeakPasswordWithThePolicyMessage() {
        Cli.Result tooShort = Cli.withStdin(MEMORY, "short\n",
                "createsuperuser", "--username", "root", "--email", "root@example.com", "--password-stdin");
        assertThat(tooShort.err()).isEqualTo("postbox: This password is too short. It must contain at least 12 characters.\n");
        assertThat(tooShort.exit()).isEqualTo(65);
        Cli.Result common = Cli.withStdin(MEMORY, "password1234\n",
                "createsuperuser", "--username", "root", "--email", "root@example.com", "--password-stdin");
        assertThat(common.err()).isEqualTo("postbox: This password is too common.\n");
        assertThat(common.exit()).isEqualTo(65);
    }

    @Test
    void createsuperuserWithoutATerminalNeedsPasswordStdin() {
        Cli.Result result = Cli.run(MEMORY, "createsuperuser", "--username", "root", "--email", "root@example.com");
        assertThat(result.err()).isEqualTo(
                "postbox: createsuperuser: no terminal to ask for the password; pipe it in with --password-stdin\n");
        assertThat(result.exit()).isEqualTo(2);
        Cli.Result empty = Cli.withStdin(MEMORY, "", "createsuperuser", "--username", "root", "--email", "root@example.com",
                "--password-stdin");
        assertThat(empty.err()).isEqualTo(
                "postbox: createsuperuser: --password-stdin was given but standard input had no password\n");
        assertThat(empty.exit()).isEqualTo(2);
    }

    @Test
    void collectstaticWritesHashedFilesAndAManifest(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("static");
        Cli.Result result = Cli.run(Map.of(), "collectstatic", "--to", target.toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("static files collected into " + target.toAbsolutePath() + " (manifest: staticfiles.json)");

        JsonNode manifest = new ObjectMapper().readTree(target.resolve("staticfiles.json").toFile());
        JsonNode paths = manifest.has("paths") ? manifest.get("paths") : manifest;
        assertThat(paths.size()).isGreaterThanOrEqualTo(2);
        paths.fields().forEachRemaining(entry -> {
            String plain = entry.getKey();
            String hashed = entry.getValue().asText();
            assertThat(hashed).isNotEqualTo(plain).matches(".*\\.[0-9a-f]{8,}\\.[a-z0-9]+");
            try {
                assertThat(Files.readAllBytes(target.resolve(hashed))).isEqualTo(Files.readAllBytes(target.resolve(plain)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(paths.has("postbox.css")).isTrue();
    }

    @Test
    void clearsessionsPrintsHowManyItDeleted() {
        Cli.Result result = Cli.run(MEMORY, "clearsessions");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("Deleted 0 expired sessions.\n");
    }

    @Test
    void migrateOnMemoryHasNothingToDo() {
        Cli.Result result = Cli.run(MEMORY, "migrate");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("Migrations done: nothing to migrate in memory.\n");
    }

    /** External stores on ports nothing listens on. */
    static Map<String, String> unreachableStores() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>();
        env.put("POSTBOX_STORAGE", "external");
        env.put("POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://127.0.0.1:" + closed + "/postbox");
        env.put("POSTBOX_CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + closed);
        env.put("POSTBOX_HTTP_PORT", "0");
        return env;
    }
}
