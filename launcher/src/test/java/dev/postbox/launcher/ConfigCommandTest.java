package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code postbox config}: what it prints, and that it prints what the settings read. */
class ConfigCommandTest {

    @Test
    void printsEverySettingTheSettingsReadInTheirOrderWithItsSource() {
        Cli.Result result = Cli.run(Map.of("POSTBOX_HTTP_PORT", "8081", "POSTBOX_CASSANDRA_CONSISTENCY", "quorum"), "config");
        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).matches("VARIABLE +VALUE +SOURCE");

        Env env = new Env(Map.of());
        Settings.from(env, Settings.Storage.EXTERNAL);
        List<String> printed = lines.stream().skip(1).map(line -> line.split(" +")[0]).toList();
        assertThat(printed).containsExactlyElementsOf(env.settings().stream().map(Env.Setting::name).toList());
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("POSTBOX_HTTP_PORT +8081 +environment"))
                .anySatisfy(line -> assertThat(line).matches("POSTBOX_HTTP_HOST +127\\.0\\.0\\.1 +default"))
                .anySatisfy(line -> assertThat(line).matches("POSTBOX_CASSANDRA_CONSISTENCY +quorum +environment"))
                .anySatisfy(line -> assertThat(line).matches("POSTBOX_SESSION_MAX_AGE +14d +default"))
                .anySatisfy(line -> assertThat(line).matches("POSTBOX_DB_PASSWORD +\\(not set\\) +default"));
        assertThat(Cli.run(Map.of("POSTBOX_HTTP_PORT", "8081", "POSTBOX_CASSANDRA_CONSISTENCY", "quorum"), "config").out())
                .as("the same settings print the same lines").isEqualTo(result.out());
    }

    @Test
    void secretsAreMaskedFilesNamedAndUrlsShownWithoutCredentials(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cassandra-password"), "file-s3cret\n");
        Cli.Result result = Cli.run(Map.of(
                "POSTBOX_DB_PASSWORD", "env-s3cret",
                "POSTBOX_DB_PRIMARY_URL", "jdbc:mysql://admin:url-s3cret@db:3306/postbox?password=url-s3cret",
                "POSTBOX_CASSANDRA_USER", "app",
                "POSTBOX_CASSANDRA_PASSWORD_FILE", file.toString()), "config");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain("s3cret")
                .containsPattern("POSTBOX_DB_PASSWORD +\\*{8} +environment\n")
                .containsPattern("POSTBOX_CASSANDRA_PASSWORD +\\*{8} +file POSTBOX_CASSANDRA_PASSWORD_FILE=" + file + "\n")
                .containsPattern("POSTBOX_DB_PRIMARY_URL +jdbc:mysql://db:3306/postbox\\?… +environment\n")
                .containsPattern("POSTBOX_DB_REPLICA_URL +jdbc:mysql://db:3306/postbox\\?… +default\n")
                .containsPattern("POSTBOX_CASSANDRA_USER +app +environment\n");
    }

    @Test
    void aBadValueStopsItLikeServe() {
        Map<String, String> env = Map.of("POSTBOX_CASSANDRA_CONSISTENCY", "ANY", "POSTBOX_STORAGE", "memory");
        String line = "postbox: configuration error: POSTBOX_CASSANDRA_CONSISTENCY: consistency \"ANY\" is not one of "
                + "ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM\n";
        for (String[] args : new String[][] {{"config"}, {"config", "--check"}, {"serve"}}) {
            Cli.Result result = Cli.run(env, args);
            assertThat(result.err()).as(String.join(" ", args)).isEqualTo(line);
            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void checkSaysHowManySettingsCameFromWhere(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("db-password"), "pw\n");
        Cli.Result result = Cli.run(Map.of("POSTBOX_HTTP_PORT", "8081", "POSTBOX_DB_PASSWORD_FILE", file.toString()), "config", "--check");
        assertThat(result.exit()).isZero();
        Env env = new Env(Map.of());
        Settings.from(env, Settings.Storage.EXTERNAL);
        assertThat(result.out()).isEqualTo("Configuration is valid: " + env.settings().size()
                + " settings, 1 from the environment, 1 from files.\n");
    }
}
