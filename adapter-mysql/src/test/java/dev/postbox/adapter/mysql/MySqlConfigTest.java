package dev.postbox.adapter.mysql;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlConfigTest {
    @Test
    void defaultsAreSmallPoolsAndATwoSecondConnectTimeout() {
        MySqlConfig config = MySqlConfig.of("jdbc:mysql://127.0.0.1:3306/postbox", null, "postbox", "s3cret");

        assertThat(config.replicaUrl()).isEqualTo(config.primaryUrl());
        assertThat(config.hasSeparateReplica()).isFalse();
        assertThat(config.primaryPoolSize()).isEqualTo(4);
        assertThat(config.replicaPoolSize()).isEqualTo(4);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.withUrls(config.primaryUrl(), "jdbc:mysql://127.0.0.1:3307/postbox").hasSeparateReplica()).isTrue();
    }

    @Test
    void toStringShowsNeitherThePasswordNorUrlProperties() {
        MySqlConfig config = MySqlConfig.of("jdbc:mysql://db:3306/postbox?password=inurl", "jdbc:mysql://db:3307/postbox",
                "postbox", "s3cret");

        assertThat(config.toString()).contains("jdbc:mysql://db:3306/postbox", "postbox")
                .doesNotContain("s3cret", "inurl");
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThatThrownBy(() -> MySqlConfig.of("postgres://x", null, "u", "p")).isInstanceOf(IllegalArgumentException.class);
        MySqlConfig ok = MySqlConfig.of("jdbc:mysql://h/db", null, "u", "p");
        assertThatThrownBy(() -> ok.withPoolSizes(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withConnectTimeout(Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void likePatternsEscapeWildcardsAndTheEscapeCharacter() {
        assertThat(MySqlUserRepository.escapeLike("a_b%c!d")).isEqualTo("a!_b!%c!!d");
        assertThat(MySqlUserRepository.escapeLike("plain")).isEqualTo("plain");
    }
}
