import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store-only baseline of the bench: what the list page needs from the stores, done by the
 * drivers alone (no Postbox code, no HTTP), at the bench's concurrency. One operation = the
 * session look-up by token hash on MySQL (through a HikariCP pool of the app's size, with the
 * app's driver settings) + the newest 101 posts of the user from Cassandra (the app's prepared
 * query, LOCAL_QUORUM, page size 101). Prints one JSON object.
 *
 * <p>Run on the launcher's classpath, no build step:
 * {@code java -cp 'launcher/target/postbox/lib/*' infra/bench/StoreOnly.java} with
 * BENCH_* variables (see infra/bench/run).
 */
public final class StoreOnly {
    private static final String SESSION_SQL = "select token_hash, user_id, created, last_seen, expires, csrf_secret"
            + " from postbox_session where token_hash = ?";

    public static void main(String[] args) throws Exception {
        String mysqlUrl = env("BENCH_MYSQL_URL");
        String mysqlUser = env("BENCH_MYSQL_USER");
        String mysqlPassword = Files.readString(Path.of(env("BENCH_MYSQL_PASSWORD_FILE"))).strip();
        String[] cassandra = env("BENCH_CASSANDRA").split(":");
        String keyspace = System.getenv().getOrDefault("BENCH_KEYSPACE", "posts_db");
        String username = env("BENCH_USERNAME");
        String tokenHash = env("BENCH_TOKEN_HASH");
        int threads = Integer.parseInt(env("BENCH_CONNECTIONS"));
        int poolSize = Integer.parseInt(System.getenv().getOrDefault("BENCH_POOL_SIZE", "4"));
        long warmupMs = Long.parseLong(env("BENCH_WARMUP")) * 1000;
        long measureMs = Long.parseLong(env("BENCH_DURATION")) * 1000;

        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(mysqlUrl);
        hikari.setUsername(mysqlUser);
        hikari.setPassword(mysqlPassword);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(poolSize);
        hikari.setConnectionTimeout(2000);
        hikari.setReadOnly(true);
        for (String[] p : new String[][]{{"useServerPrepStmts", "true"}, {"cachePrepStmts", "true"},
                {"prepStmtCacheSize", "100"}, {"useLocalSessionState", "true"}, {"cacheServerConfiguration", "true"},
                {"elideSetAutoCommits", "true"}, {"maintainTimeStats", "false"}, {"characterEncoding", "UTF-8"}}) {
            hikari.addDataSourceProperty(p[0], p[1]);
        }
        DriverConfigLoader loader = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(2))
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, DefaultConsistencyLevel.LOCAL_QUORUM.name())
                .build();
        try (HikariDataSource pool = new HikariDataSource(hikari);
             CqlSession cql = CqlSession.builder()
                     .addContactPoint(new InetSocketAddress(cassandra[0], Integer.parseInt(cassandra[1])))
                     .withLocalDatacenter(System.getenv().getOrDefault("BENCH_LOCAL_DC", "datacenter1"))
                     .withConfigLoader(loader)
                     .build()) {
            PreparedStatement newest = cql.prepare("SELECT creation, content FROM " + keyspace
                    + ".posts WHERE username = ? ORDER BY creation DESC LIMIT ?");
            Op op = () -> {
                try (Connection c = pool.getConnection();
                     java.sql.PreparedStatement s = c.prepareStatement(SESSION_SQL)) {
                    s.setString(1, tokenHash);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("the bench session is not in the database");
                        }
                        rs.getString(1); rs.getLong(2); rs.getObject(3); rs.getObject(4); rs.getObject(5); rs.getString(6);
                    }
                }
                BoundStatement bound = newest.bind(username, 101).setPageSize(101);
                int rows = 0;
                for (Row row : cql.execute(bound)) {
                    row.getUuid(0);
                    row.getString(1);
                    rows++;
                }
                if (rows < 100) {
                    throw new IllegalStateException("expected at least 100 posts of " + username + ", got " + rows);
                }
            };
            op.run(); // fail fast, before any timing, when the data is not what the bench seeded
            Result warm = drive(op, threads, warmupMs);
            Result measured = drive(op, threads, measureMs);
            if (warm.errors > 0) {
                System.err.println("store-only: " + warm.errors + " errors during warm-up");
            }
            System.out.println(measured.json(threads, poolSize));
        }
    }

    interface Op {
        void run() throws SQLException;
    }

    record Result(long ops, long errors, double seconds, long[] latenciesNanos, String firstError) {
        String json(int threads, int poolSize) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "{\"ops\":%d,\"seconds\":%.3f,\"ops_per_s\":%.1f,\"p50_ms\":%.3f,"
                            + "\"p99_ms\":%.3f,\"errors\":%d,\"threads\":%d,\"mysql_pool\":%d,\"first_error\":%s}",
                    ops, seconds, ops / seconds, pct(sorted, 0.50), pct(sorted, 0.99), errors, threads, poolSize,
                    firstError == null ? "null" : "\"" + firstError.replaceAll("[\"\\\\\\p{Cntrl}]", "_") + "\"");
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
        }
    }

    /** Runs op on {@code threads} threads for {@code millis}, each thread recording its latencies. */
    private static Result drive(Op op, int threads, long millis) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        long[] counts = new long[threads];
        String[] firstError = new String[1];
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[1 << 16];
            samples.add(mine);
            int index = t;
            Thread thread = new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    try {
                        op.run();
                        if (n < mine.length) {
                            mine[n] = System.nanoTime() - start;
                        }
                        n++;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = e.getClass().getSimpleName() + ": " + e.getMessage();
                            }
                        }
                    }
                }
                counts[index] = n;
                done.countDown();
            }, "store-only-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(millis);
        stop.set(true);
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        int kept = 0;
        for (int t = 0; t < threads; t++) {
            total += counts[t];
            kept += (int) Math.min(counts[t], samples.get(t).length);
        }
        long[] all = new long[kept];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            int n = (int) Math.min(counts[t], samples.get(t).length);
            System.arraycopy(samples.get(t), 0, all, at, n);
            at += n;
        }
        return new Result(total, errors.get(), seconds, all, firstError[0]);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
