package dev.postbox.ports.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed logins per key (a username or a client address), kept where every app instance sees
 * them, so that round robin across instances cannot multiply an attacker's budget. Keys are opaque
 * text of at most {@link #MAX_KEY_LENGTH} characters; the service decides what they mean.
 * Counts must come from the store's authoritative copy (a primary, never a lagging replica).
 * May throw {@link dev.postbox.domain.StoreUnavailableException}.
 */
public interface LoginAttempts {
    int MAX_KEY_LENGTH = 200;

    /** How many failures a key has in a window, and when the oldest of them happened. */
    record Failures(int count, Optional<Instant> oldest) {
        public static final Failures NONE = new Failures(0, Optional.empty());

        public Failures {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            oldest = oldest == null ? Optional.empty() : oldest;
        }
    }

    /** Records one failed attempt for the key at the given instant. */
    void recordFailure(String key, Instant at);

    /** The key's failures at or after {@code since}. */
    Failures failuresSince(String key, Instant since);

    /** Forgets every failure of the key (after a successful login). */
    void reset(String key);

    /**
     * Deletes at most {@code batchSize} failures that happened before {@code before}; call again
     * until it returns less than {@code batchSize}. A batch size below 1 is an
     * {@link IllegalArgumentException}.
     */
    int purgeBefore(Instant before, int batchSize);

    /** Checks a key against the port's rules; adapters call it so all of them fail alike. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a login-attempt key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }
}
