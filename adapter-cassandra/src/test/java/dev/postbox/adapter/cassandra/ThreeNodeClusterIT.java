package dev.postbox.adapter.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.Username;
import dev.postbox.localstores.cassandra.LocalCassandraCluster;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real nodes (127.0.0.1-3), replication factor 3, LOCAL_QUORUM. The cluster is started once
 * for the class (three nodes are expensive), but no test relies on another: each writes its own
 * posts under its own authors, and every node a test stops is started again after it
 * ({@link #startStoppedNodes}), also when it failed, so the tests pass alone and in any order.
 */
class ThreeNodeClusterIT {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Only detects hangs; the calls are expected to return far sooner. */
    private static final Duration HANG = REQUEST_TIMEOUT.multipliedBy(10);

    private static LocalCassandraCluster cluster;
    private static CassandraStorage storage;
    private static PostRepository posts;

    private final PostIdGenerator ids = PostIdGenerator.systemUtc();

    private static CassandraConfig config() {
        return CassandraConfig.of(cluster.contactPoints())
                .withReplication(Replication.parse("NetworkTopologyStrategy:datacenter1=3"))
                .withRequestTimeout(REQUEST_TIMEOUT);
    }

    @BeforeAll
    static void startCluster() {
        Instant start = Instant.now();
        cluster = LocalCassandraCluster.start(TestNodes.runDir("cluster"), "postbox-it-cluster", 3, "768m", Duration.ofMinutes(8));
        TestNodes.record("3-node cluster start (all answering CQL)", start);
        storage = CassandraStorage.open(config());
        awaitUntil("the driver sees 3 nodes up", Duration.ofMinutes(2), () -> storage.session().getMetadata().getNodes().values().stream()
                .filter(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP).count() == 3);
        Instant migrate = Instant.now();
        storage.migrate();
        TestNodes.record("3-node cluster migrate (RF 3)", migrate);
        posts = storage.posts();
    }

    @AfterAll
    static void stopCluster() {
        Instant stop = Instant.now();
        try {
            if (storage != null) {
                storage.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
                TestNodes.record("3-node cluster stop", stop);
                cluster.nodes().forEach(LocalCassandraNode::deleteData);
            }
        }
    }

    /** Starts every node the test stopped (together) and waits until the driver sees all three up. */
    @AfterEach
    void startStoppedNodes() {
        Instant start = Instant.now();
        List<LocalCassandraNode> stopped = cluster.nodes().stream().filter(n -> !n.isRunning()).toList();
        CompletableFuture.allOf(stopped.stream()
                .map(n -> CompletableFuture.runAsync(() -> n.startAndAwaitReady(TestNodes.START_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
        awaitUntil("the driver sees 3 nodes up", Duration.ofMinutes(2),
                () -> storage.healthCheck().check().detail().startsWith("3 of 3"));
        if (!stopped.isEmpty()) {
            TestNodes.record("cluster: restart " + stopped.size() + " stopped node(s) after a test", start);
        }
    }

    private static void stopNodes2And3() {
        Instant stop = Instant.now();
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> cluster.node(2).stop()),
                CompletableFuture.runAsync(() -> cluster.node(3).stop())).join();
        TestNodes.record("cluster: stop nodes 2 and 3", stop);
        awaitUntil("the health check reports the lost quorum", Duration.ofSeconds(30), () -> !storage.healthCheck().check().up());
        assertThat(storage.healthCheck().check().detail()).isEqualTo("1 of 3 replicas up, LOCAL_QUORUM needs 2");
    }

    private Post post(Username author, String text) {
        return new Post(author, ids.next(), new PostContent(text));
    }

    private static Username author(String prefix) {
        return new Username(prefix + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void concurrentMigratorsOnDifferentCoordinatorsAgreeOnOneSchema() throws Exception {
        // a race is a matter of luck: run a few
        for (int round = 0; round < 3; round++) {
            raceMigrators(TestNodes.keyspace("race3"));
        }
    }

    private static void raceMigrators(String keyspace) throws Exception {
        List<CassandraStorage> racers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CyclicBarrier go = new CyclicBarrier(3);
            List<Future<CassandraMigrator.Result>> results = new ArrayList<>();
            for (LocalCassandraNode node : cluster.nodes()) {
                CassandraStorage racer = CassandraStorage.open(CassandraConfig.of(node.nativeAddress()).withKeyspace(keyspace)
                        .withReplication(new Replication.Simple(3)));
                racers.add(racer);
                results.add(pool.submit((Callable<CassandraMigrator.Result>) () -> {
                    go.await(30, TimeUnit.SECONDS);
                    return racer.migrate();
                }));
            }
            List<Integer> applied = new ArrayList<>();
            for (Future<CassandraMigrator.Result> r : results) {
                applied.addAll(r.get(3, TimeUnit.MINUTES).applied());
            }
            assertThat(applied).containsExactly(1);
        } finally {
            pool.shutdownNow();
            racers.forEach(CassandraStorage::close);
        }
        assertThat(storage.session().checkSchemaAgreement()).isTrue();
        Set<String> tableIds = new HashSet<>();
        for (Node node : storage.session().getMetadata().getNodes().values()) {
            List<Row> rows = storage.session().execute(SimpleStatement.newInstance(
                    "SELECT table_name, id FROM system_schema.tables WHERE keyspace_name = ?", keyspace).setNode(node)).all();
            assertThat(rows).extracting(r -> r.getString("table_name")).containsExactlyInAnyOrder("posts", "schema_migrations");
            rows.forEach(r -> tableIds.add(r.getString("table_name") + "=" + r.getUuid("id")));
        }
        assertThat(tableIds).as("every node has the same table ids").hasSize(2);
    }

    @Test
    void withOneNodeDownWritesAndReadsKeepWorkingAndTheNodeCatchesUp() throws Exception {
        assertThat(storage.healthCheck().check()).isEqualTo(new HealthCheck.Status("cassandra", true,
                "3 of 3 replicas up, LOCAL_QUORUM needs 2"));
        Post missed = post(author("down1"), "written while node 1 was down");
        Load load = new Load();
        load.start();
        try {
            load.awaitMoreOps(50);
            Instant stop = Instant.now();
            cluster.node(1).stop();
            TestNodes.record("cluster: stop node 1 under load", stop);

            awaitUntil("the health check sees node 1 down", Duration.ofSeconds(30),
                    () -> storage.healthCheck().check().detail().startsWith("2 of 3"));
            assertThat(storage.healthCheck().check().up()).isTrue();
            posts.insert(missed);
            assertThat(posts.listByAuthor(missed.author(), Optional.empty(), new PageRequest(10)).posts()).containsExactly(missed);
            load.awaitMoreOps(200);

            Instant restart = Instant.now();
            cluster.node(1).startAndAwaitReady(TestNodes.START_TIMEOUT);
            TestNodes.record("cluster: restart node 1 under load", restart);
            awaitUntil("the driver sees node 1 up again", Duration.ofMinutes(1),
                    () -> storage.healthCheck().check().detail().startsWith("3 of 3"));
            load.awaitMoreOps(100);
        } finally {
            load.stop();
        }
        assertThat(load.failures).as("failed operations: %s", load.errors).isEmpty();
        assertThat(load.ops.get()).isGreaterThan(350);

        // ALL needs node 1 to answer too; by then it has the post (hinted handoff, or the read
        // repair a read at ALL completes before it answers)
        PostRepository atAll = new CassandraPostRepository(storage.session(), "posts_db", DefaultConsistencyLevel.ALL, REQUEST_TIMEOUT);
        awaitUntil("a read at ALL succeeds", Duration.ofMinutes(1), () -> {
            try {
                return atAll.find(missed.author(), missed.id()).isPresent();
            } catch (StoreUnavailableException e) {
                return false;
            }
        });

        // the proof that node 1 holds the post it missed: it answers alone
        stopNodes2And3();
        PostRepository atOne = new CassandraPostRepository(storage.session(), "posts_db", DefaultConsistencyLevel.ONE, REQUEST_TIMEOUT);
        assertThat(atOne.find(missed.author(), missed.id())).contains(missed);
    }

    @Test
    void withTwoNodesDownCallsFailFastAndRecoverWhenOneReturns() throws Exception {
        Username author = author("down2");
        Post before = post(author, "before two nodes went down");
        posts.insert(before);

        stopNodes2And3();

        List<ThrowingConsumer<PostRepository>> calls = List.of(
                r -> r.insert(post(author, "cannot be written")),
                r -> r.listByAuthor(author, Optional.empty(), new PageRequest(10)),
                r -> r.find(author, before.id()),
                r -> r.delete(author, before.id()));
        for (ThrowingConsumer<PostRepository> call : calls) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    call.accept(posts);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable thrown = outcome.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(thrown).isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The cassandra store is unavailable; try again shortly.");
        }

        Instant restart = Instant.now();
        cluster.node(2).startAndAwaitReady(TestNodes.START_TIMEOUT);
        TestNodes.record("cluster: restart node 2", restart);
        Post after = post(author, "after node 2 returned");
        awaitUntil("a write succeeds again", Duration.ofMinutes(1), () -> {
            try {
                posts.insert(after);
                return true;
            } catch (StoreUnavailableException e) {
                return false;
            }
        });
        assertThat(posts.listByAuthor(author, Optional.empty(), new PageRequest(10)).posts()).containsExactly(after, before);
        assertThat(storage.healthCheck().check().up()).isTrue();
    }

    /** Inserts and lists in a loop on one thread, recording every failure. */
    private final class Load {
        final AtomicInteger ops = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                Username[] authors = {author("load"), author("load"), author("load")};
                int i = 0;
                while (running.get()) {
                    Username a = authors[i++ % authors.length];
                    try {
                        Post p = post(a, "load " + i);
                        posts.insert(p);
                        List<Post> newest = posts.listByAuthor(a, Optional.empty(), new PageRequest(5)).posts();
                        if (!newest.contains(p)) {
                            throw new AssertionError("just written post missing from the newest five");
                        }
                        ops.addAndGet(2);
                    } catch (Throwable t) {
                        failures.add(t);
                        errors.add(t + (t.getCause() == null ? "" : " <- " + t.getCause()));
                    }
                }
            }, "cluster-load");
            thread.start();
        }

        void awaitMoreOps(int more) throws InterruptedException {
            int target = ops.get() + more;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (ops.get() < target && Instant.now().isBefore(deadline) && thread.isAlive()) {
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(HANG.toMillis());
        }
    }

    private static void awaitUntil(String what, Duration limit, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
