package dev.postbox.ports.contract;

import dev.postbox.domain.Email;
import dev.postbox.domain.NewUser;
import dev.postbox.domain.PasswordHash;
import dev.postbox.domain.Username;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Helpers shared by the contract tests. Everything made here is unique per call, because the
 * contracts run against one shared store that other tests (and earlier runs) also fill.
 */
final class Fixtures {
    static final int THREADS = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Fixtures() {
    }

    /** 12 random lower-case letters and digits: about 62 bits, so names never collide across runs. */
    static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    static Username username(String prefix) {
        return new Username(prefix + random());
    }

    /**
     * Now, cut to milliseconds. Stores keep less than nanoseconds (MySQL DATETIME(6) keeps
     * microseconds, Cassandra timestamps milliseconds), so the contracts only ever store instants
     * at millisecond precision and compare them exactly.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static PasswordHash hash(String tag) {
        return new PasswordHash("pbkdf2_sha256$870000$" + tag + "$" + random() + "=");
    }

    static NewUser newUser(Username username) {
        return new NewUser(username, new Email(username.canonical().replace('@', '.') + "@example.org"),
                hash("salt"), false, false, true, now());
    }

    /**
     * Runs {@code tasks} on {@link #THREADS} threads released at the same moment and returns each
     * outcome (a value or the exception thrown). Bounded: gives up after a minute.
     */
    static <T> List<Outcome<T>> concurrently(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            if (!ready.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("worker threads did not start");
            }
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(1, TimeUnit.MINUTES), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new IllegalStateException("a concurrent task did not finish within a minute", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }
}
