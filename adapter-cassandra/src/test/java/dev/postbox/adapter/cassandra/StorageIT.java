package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.Username;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import dev.postbox.ports.out.HealthCheck;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(SingleNodeCassandra.class)
class StorageIT {

    @Test
    void driverMetricsGoToTheGivenMeterRegistry(LocalCassandraNode node) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (CassandraStorage storage = CassandraStorage.open(CassandraConfig.of(node.nativeAddress()), registry)) {
            Username author = new Username("metered");
            storage.posts().insert(new Post(author, PostIdGenerator.systemUtc().next(), new PostContent("count me")));
            storage.posts().listByAuthor(author, Optional.empty(), new PageRequest(10));

            Timer requests = registry.get("cassandra.session.cql-requests").tag("session", "postbox").timer();
            assertThat(requests.count()).isGreaterThanOrEqualTo(2);
            Gauge connected = registry.get("cassandra.session.connected-nodes").gauge();
            assertThat(connected.value()).isEqualTo(1.0);
            assertThat(registry.get("cassandra.nodes.pool.open-connections").gauge().value()).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void readyWhenTheKeyspaceHasItsQuorum(CassandraStorage storage) {
        HealthCheck.Status status = storage.healthCheck().check();
        assertThat(status.name()).isEqualTo("cassandra");
        assertThat(status.up()).isTrue();
        assertThat(status.detail()).isEqualTo("1 of 1 replicas up, LOCAL_QUORUM needs 1");
    }

    @Test
    void notReadyWithoutTheKeyspace(LocalCassandraNode node) {
        try (CassandraStorage storage = CassandraStorage.open(CassandraConfig.of(node.nativeAddress()).withKeyspace("not_migrated"))) {
            HealthCheck.Status status = storage.healthCheck().check();
            assertThat(status.up()).isFalse();
            assertThat(status.detail()).isEqualTo("keyspace not_migrated does not exist (run migrate)");
        }
    }

    @Test
    void anUnreachableClusterIsUnavailableAfterTheWait() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CassandraConfig config = CassandraConfig.of(InetSocketAddress.createUnresolved("127.0.0.1", closedPort));

        assertThatThrownBy(() -> CassandraStorage.open(config))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessage("The cassandra store is unavailable; try again shortly.");
        assertThatThrownBy(() -> CassandraStorage.open(config, null, Duration.ofSeconds(2)))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
