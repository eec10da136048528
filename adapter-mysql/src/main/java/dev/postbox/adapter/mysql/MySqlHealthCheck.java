package dev.postbox.adapter.mysql;

import dev.postbox.ports.out.HealthCheck;

import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks one pool for a working connection, giving up after a second so /health/ready never
 * hangs; the attempt itself may finish later in the background.
 */
final class MySqlHealthCheck implements HealthCheck {
    private static final long WAIT_MS = 1000;

    private final String name;
    private final Pool pool;
    private final ExecutorService executor;
    private final ReadWriteRouter router;
    private final boolean replica;

    MySqlHealthCheck(String name, Pool pool, ExecutorService executor, ReadWriteRouter router, boolean replica) {
        this.name = name;
        this.pool = pool;
        this.executor = executor;
        this.router = router;
        this.replica = replica;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Status check() {
        try {
            Future<Boolean> valid = executor.submit(() -> {
                try (Connection connection = pool.dataSource().getConnection()) {
                    return connection.isValid(1);
                }
            });
            boolean up = valid.get(WAIT_MS, TimeUnit.MILLISECONDS);
            return up ? new Status(name, true, replica && router.replicaDown() ? "recovering" : "ok")
                    : new Status(name, false, "connection not valid");
        } catch (TimeoutException e) {
            return new Status(name, false, downDetail("no connection within " + WAIT_MS + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(name, false, "interrupted");
        } catch (Exception e) {
            return new Status(name, false, downDetail("unreachable"));
        }
    }

    private String downDetail(String what) {
        return replica ? what + "; reads use the primary" : what;
    }
}
