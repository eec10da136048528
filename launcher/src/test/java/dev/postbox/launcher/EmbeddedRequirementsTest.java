package dev.postbox.launcher;

import dev.postbox.localstores.mariadb.LocalMariaDb;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedRequirementsTest {
    private static final ClassLoader WITH_RUNNERS = EmbeddedRequirementsTest.class.getClassLoader();
    /** Sees the JDK only, as the app's classpath without run-lib/ sees no runner. */
    private static final ClassLoader WITHOUT_RUNNERS = ClassLoader.getPlatformClassLoader();

    @Test
    void namesTheRunnerItLooksFor() {
        assertThat(EmbeddedRequirements.RUNNER_CLASS).isEqualTo(LocalMariaDb.class.getName());
    }

    @Test
    void linuxX8664WithTheRunnersIsEnough() {
        assertThatCode(() -> EmbeddedRequirements.check(WITH_RUNNERS, "Linux", "amd64")).doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedRequirements.check(WITH_RUNNERS, "Linux", "x86_64")).doesNotThrowAnyException();
    }

    @Test
    void withoutTheRunnersItSaysWhatToUseInstead() {
        assertThatThrownBy(() -> EmbeddedRequirements.check(WITHOUT_RUNNERS, "Linux", "amd64"))
                .isInstanceOf(UsageException.class)
                .hasMessage("embedded storage needs the local MariaDB and Cassandra runners (run-lib/ of the distribution),"
                        + " which this installation does not have; use memory storage (run --storage memory, or"
                        + " POSTBOX_STORAGE=memory) or external stores (postbox serve)");
    }

    @Test
    void elsewhereThanLinuxX8664ItSaysWhy() {
        assertThatThrownBy(() -> EmbeddedRequirements.check(WITH_RUNNERS, "Mac OS X", "aarch64"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("embedded storage runs MariaDB's Linux x86-64 binaries, and this is Mac OS X on aarch64;");
        assertThatThrownBy(() -> EmbeddedRequirements.check(WITH_RUNNERS, "Linux", "aarch64"))
                .isInstanceOf(UsageException.class).hasMessageContaining("this is Linux on aarch64");
    }
}
