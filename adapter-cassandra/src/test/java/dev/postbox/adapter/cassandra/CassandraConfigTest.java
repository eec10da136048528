package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CassandraConfigTest {
    private static final List<InetSocketAddress> LOCAL = List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042));

    @Test
    void defaults() {
        CassandraConfig config = CassandraConfig.of(LOCAL);
        assertThat(config.localDatacenter()).isEqualTo("datacenter1");
        assertThat(config.keyspace()).isEqualTo("posts_db");
        assertThat(config.consistency()).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
        assertThat(config.replication()).isEqualTo(new Replication.Simple(1));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.credentials()).isEmpty();
    }

    @Test
    void contactPointsTakeHostsIpv4AndBracketedIpv6() {
        List<InetSocketAddress> points = CassandraConfig.parseContactPoints("10.0.0.1:9142, cass-2 ,[::1]:9043,[fd00::5]");
        assertThat(points).containsExactly(
                InetSocketAddress.createUnresolved("10.0.0.1", 9142),
                InetSocketAddress.createUnresolved("cass-2", 9042),
                InetSocketAddress.createUnresolved("::1", 9043),
                InetSocketAddress.createUnresolved("fd00::5", 9042));
        assertThat(CassandraConfig.of(points).contactPointsText()).isEqualTo("10.0.0.1:9142,cass-2:9042,[::1]:9043,[fd00::5]:9042");
        assertThat(CassandraConfig.parseContactPoints(CassandraConfig.of(points).contactPointsText())).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  '| contact points are empty; expected host:port[,host:port...]",
            " a:1,,b:2| contact point \"\" is not host:port",
            " host:99999| contact point \"host:99999\" has port 99999, not 1 to 65535",
            " host:0| contact point \"host:0\" has port 0, not 1 to 65535",
            " host:x| contact point \"host:x\" is not host:port",
            " ::1:9042| contact point \"::1:9042\" is not host:port",
            " two words:9042| contact point \"two words:9042\" is not host:port",
    })
    void badContactPoints(String text, String message) {
        assertThatThrownBy(() -> CassandraConfig.parseContactPoints(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void consistencyLevelsThatServeReadsAndWrites() {
        assertThat(CassandraConfig.parseConsistency(" quorum ")).isEqualTo(DefaultConsistencyLevel.QUORUM);
        assertThat(CassandraConfig.parseConsistency("LOCAL_ONE")).isEqualTo(DefaultConsistencyLevel.LOCAL_ONE);
        for (String refused : List.of("ANY", "EACH_QUORUM", "SERIAL", "LOCAL_SERIAL", "BOGUS", "")) {
            assertThatThrownBy(() -> CassandraConfig.parseConsistency(refused))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("consistency \"" + refused + "\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM");
        }
        // the constructor applies the same rule to a level given in code
        assertThatThrownBy(() -> CassandraConfig.of(LOCAL).withConsistency(DefaultConsistencyLevel.ANY))
                .hasMessage("consistency \"ANY\" is not one of ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM");
    }

    @Test
    void keyspaceDatacenterAndTimeoutRules() {
        assertThat(CassandraConfig.requireKeyspace("posts_test")).isEqualTo("posts_test");
        assertThatThrownBy(() -> CassandraConfig.requireKeyspace("posts-db"))
                .hasMessage("keyspace \"posts-db\" must start with a letter and have at most 48 letters, digits or '_'");
        assertThatThrownBy(() -> CassandraConfig.requireKeyspace("a".repeat(49)))
                .hasMessageStartingWith("keyspace \"aaaa");
        assertThatThrownBy(() -> CassandraConfig.requireLocalDatacenter(" ")).hasMessage("local datacenter is empty");
        assertThat(CassandraConfig.requireRequestTimeout(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> CassandraConfig.requireRequestTimeout(Duration.ofMinutes(11)))
                .hasMessage("request timeout 660000 ms is not between 1 ms and 10 min");
        assertThatThrownBy(() -> CassandraConfig.requireRequestTimeout(Duration.ZERO))
                .hasMessage("request timeout 0 ms is not between 1 ms and 10 min");
        assertThatThrownBy(() -> CassandraConfig.of(LOCAL).withKeyspace("x y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CassandraConfig.of(LOCAL).withRequestTimeout(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        CassandraConfig config = CassandraConfig.of(LOCAL).withCredentials("app", "s3cret");
        assertThat(config.credentials()).contains(new CassandraConfig.Credentials("app", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret").contains("user=app");
        assertThat(config.credentials().orElseThrow().toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> CassandraConfig.of(LOCAL).withCredentials(" ", "p")).hasMessage("Cassandra user is empty");
    }

    @Test
    void withersKeepTheRest() {
        CassandraConfig base = CassandraConfig.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        CassandraConfig changed = base.withKeyspace("other").withConsistency(DefaultConsistencyLevel.ONE)
                .withRequestTimeout(Duration.ofSeconds(5)).withCredentials("u", "p").withLocalDatacenter("dc9")
                .withReplication(new Replication.Simple(3));
        assertThat(changed).isEqualTo(new CassandraConfig(base.contactPoints(), "dc9", "other", DefaultConsistencyLevel.ONE,
                new Replication.Simple(3), Duration.ofSeconds(5), Optional.of(new CassandraConfig.Credentials("u", "p"))));
        assertThat(base.contactPoints()).isEqualTo(LOCAL);
    }
}
