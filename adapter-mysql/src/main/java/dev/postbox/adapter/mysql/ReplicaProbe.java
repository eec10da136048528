package dev.postbox.adapter.mysql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** While the replica is marked down, checks it every interval in the background until it answers. */
final class ReplicaProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaProbe.class);

    private final Pool replica;
    private final Duration interval;
    private final Runnable onRecovered;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mysql-replica-probe");
        thread.setDaemon(true);
        return thread;
    });

    ReplicaProbe(Pool replica, Duration interval, Runnable onRecovered) {
        this.replica = replica;
        this.interval = interval;
        this.onRecovered = onRecovered;
    }

    void start() {
        if (probing.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        try {
            scheduler.schedule(this::probe, interval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            probing.set(false);
        }
    }

    private void probe() {
        try (Connection connection = replica.dataSource().getConnection()) {
            if (connection.isValid(1)) {
                probing.set(false);
                onRecovered.run();
                return;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("MySQL replica still unavailable: {}", e.getClass().getSimpleName());
        }
        schedule();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
