package dev.postbox.adapter.mysql;

import dev.postbox.ports.out.UnitOfWork;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends writes to the primary and reads to the replica, with read-your-writes:
 * <ul>
 *   <li>inside {@link #run}, once the unit has written (or has seen the replica miss a row the
 *       primary has), its later reads go to the primary;</li>
 *   <li>a point look-up that finds nothing on the replica is asked again on the primary, since
 *       the row may be too new to have replicated;</li>
 *   <li>when the replica fails, reads go to the primary and the replica is skipped (a circuit)
 *       until a background probe finds it answering again, so no request waits on a dead
 *       replica after the first failure.</li>
 * </ul>
 * The unit of work is a routing scope only, not a transaction: each statement commits by itself,
 * so no connection is held while a use case hashes passwords.
 */
final class ReadWriteRouter implements UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(ReadWriteRouter.class);

    /** Per-thread state of the unit of work in progress. */
    private static final class Scope {
        boolean primaryOnly;
    }

    private final Pool primary;
    private final Pool replica;
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();
    private final AtomicBoolean replicaDown = new AtomicBoolean();
    private final AtomicLong replicaDownSince = new AtomicLong();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder missRetries = new LongAdder();
    private final ReplicaProbe probe;

    ReadWriteRouter(Pool primary, Pool replica, Duration retryInterval) {
        this.primary = primary;
        this.replica = replica;
        this.probe = replica == primary ? null : new ReplicaProbe(replica, retryInterval, this::replicaRecovered);
    }

    @Override
    public <T> T run(Supplier<T> work) {
        if (scope.get() != null) {
            return work.get();
        }
        scope.set(new Scope());
        try {
            return work.get();
        } finally {
            scope.remove();
        }
    }

    /** Runs a statement that changes data on the primary. */
    <T> T write(Function<DSLContext, T> statement) {
        markPrimaryOnly();
        return onPrimary(statement);
    }

    /**
     * Runs a read on the primary whatever the scope, without moving the unit of work's later
     * reads there: for counts that must not lag (the login throttle).
     */
    <T> T readPrimary(Function<DSLContext, T> query) {
        return onPrimary(query);
    }

    /** Runs a read on the replica unless read-your-writes or a failed replica says primary. */
    <T> T read(Function<DSLContext, T> query) {
        if (!useReplica()) {
            return onPrimary(query);
        }
        try {
            return query.apply(replica.dsl());
        } catch (RuntimeException e) {
            if (!StoreErrors.isStoreFailure(e)) {
                throw e;
            }
            replicaFailed(e);
            return onPrimary(query);
        }
    }

    /**
     * A point look-up: when the replica does not have the row, the primary is asked too, and a
     * hit there keeps the rest of the unit of work on the primary (the replica is behind).
     */
    <T> Optional<T> find(Function<DSLContext, Optional<T>> query) {
        if (!useReplica()) {
            return onPrimary(query);
        }
        Optional<T> found;
        try {
            found = query.apply(replica.dsl());
        } catch (RuntimeException e) {
            if (!StoreErrors.isStoreFailure(e)) {
                throw e;
            }
            replicaFailed(e);
            return onPrimary(query);
        }
        if (found.isPresent()) {
            return found;
        }
        missRetries.increment();
        Optional<T> fromPrimary = onPrimary(query);
        if (fromPrimary.isPresent()) {
            markPrimaryOnly();
        }
        return fromPrimary;
    }

    private <T> T onPrimary(Function<DSLContext, T> statement) {
        try {
            return statement.apply(primary.dsl());
        } catch (RuntimeException e) {
            if (StoreErrors.isStoreFailure(e)) {
                throw StoreErrors.unavailable(e);
            }
            throw e;
        }
    }

    /** Runs a write whose duplicate-key failure the caller turns into a domain error. */
    <T> T writeOrDuplicate(Function<DSLContext, T> statement, Supplier<RuntimeException> onDuplicate) {
        markPrimaryOnly();
        try {
            return statement.apply(primary.dsl());
        } catch (RuntimeException e) {
            if (StoreErrors.isDuplicateKey(e)) {
                throw onDuplicate.get();
            }
            if (StoreErrors.isStoreFailure(e)) {
                throw StoreErrors.unavailable(e);
            }
            throw e;
        }
    }

    private boolean useReplica() {
        if (replica == primary) {
            return false;
        }
        Scope s = scope.get();
        if (s != null && s.primaryOnly) {
            return false;
        }
        if (replicaDown.get()) {
            fallbacks.increment();
            return false;
        }
        return true;
    }

    private void markPrimaryOnly() {
        Scope s = scope.get();
        if (s != null) {
            s.primaryOnly = true;
        }
    }

    private void replicaFailed(RuntimeException e) {
        fallbacks.increment();
        if (replicaDown.compareAndSet(false, true)) {
            replicaDownSince.set(System.currentTimeMillis());
            LOG.warn("MySQL replica unavailable ({}); reads go to the primary until it answers again",
                    rootMessage(e));
            probe.start();
        }
    }

    private void replicaRecovered() {
        if (replicaDown.compareAndSet(true, false)) {
            LOG.info("MySQL replica answers again after {} ms; reads go back to it",
                    System.currentTimeMillis() - replicaDownSince.get());
        }
    }

    boolean replicaDown() {
        return replicaDown.get();
    }

    long fallbacks() {
        return fallbacks.sum();
    }

    long missRetries() {
        return missRetries.sum();
    }

    void close() {
        if (probe != null) {
            probe.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
