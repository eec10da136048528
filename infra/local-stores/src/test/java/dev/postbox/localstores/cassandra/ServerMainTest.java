package dev.postbox.localstores.cassandra;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A node whose parent JVM vanishes (stdin closes) exits by itself. */
class ServerMainTest {

    /** Stands in for CassandraDaemon: would run forever. */
    public static final class Forever {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void exitsWhenItsStandardInputCloses() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-D" + ServerMain.MAIN_CLASS_PROPERTY + "=" + Forever.class.getName(), ServerMain.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(child.waitFor(1, TimeUnit.SECONDS)).as("still running while the pipe is open").isFalse();
            child.getOutputStream().close();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("exited after the pipe closed").isTrue();
            assertThat(child.exitValue()).isZero();
        } finally {
            child.destroyForcibly();
        }
    }
}
