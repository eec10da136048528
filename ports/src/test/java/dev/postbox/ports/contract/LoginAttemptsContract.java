package dev.postbox.ports.contract;

import dev.postbox.ports.out.LoginAttempts;
import dev.postbox.ports.out.LoginAttempts.Failures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static dev.postbox.ports.contract.Fixtures.THREADS;
import static dev.postbox.ports.contract.Fixtures.concurrently;
import static dev.postbox.ports.contract.Fixtures.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LoginAttempts} store must do. Extend it and return the store under test; it
 * may be one shared instance over a store that already holds data (every test uses fresh keys).
 */
public abstract class LoginAttemptsContract {
    /** The purge tests work in 2001, long before anything the other tests store. */
    private static final Instant LONG_AGO = Instant.parse("2001-02-03T04:05:06.789Z");

    private LoginAttempts attempts;

    /** The store under test; called before every test. */
    protected abstract LoginAttempts repository();

    @BeforeEach
    void obtainRepository() {
        attempts = repository();
    }

    private static String key(String kind) {
        return kind + ":" + Fixtures.random();
    }

    @Test
    void countsFailuresInTheWindowAndReportsTheOldest() {
        String key = key("u");
        Instant now = now();
        attempts.recordFailure(key, now.minus(Duration.ofMinutes(20)));
        attempts.recordFailure(key, now.minus(Duration.ofMinutes(10)));
        attempts.recordFailure(key, now.minusSeconds(5));
        attempts.recordFailure(key, now);

        Failures inWindow = attempts.failuresSince(key, now.minus(Duration.ofMinutes(15)));

        assertThat(inWindow.count()).isEqualTo(3);
        assertThat(inWindow.oldest()).contains(now.minus(Duration.ofMinutes(10)));
        assertThat(attempts.failuresSince(key, now.minus(Duration.ofHours(1))).count()).isEqualTo(4);
        assertThat(attempts.failuresSince(key, now.plusMillis(1))).isEqualTo(Failures.NONE);
    }

    @Test
    void aFailureExactlyAtTheWindowStartCounts() {
        String key = key("a");
        Instant at = now().minusSeconds(60);
        attempts.recordFailure(key, at);

        assertThat(attempts.failuresSince(key, at)).isEqualTo(new Failures(1, Optional.of(at)));
    }

    @Test
    void unknownKeysHaveNoFailures() {
        assertThat(attempts.failuresSince(key("u"), now().minusSeconds(900))).isEqualTo(Failures.NONE);
    }

    @Test
    void keysAreExactAndIndependent() {
        String lower = key("u");
        String upper = lower.toUpperCase(java.util.Locale.ROOT);
        Instant now = now();
        attempts.recordFailure(lower, now);
        attempts.recordFailure(lower, now);

        assertThat(attempts.failuresSince(lower, now.minusSeconds(1)).count()).isEqualTo(2);
        assertThat(attempts.failuresSince(upper, now.minusSeconds(1)).count()).isZero();
        assertThat(attempts.failuresSince(lower + "x", now.minusSeconds(1)).count()).isZero();
    }

    @Test
    void keysWithQuotesWildcardsAndAnyLetterAreStoredVerbatim() {
        String suffix = Fixtures.random();
        List<String> keys = List.of("u:o'brien\";--" + suffix, "a:%_" + suffix, "u:\\" + suffix, "u:Ünïcödé😀" + suffix,
                "a:2001:db8::1%eth0" + suffix);
        Instant now = now();
        for (String key : keys) {
            attempts.recordFailure(key, now);
        }
        for (String key : keys) {
            assertThat(attempts.failuresSince(key, now).count()).as(key).isEqualTo(1);
        }
        // a LIKE wildcard in a key must not match its neighbours
        assertThat(attempts.failuresSince("a:__" + suffix, now).count()).isZero();
    }

    @Test
    void resetForgetsOnlyThatKey() {
        String reset = key("u");
        String kept = key("u");
        Instant now = now();
        attempts.recordFailure(reset, now);
        attempts.recordFailure(kept, now);

        attempts.reset(reset);
        attempts.reset(key("u")); // an unknown key is fine

        assertThat(attempts.failuresSince(reset, now.minusSeconds(1))).isEqualTo(Failures.NONE);
        assertThat(attempts.failuresSince(kept, now.minusSeconds(1)).count()).isEqualTo(1);
    }

    @Test
    void concurrentFailuresAreAllCounted() throws InterruptedException {
        String key = key("a");
        Instant now = now();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Instant at = now.minusMillis(i);
            tasks.add(() -> {
                for (int j = 0; j < 4; j++) {
                    attempts.recordFailure(key, at);
                }
                return null;
            });
        }

        assertThat(concurrently(tasks)).allMatch(Fixtures.Outcome::succeeded);
        assertThat(attempts.failuresSince(key, now.minusSeconds(1)).count()).isEqualTo(THREADS * 4);
    }

    @Test
    void purgeDeletesOldFailuresInBatches() {
        String key = key("u");
        for (int i = 0; i < 5; i++) {
            attempts.recordFailure(key, LONG_AGO.minusSeconds(10 + i));
        }
        attempts.recordFailure(key, LONG_AGO.plusSeconds(10));

        int deleted = 0;
        for (int n = attempts.purgeBefore(LONG_AGO, 2); n > 0; n = attempts.purgeBefore(LONG_AGO, 2)) {
            assertThat(n).isLessThanOrEqualTo(2);
            deleted += n;
        }

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(attempts.failuresSince(key, LONG_AGO.minus(Duration.ofDays(1))))
                .isEqualTo(new Failures(1, Optional.of(LONG_AGO.plusSeconds(10))));
    }

    @Test
    void refusesBadKeysAndBatchSizes() {
        Instant now = now();
        String longest = "k".repeat(LoginAttempts.MAX_KEY_LENGTH - 12) + Fixtures.random();
        attempts.recordFailure(longest, now);
        assertThat(attempts.failuresSince(longest, now).count()).isEqualTo(1);

        for (String bad : new String[] {null, "", longest + "x"}) {
            assertThatThrownBy(() -> attempts.recordFailure(bad, now)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> attempts.failuresSince(bad, now)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> attempts.reset(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> attempts.purgeBefore(now, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
