package dev.postbox.adapter.mysql.bench;

import dev.postbox.adapter.mysql.MySqlConfig;
import dev.postbox.adapter.mysql.MySqlStorage;
import dev.postbox.domain.Email;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.Session;
import dev.postbox.domain.SessionToken;
import dev.postbox.domain.SessionTokenHash;
import dev.postbox.domain.User;
import dev.postbox.domain.Username;
import dev.postbox.localstores.mariadb.LocalReplicationPair;
import dev.postbox.localstores.mariadb.MariaDbBinaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Store throughput on a local MariaDB primary + replica (not a test): registrations per second
 * through the primary pool and session look-ups per second through the replica pool. The
 * password hash is a fixed string: this measures the store, not Argon2.
 * Run: {@code ./mvnw -B -ntp -pl adapter-mysql -am verify -Pbench -DskipTests}
 */
public final class MySqlBenchmark {
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    private static final int SESSIONS = 5_000;

    private MySqlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("postbox.build.dir", "target"));
        MariaDbBinaries binaries = MariaDbBinaries.unpackInto(target.resolve("mariadb-" + MariaDbBinaries.VERSION));
        Path work = Files.createTempDirectory(Files.createDirectories(target.resolve("bench-mariadb")), "pair");
        try (LocalReplicationPair servers = LocalReplicationPair.start(binaries, work, "postbox", "postbox", "bench-pw")) {
            MySqlConfig config = MySqlConfig.of(servers.primaryUrl(), servers.replicaUrl(), "postbox", "bench-pw")
                    .withConnectTimeout(Duration.ofSeconds(5));
            try (MySqlStorage storage = new MySqlStorage(config)) {
                storage.migrate();
                report("registrations/s (primary pool)", registrations(storage), storage);
                List<SessionTokenHash> hashes = seedSessions(storage);
                servers.awaitReplicaCaughtUp(Duration.ofMinutes(2));
                report("session look-ups/s (replica pool)", lookups(storage, hashes), storage);
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double registrations(MySqlStorage storage) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        AtomicInteger next = new AtomicInteger();
        PasswordHash hash = new PasswordHash("pbkdf2_sha256$1$bench$not-a-real-hash");
        return timed(() -> storage.users().insert(new NewUser(new Username("b" + run + "n" + next.incrementAndGet()),
                new Email("bench@example.org"), hash, false, false, true, Instant.now())));
    }

    private static List<SessionTokenHash> seedSessions(MySqlStorage storage) {
        User owner = storage.users().insert(new NewUser(new Username("sessionowner" + System.nanoTime()),
                new Email("owner@example.org"), new PasswordHash("x$y"), false, false, true, Instant.now()));
        List<SessionTokenHash> hashes = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < SESSIONS; i++) {
            Session session = new Session(SessionToken.random().hash(), owner.id(), now, now, now.plus(Duration.ofDays(14)), "csrf" + i);
            storage.sessions().insert(session);
            hashes.add(session.tokenHash());
        }
        return hashes;
    }

    private static double lookups(MySqlStorage storage, List<SessionTokenHash> hashes) throws Exception {
        return timed(() -> {
            SessionTokenHash hash = hashes.get(ThreadLocalRandom.current().nextInt(hashes.size()));
            if (storage.sessions().find(hash).isEmpty()) {
                throw new IllegalStateException("a seeded session was not found");
            }
        });
    }

    /** Runs {@code op} on {@link #THREADS} threads for {@link #RUN}; returns operations per second. */
    private static double timed(Runnable op) throws Exception {
        warmUp(op);
        LongAdder done = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    op.run();
                    done.increment();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return done.sum() / seconds;
    }

    private static void warmUp(Runnable op) {
        for (int i = 0; i < 500; i++) {
            op.run();
        }
    }

    private static void report(String what, double perSecond, MySqlStorage storage) {
        System.out.printf("BENCH %-36s %,10.0f   (%d threads, %d s; %s)%n", what, perSecond, THREADS, RUN.toSeconds(), storage.stats());
    }
}
