package dev.postbox.ports.memory;

import dev.postbox.ports.out.LoginAttempts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins in this process's memory: shared by every app instance that is given the same
 * object (tests, one-process deployments), not across processes.
 */
public final class InMemoryLoginAttempts implements LoginAttempts {
    /** Per key, the instants of its failures; lists are replaced, never changed in place. */
    private final ConcurrentHashMap<String, List<Instant>> failures = new ConcurrentHashMap<>();

    @Override
    public void recordFailure(String key, Instant at) {
        LoginAttempts.checkKey(key);
        Objects.requireNonNull(at, "at");
        failures.merge(key, List.of(at), (old, added) -> {
            List<Instant> both = new ArrayList<>(old);
            both.addAll(added);
            return List.copyOf(both);
        });
    }

    @Override
    public Failures failuresSince(String key, Instant since) {
        LoginAttempts.checkKey(key);
        Objects.requireNonNull(since, "since");
        int count = 0;
        Instant oldest = null;
        for (Instant at : failures.getOrDefault(key, List.of())) {
            if (!at.isBefore(since)) {
                count++;
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
        }
        return new Failures(count, Optional.ofNullable(oldest));
    }

    @Override
    public void reset(String key) {
        LoginAttempts.checkKey(key);
        failures.remove(key);
    }

    @Override
    public int purgeBefore(Instant before, int batchSize) {
        Objects.requireNonNull(before, "before");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        int[] deleted = {0};
        for (Map.Entry<String, List<Instant>> entry : failures.entrySet()) {
            if (deleted[0] >= batchSize) {
                break;
            }
            failures.computeIfPresent(entry.getKey(), (key, list) -> {
                List<Instant> kept = new ArrayList<>(list.size());
                for (Instant at : list) {
                    if (at.isBefore(before) && deleted[0] < batchSize) {
                        deleted[0]++;
                    } else {
                        kept.add(at);
                    }
                }
                return kept.isEmpty() ? null : List.copyOf(kept);
            });
        }
        return deleted[0];
    }
}
