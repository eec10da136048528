package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded run's promise: the data directory is reused, posts survive a restart. */
@ExtendWith(SingleNodeCassandra.class)
class NodeRestartIT {

    @Test
    void postsSurviveARestartAndAWaitingOpenConnectsOnceTheNodeIsBack(LocalCassandraNode node, CassandraStorage shared) throws Exception {
        Username author = new Username("restart" + UUID.randomUUID().toString().substring(0, 8));
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        List<Post> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Post p = new Post(author, ids.next(), new PostContent("before restart " + i));
            shared.posts().insert(p);
            written.add(0, p);
        }

        Instant stop = Instant.now();
        node.stop();
        TestNodes.record("single node graceful stop", stop);
        assertThat(node.isRunning()).isFalse();

        // the launcher's start-up wait: open while the node is still down
        CompletableFuture<CassandraStorage> waiting = CompletableFuture.supplyAsync(
                () -> CassandraStorage.open(CassandraConfig.of(node.nativeAddress()), null, Duration.ofMinutes(4)));
        Instant restart = Instant.now();
        node.startAndAwaitReady(TestNodes.START_TIMEOUT);
        TestNodes.record("single node restart on its data directory", restart);

        try (CassandraStorage reopened = waiting.get(5, TimeUnit.MINUTES)) {
            assertThat(reopened.posts().listByAuthor(author, Optional.empty(), PageRequest.MAX).posts()).containsExactlyElementsOf(written);
        }
        // the long-lived session reconnects by itself
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            try {
                assertThat(shared.posts().listByAuthor(author, Optional.empty(), PageRequest.MAX).posts()).containsExactlyElementsOf(written);
                break;
            } catch (dev.postbox.domain.StoreUnavailableException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
