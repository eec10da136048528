package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;
import dev.postbox.launcher.config.Settings;
import dev.postbox.localstores.cassandra.CassandraServerLib;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The variables the launcher really reads are the ones infra's files may set
 * ({@code infra/postbox-env-vars.txt}) and the ones {@code docs/configuration.md} documents.
 */
class EnvironmentVariablesTest {
    private static final Pattern NAME = Pattern.compile("POSTBOX_[A-Z0-9_]*[A-Z0-9]");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /**
     * Read through Env by the settings (every command reads them all, and {@code postbox config}
     * prints what they read), plus those read by the start script, logback and run's local
     * Cassandra node.
     */
    static Set<String> launcherVariables() throws IOException {
        Env env = new Env(Map.of());
        Settings.from(env, Settings.Storage.EXTERNAL);
        Set<String> names = new TreeSet<>(env.names());
        names.add(CassandraServerLib.LIB_ENV);
        names.add(CassandraServerLib.JAVA_ENV);
        names.addAll(mentioned(ROOT.resolve("launcher/src/dist/bin/postbox")));
        names.addAll(mentioned(ROOT.resolve("launcher/src/main/resources/logback.xml")));
        return names;
    }

    private static Set<String> mentioned(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(Files.readString(file));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    void infraListIsExactlyWhatTheLauncherReads() throws IOException {
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/postbox-env-vars.txt"))) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                listed.add(name);
            }
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(launcherVariables());
    }

    @Test
    void configurationDocDocumentsEveryVariable() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
        for (String name : launcherVariables()) {
            boolean documented = doc.contains("`" + name + "`") || doc.contains("`" + name + "` /")
                    || (name.endsWith("_FILE") && doc.contains("`" + name.substring(0, name.length() - 5) + "`"))
                    || doc.contains("`" + name.replaceFirst("^POSTBOX_CASSANDRA_", "_") + "`");
            assertThat(documented).as("docs/configuration.md documents %s", name).isTrue();
        }
        assertThat(launcherVariables()).contains("POSTBOX_HTTP_PORT", "POSTBOX_ADMIN_USERNAME", "POSTBOX_JAVA_OPTS",
                "POSTBOX_LOG_LEVEL", "POSTBOX_CASSANDRA_SERVER_LIB");
    }
}
