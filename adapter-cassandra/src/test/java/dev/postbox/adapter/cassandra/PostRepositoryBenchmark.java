package dev.postbox.adapter.cassandra;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostContent;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostIdGenerator;
import dev.postbox.domain.Username;
import dev.postbox.localstores.cassandra.LocalCassandraNode;
import dev.postbox.ports.out.PostRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * Not a test: post inserts/s and page reads (100 posts)/s against one local node on this
 * machine, with 1 and 16 calling threads. Run with
 * {@code ./mvnw -B -ntp -pl adapter-cassandra -am -Pbench -DskipTests verify}
 * ({@code -Dbench.seconds=N} per phase, default 15).
 */
public final class PostRepositoryBenchmark {
    private static final int AUTHORS = 20;
    private static final int POSTS_PER_AUTHOR = 1_000;
    private static final String TEXT = "A post of about the usual length, with a few words in it. ".repeat(3).strip();

    private PostRepositoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
        Instant start = Instant.now();
        LocalCassandraNode node = LocalCassandraNode.builder(TestNodes.runDir("bench")).clusterName("postbox-bench").build();
        try (node) {
            node.startAndAwaitReady(TestNodes.START_TIMEOUT);
            TestNodes.record("bench: node start", start);
            try (CassandraStorage storage = CassandraStorage.open(CassandraConfig.of(node.nativeAddress()))) {
                storage.migrate();
                run(storage.posts(), phase);
            }
        } finally {
            node.deleteData();
        }
    }

    private static void run(PostRepository posts, Duration phase) throws Exception {
        PostIdGenerator ids = PostIdGenerator.systemUtc();
        Username[] writers = new Username[1_000];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new Username("w" + i);
        }
        IntConsumer insert = i -> posts.insert(new Post(writers[ThreadLocalRandom.current().nextInt(writers.length)], ids.next(),
                new PostContent(TEXT)));
        measure("warm-up inserts", 16, Duration.ofSeconds(5), insert);

        Username[] readers = new Username[AUTHORS];
        List<List<PostId>> idsByAuthor = new ArrayList<>();
        for (int a = 0; a < AUTHORS; a++) {
            readers[a] = new Username("reader" + a);
            List<PostId> written = new ArrayList<>();
            for (int p = 0; p < POSTS_PER_AUTHOR; p++) {
                PostId id = ids.next();
                posts.insert(new Post(readers[a], id, new PostContent(TEXT + " " + p)));
                written.add(id);
            }
            idsByAuthor.add(written);
        }
        IntConsumer readPage = i -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int a = random.nextInt(AUTHORS);
            // a cursor among the older ids, so every page is a full 100
            int from = random.nextInt(POSTS_PER_AUTHOR - 100 + 1);
            Optional<PostId> cursor = from == POSTS_PER_AUTHOR - 100 ? Optional.empty() : Optional.of(idsByAuthor.get(a).get(from + 100));
            int size = posts.listByAuthor(readers[a], cursor, PageRequest.MAX).posts().size();
            if (size != 100) {
                throw new IllegalStateException("page of " + size);
            }
        };
        measure("warm-up page reads", 16, Duration.ofSeconds(5), readPage);

        List<String> lines = new ArrayList<>();
        for (int threads : new int[] {1, 16}) {
            lines.add(measure("post inserts", threads, phase, insert));
        }
        for (int threads : new int[] {1, 16}) {
            lines.add(measure("page reads (100 posts)", threads, phase, readPage));
        }
        System.out.println();
        System.out.println("== PostRepository on one local Cassandra 5.0.6 node (LOCAL_QUORUM, RF 1), " + phase.toSeconds() + " s per line ==");
        lines.forEach(System.out::println);
    }

    private static String measure(String what, int threads, Duration duration, IntConsumer op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Instant end = Instant.now().plus(duration);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (Instant.now().isBefore(end)) {
                    long t0 = System.nanoTime();
                    op.accept(n);
                    long took = System.nanoTime() - t0;
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        String line = String.format("%-24s %2d threads: %8.0f ops/s  (%d ops, p50 %.2f ms, p99 %.2f ms)",
                what, threads, merged.length / seconds, merged.length,
                merged[merged.length / 2] / 1e6, merged[(int) (merged.length * 0.99)] / 1e6);
        System.out.println(line);
        return line;
    }
}
