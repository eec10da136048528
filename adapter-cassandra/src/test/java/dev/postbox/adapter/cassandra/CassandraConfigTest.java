package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CassandraConfigTest {

    @Test
    void defaults() {
        CassandraConfig config = CassandraConfig.fromEnvironment(Map.of());
        assertThat(config.contactPoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(config.localDatacenter()).isEqualTo("datacenter1");
        assertThat(config.keyspace()).isEqualTo("posts_db");
        assertThat(config.consistency()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
        assertThat(config.replication()).isEqualTo(new Replication.Simple(1));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.credentials()).isEmpty();
    }

    @Test
    void everyVariable() {
        CassandraConfig config = CassandraConfig.fromEnvironment(Map.of(
                "POSTBOX_CASSANDRA_CONTACT_POINTS", "10.0.0.1:9142, cass-2 ,[::1]:9043",
                "POSTBOX_CASSANDRA_LOCAL_DC", "eu-west",
                "POSTBOX_CASSANDRA_KEYSPACE", "posts_test",
                "POSTBOX_CASSANDRA_CONSISTENCY", "quorum",
                "POSTBOX_CASSANDRA_REPLICATION", "NetworkTopologyStrategy:eu-west=3,us-east=3",
                "POSTBOX_CASSANDRA_REQUEST_TIMEOUT", "750ms",
                "POSTBOX_CASSANDRA_USER", "app",
                "POSTBOX_CASSANDRA_PASSWORD_FILE", "/run/secrets/cassandra"),
                path -> {
                    assertThat(path).isEqualTo(Path.of("/run/secrets/cassandra"));
                    return "s3cret\n";
                });
        assertThat(config.contactPoints()).containsExactly(
                InetSocketAddress.createUnresolved("10.0.0.1", 9142),
                InetSocketAddress.createUnresolved("cass-2", 9042),
                InetSocketAddress.createUnresolved("::1", 9043));
        assertThat(config.localDatacenter()).isEqualTo("eu-west");
        assertThat(config.keyspace()).isEqualTo("posts_test");
        assertThat(config.consistency()).isEqualTo(DefaultConsistencyLevel.QUORUM);
        assertThat(config.replication()).hasToString("NetworkTopologyStrategy:eu-west=3,us-east=3");
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.credentials()).contains(new CassandraConfig.Credentials("app", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret").contains("user=app");
        assertThat(config.credentials().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POSTBOX_CASSANDRA_CONTACT_POINTS|  | POSTBOX_CASSANDRA_CONTACT_POINTS: contact points are empty; expected host:port[,host:port...]",
            "POSTBOX_CASSANDRA_CONTACT_POINTS| a:1,,b:2| POSTBOX_CASSANDRA_CONTACT_POINTS: contact point \"\" is not host:port",
            "POSTBOX_CASSANDRA_CONTACT_POINTS| host:99999| POSTBOX_CASSANDRA_CONTACT_POINTS: contact point \"host:99999\" has port 99999, not 1 to 65535",
            "POSTBOX_CASSANDRA_CONTACT_POINTS| host:x| POSTBOX_CASSANDRA_CONTACT_POINTS: contact point \"host:x\" is not host:port",
            "POSTBOX_CASSANDRA_CONTACT_POINTS| ::1:9042| POSTBOX_CASSANDRA_CONTACT_POINTS: contact point \"::1:9042\" is not host:port",
            "POSTBOX_CASSANDRA_KEYSPACE| posts-db| POSTBOX_CASSANDRA_KEYSPACE: keyspace \"posts-db\" must start with a letter and have at most 48 letters, digits or '_'",
            "POSTBOX_CASSANDRA_CONSISTENCY| ANY| POSTBOX_CASSANDRA_CONSISTENCY: consistency \"ANY\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM",
            "POSTBOX_CASSANDRA_CONSISTENCY| EACH_QUORUM| POSTBOX_CASSANDRA_CONSISTENCY: consistency \"EACH_QUORUM\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM",
            "POSTBOX_CASSANDRA_REPLICATION| SimpleStrategy:x| POSTBOX_CASSANDRA_REPLICATION: replication factor \"x\" is not a whole number from 1 to 99",
            "POSTBOX_CASSANDRA_REQUEST_TIMEOUT| 2| POSTBOX_CASSANDRA_REQUEST_TIMEOUT: duration \"2\" is not a number followed by ms, s, m, h or d",
            "POSTBOX_CASSANDRA_REQUEST_TIMEOUT| 0s| POSTBOX_CASSANDRA_REQUEST_TIMEOUT: request timeout must be more than 0",
            "POSTBOX_CASSANDRA_LOCAL_DC| ' '| POSTBOX_CASSANDRA_LOCAL_DC: local datacenter is empty",
    })
    void badValuesNameTheirVariable(String variable, String value, String message) {
        assertThatThrownBy(() -> CassandraConfig.fromEnvironment(Map.of(variable, value == null ? "" : value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void passwordRulesForCredentials() {
        assertThatThrownBy(() -> CassandraConfig.fromEnvironment(Map.of("POSTBOX_CASSANDRA_USER", "app")))
                .hasMessage("POSTBOX_CASSANDRA_USER is set but neither POSTBOX_CASSANDRA_PASSWORD nor POSTBOX_CASSANDRA_PASSWORD_FILE is");
        assertThatThrownBy(() -> CassandraConfig.fromEnvironment(Map.of("POSTBOX_CASSANDRA_PASSWORD", "p")))
                .hasMessage("a Cassandra password is set but POSTBOX_CASSANDRA_USER is not");
        assertThatThrownBy(() -> CassandraConfig.fromEnvironment(Map.of("POSTBOX_CASSANDRA_USER", "app",
                "POSTBOX_CASSANDRA_PASSWORD", "p", "POSTBOX_CASSANDRA_PASSWORD_FILE", "/f")))
                .hasMessage("POSTBOX_CASSANDRA_PASSWORD and POSTBOX_CASSANDRA_PASSWORD_FILE are both set; use one");
        assertThatThrownBy(() -> CassandraConfig.fromEnvironment(Map.of("POSTBOX_CASSANDRA_USER", "app",
                "POSTBOX_CASSANDRA_PASSWORD_FILE", "/does/not/exist")))
                .hasMessage("POSTBOX_CASSANDRA_PASSWORD_FILE: cannot read /does/not/exist");
        assertThat(CassandraConfig.fromEnvironment(Map.of("POSTBOX_CASSANDRA_USER", "app", "POSTBOX_CASSANDRA_PASSWORD", "pw"))
                .credentials()).contains(new CassandraConfig.Credentials("app", "pw"));
    }

    @Test
    void withersKeepTheRest() {
        CassandraConfig base = CassandraConfig.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        CassandraConfig changed = base.withKeyspace("other").withConsistency(DefaultConsistencyLevel.ONE)
                .withRequestTimeout(Duration.ofSeconds(5)).withCredentials("u", "p").withLocalDatacenter("dc9")
                .withReplication(new Replication.Simple(3));
        assertThat(changed).isEqualTo(new CassandraConfig(base.contactPoints(), "dc9", "other", DefaultConsistencyLevel.ONE,
                new Replication.Simple(3), Duration.ofSeconds(5), Optional.of(new CassandraConfig.Credentials("u", "p"))));
        assertThat(base.contactPoints()).isEqualTo(List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042)));
    }

    @Test
    void durations() {
        assertThat(CassandraConfig.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CassandraConfig.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(CassandraConfig.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(CassandraConfig.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(CassandraConfig.parseDuration("14d")).isEqualTo(Duration.ofDays(14));
    }
}
