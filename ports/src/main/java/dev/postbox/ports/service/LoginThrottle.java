package dev.postbox.ports.service;

import dev.postbox.domain.ThrottledException;
import dev.postbox.ports.out.LoginAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brute-force protection for log in: after {@code maxPerUsername} failures for one username, or
 * {@code maxPerAddress} from one client address, within {@code window}, further attempts are
 * refused without checking the password until the oldest failure leaves the window. Failures
 * count for usernames that do not exist as well, so the answer never tells whether one does.
 *
 * @param maxPerUsername failures per username before attempts are refused (0 turns it off)
 * @param maxPerAddress  failures per client address before attempts are refused (0 turns it off)
 * @param window         how far back failures count
 */
public record LoginThrottle(int maxPerUsername, int maxPerAddress, Duration window) {
    /** 10 per username, 50 per address, within 15 minutes. */
    public static final LoginThrottle DEFAULT = new LoginThrottle(10, 50, Duration.ofMinutes(15));
    /** Never refuses (for tests that log in wrongly on purpose many times). */
    public static final LoginThrottle OFF = new LoginThrottle(0, 0, Duration.ofMinutes(15));

    static final String MESSAGE = "Too many failed login attempts. Please wait a few minutes and try again.";
    /** A purge of old failures runs after this many recorded failures, so the store stays small. */
    private static final int PURGE_EVERY = 256;
    private static final int PURGE_BATCH = 1000;

    public LoginThrottle {
        Objects.requireNonNull(window, "window");
        requireLimit(maxPerUsername);
        requireLimit(maxPerAddress);
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the login throttle window must be positive");
        }
    }

    /** Either limit: a count of failures, 0 for no limit (the launcher applies this rule to its settings too). */
    public static int requireLimit(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("login failure limit " + failures + " is negative (0 means no limit)");
        }
        return failures;
    }

    /** The throttle over a store of attempts, as the log-in service uses it. */
    Guard over(LoginAttempts attempts) {
        return new Guard(this, attempts);
    }

    /** Key for a username as typed, case folded like {@code Username.canonical()}. */
    static String usernameKey(String username) {
        return cut("u:" + (username == null ? "" : username).toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        return cut("a:" + address);
    }

    private static String cut(String key) {
        if (key.length() <= LoginAttempts.MAX_KEY_LENGTH) {
            return key;
        }
        // never split a surrogate pair: the store must get well-formed text
        int end = LoginAttempts.MAX_KEY_LENGTH;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--;
        }
        return key.substring(0, end);
    }

    /** The throttle bound to a store. */
    static final class Guard {
        private final LoginThrottle limits;
        private final LoginAttempts attempts;
        private final AtomicLong recorded = new AtomicLong();

        private Guard(LoginThrottle limits, LoginAttempts attempts) {
            this.limits = limits;
            this.attempts = Objects.requireNonNull(attempts, "attempts");
        }

        /** Throws {@link ThrottledException} when either key has used up its failures. */
        void check(String username, String address, Instant now) {
            // a failure exactly one window old no longer counts, so Retry-After is exact
            Instant since = now.minus(limits.window).plusMillis(1);
            Duration wait = Duration.ZERO;
            if (limits.maxPerUsername > 0) {
                wait = max(wait, waitFor(usernameKey(username), limits.maxPerUsername, since, now));
            }
            if (limits.maxPerAddress > 0 && address != null) {
                wait = max(wait, waitFor(addressKey(address), limits.maxPerAddress, since, now));
            }
            if (!wait.isZero()) {
                throw new ThrottledException("login.throttled", MESSAGE, wait);
            }
        }

        private Duration waitFor(String key, int max, Instant since, Instant now) {
            LoginAttempts.Failures failures = attempts.failuresSince(key, since);
            if (failures.count() < max || failures.oldest().isEmpty()) {
                return Duration.ZERO;
            }
            // the oldest failure leaving the window frees one attempt
            Duration left = Duration.between(now, failures.oldest().get().plus(limits.window));
            return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
        }

        void failed(String username, String address, Instant now) {
            if (limits.maxPerUsername > 0) {
                attempts.recordFailure(usernameKey(username), now);
            }
            if (limits.maxPerAddress > 0 && address != null) {
                attempts.recordFailure(addressKey(address), now);
            }
            if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
                attempts.purgeBefore(now.minus(limits.window), PURGE_BATCH);
            }
        }

        void succeeded(String username) {
            if (limits.maxPerUsername > 0) {
                attempts.reset(usernameKey(username));
            }
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
