package dev.postbox.localstores.cassandra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Several local nodes forming one cluster on 127.0.0.1, 127.0.0.2, ... (loopback aliases need no
 * setup on Linux). Every node uses the same storage and CQL port numbers, chosen per cluster
 * among the ports free on all the addresses, and every node is a seed, so any one of them can be
 * restarted while the others run.
 */
public final class LocalCassandraCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCassandraCluster.class);

    private final List<LocalCassandraNode> nodes;

    private LocalCassandraCluster(List<LocalCassandraNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts {@code size} nodes under {@code directory} (one sub-directory each): the first alone,
     * then the others together once it answers, and returns when every node answers CQL.
     * Stops whatever it started when that fails.
     *
     * @param heap per node, as for {@code -Xmx} ({@code 512m} is plenty for tests)
     */
    /**
     * Node {@code i}'s 16 Murmur3 tokens, interleaved with the other nodes' so the ring is shared
     * evenly (the same arithmetic as infra/cassandra/start-nodes).
     */
    static List<String> tokens(int i, int nodes) {
        int perNode = 16;
        java.math.BigInteger min = java.math.BigInteger.TWO.pow(63).negate();
        java.math.BigInteger ring = java.math.BigInteger.TWO.pow(64);
        List<String> tokens = new ArrayList<>();
        for (int k = 0; k < perNode; k++) {
            long slot = 2L * (k * (long) nodes + i - 1) + 1;
            tokens.add(min.add(ring.multiply(java.math.BigInteger.valueOf(slot))
                    .divide(java.math.BigInteger.valueOf(2L * perNode * nodes))).toString());
        }
        return tokens;
    }

    public static LocalCassandraCluster start(Path directory, String clusterName, int size, String heap, Duration timeout) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("cluster size " + size + " is not 1 to 9");
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            addresses.add("127.0.0." + i);
        }
        int storagePort = FreePorts.onAll(addresses);
        int nativePort = FreePorts.onAll(addresses);
        Path serverLib = CassandraServerLib.locate();
        Path java = CassandraServerLib.java17();
        List<LocalCassandraNode> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(LocalCassandraNode.builder(directory.resolve("node" + (i + 1)))
                    .clusterName(clusterName)
                    .address(addresses.get(i))
                    .storagePort(storagePort)
                    .nativePort(nativePort)
                    .seeds(addresses)
                    .initialTokens(tokens(i + 1, size))
                    .heap(heap)
                    .serverLib(serverLib)
                    .java(java)
                    .build());
        }
        LocalCassandraCluster cluster = new LocalCassandraCluster(nodes);
        Instant deadline = Instant.now().plus(timeout);
        try {
            // the first node settles the schema of the system keyspaces alone; the others then
            // join it together (no bootstrap streaming, so concurrent joins are fine)
            nodes.get(0).startAndAwaitReady(timeout);
            List<CompletableFuture<Void>> rest = new ArrayList<>();
            for (LocalCassandraNode node : nodes.subList(1, size)) {
                node.start();
                rest.add(CompletableFuture.runAsync(() -> node.awaitReady(remaining(deadline))));
            }
            CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            cluster.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LOG.info("Local Cassandra cluster {} ready: {} nodes, CQL port {}", clusterName, size, nativePort);
        return cluster;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public List<LocalCassandraNode> nodes() {
        return nodes;
    }

    /** @param number 1-based, as in 127.0.0.{number} */
    public LocalCassandraNode node(int number) {
        return nodes.get(number - 1);
    }

    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(LocalCassandraNode::nativeAddress).toList();
    }

    /** Stops every node (in parallel: each waits for its own drain). */
    @Override
    public void close() {
        CompletableFuture.allOf(nodes.stream()
                .map(n -> CompletableFuture.runAsync(n::stop))
                .toArray(CompletableFuture[]::new)).join();
    }
}
