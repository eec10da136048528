package dev.postbox.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/postbox} of the built distribution: which Java runtime it starts, the start-up
 * archive the build recorded for that runtime, and its one-line error when there is no runtime.
 */
class DistributionScriptIT {
    private static final Path DIST = Path.of(System.getProperty("postbox.distribution", "target/postbox")).toAbsolutePath();

    record Run(int exit, String output) {
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(Stream.concat(Stream.of(DIST.resolve("bin/postbox").toString()), Stream.of(args)).toList())
                .redirectErrorStream(true);
        b.environment().remove("JAVA_HOME");
        b.environment().remove("POSTBOX_JAVA_OPTS");
        b.environment().putAll(env);
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(DIST.resolve("lib"))) {
            return files.filter(f -> f.getFileName().toString().matches("postbox-.+\\.(aot|jsa)")).toList();
        }
    }

    @Test
    void theBuildRecordedAnArchiveThatEveryStartMaps() throws Exception {
        assertThat(archives()).as("one archive, for the runtime the build's bin/postbox picked").hasSize(1);
        Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"), "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.output()).contains("dev.postbox.launcher.Main source: shared objects file");
    }

    @Test
    void ownJvmOptionsStillStartEvenWhereTheArchiveCannotServeThem() throws Exception {
        // a heap too small for the archive's objects: JDK 25 refuses to start with its AOT cache
        Run run = run(Map.of("POSTBOX_JAVA_OPTS", "-Xms64m -Xmx256m -XX:+UseSerialGC -Xmn64m"), "--version");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("postbox");
    }

    @Test
    void aMissingRuntimeIsOneLineAndExitTwo() throws Exception {
        Run run = run(Map.of("POSTBOX_JAVA_HOME", "/nonexistent/jdk"), "--version");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).isEqualTo(
                "postbox: no Java runtime found at '/nonexistent/jdk' (set POSTBOX_JAVA_HOME to a JDK 17 or later)\n");
    }

    @Test
    void theRuntimeOfTheBuildRunsItToo() throws Exception {
        Run run = run(Map.of("POSTBOX_JAVA_HOME", System.getProperty("java.home")), "--version");
        assertThat(run.exit()).as(run.output()).isZero();
    }
}
