package dev.postbox.adapter.mysql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThatThrownBy(() -> ok.withPoolSizes(0, 4)).hasMessage("pool size 0 is not between 1 and 200");
        assertThatThrownBy(() -> ok.withPoolSizes(4, 201)).hasMessage("pool size 201 is not between 1 and 200");
        assertThatThrownBy(() -> ok.withConnectTimeout(Duration.ofMillis(100)))
                .hasMessage("connect timeout 100 ms is under the least, 250 ms");
        assertThat(MySqlConfig.requireConnectTimeout(Duration.ofMillis(250))).isEqualTo(Duration.ofMillis(250));
        assertThat(MySqlConfig.requirePoolSize(200)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://127.0.0.1:3306/postbox", "jdbc:mysql://db/postbox?useSSL=false",
            "jdbc:mysql://app:p@ss@[::1]:3306/postbox", "jdbc:mysql:loadbalance://h1:3306,h2:3306/postbox",
            "jdbc:mysql:replication://h1,h2/postbox?password=x"})
    void urlsTheDriverTakes(String url) {
        assertThat(MySqlConfig.parseUrl(url)).isEqualTo(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgres://x/y|postgres://x/y",
            "jdbc:mysql://|jdbc:mysql://",
            "jdbc:mysql://:3307|jdbc:mysql://:3307",
            "jdbc:mysql://db:3306|jdbc:mysql://db:3306",
            "jdbc:mysql:///postbox?password=hunter2|jdbc:mysql:///postbox?…",
            "jdbc:mysql://admin:hunter2@/postbox|jdbc:mysql:///postbox",
            "jdbc:mysql://db host/postbox|jdbc:mysql://db host/postbox",
            "jdbc:mysql://db/a/b|jdbc:mysql://db/a/b",
    })
    void urlsRefusedWithoutTheirCredentials(String url, String shown) {
        assertThatThrownBy(() -> MySqlConfig.parseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URL \"" + shown + "\" is not a MySQL JDBC URL like jdbc:mysql://127.0.0.1:3306/postbox"
                        + " (host[:port][,host[:port]...], then /database)")
                .message().doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://127.0.0.1:3306/postbox|jdbc:mysql://127.0.0.1:3306/postbox",
            "jdbc:mysql://db/postbox?user=app&password=s3cret|jdbc:mysql://db/postbox?…",
            "jdbc:mysql://app:s3cret@db:3306/postbox|jdbc:mysql://db:3306/postbox",
            "jdbc:mysql://app:p@ss@h1,h2/postbox?sslMode=REQUIRED|jdbc:mysql://h1,h2/postbox?…",
    })
    void credentialsNeverShow(String url, String shown) {
        assertThat(MySqlConfig.shown(url)).isEqualTo(shown).doesNotContain("s3cret").doesNotContain("p@ss");
        assertThat(MySqlConfig.of(url, null, "app", "pw").toString()).contains(shown).doesNotContain("s3cret");
    }

    @Test
    void likePatternsEscapeWildcardsAndTheEscapeCharacter() {
        assertThat(MySqlUserRepository.escapeLike("a_b%c!d")).isEqualTo("a!_b!%c!!d");
        assertThat(MySqlUserRepository.escapeLike("plain")).isEqualTo("plain");
    }
}
