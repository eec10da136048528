package dev.postbox.adapter.mysql;

import dev.postbox.ports.out.LoginAttempts;
import org.jooq.Record2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

import static dev.postbox.adapter.mysql.jooq.Tables.POSTBOX_LOGIN_FAILURE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

/**
 * Failed logins in {@code postbox_login_failure}, one row per failure. Writes and counts both
 * go to the primary: a throttle that counted on a lagging replica would let a fast attacker
 * through, and a login is rare enough that the primary can answer it.
 */
final class MySqlLoginAttempts implements LoginAttempts {
    private final ReadWriteRouter router;

    MySqlLoginAttempts(ReadWriteRouter router) {
        this.router = router;
    }

    @Override
    public void recordFailure(String key, Instant at) {
        LoginAttempts.checkKey(key);
        Objects.requireNonNull(at, "at");
        router.write(dsl -> dsl.insertInto(POSTBOX_LOGIN_FAILURE)
                .set(POSTBOX_LOGIN_FAILURE.THROTTLE_KEY, key)
                .set(POSTBOX_LOGIN_FAILURE.FAILED_AT, Times.toDb(at))
                .execute());
    }

    @Override
    public Failures failuresSince(String key, Instant since) {
        LoginAttempts.checkKey(key);
        Objects.requireNonNull(since, "since");
        Record2<Integer, LocalDateTime> row = router.readPrimary(dsl -> dsl
                .select(count(), min(POSTBOX_LOGIN_FAILURE.FAILED_AT))
                .from(POSTBOX_LOGIN_FAILURE)
                .where(POSTBOX_LOGIN_FAILURE.THROTTLE_KEY.eq(key))
                .and(POSTBOX_LOGIN_FAILURE.FAILED_AT.ge(Times.toDb(since)))
                .fetchOne());
        if (row == null || row.value1() == 0) {
            return Failures.NONE;
        }
        return new Failures(row.value1(), Optional.ofNullable(Times.fromDb(row.value2())));
    }

    @Override
    public void reset(String key) {
        LoginAttempts.checkKey(key);
        router.write(dsl -> dsl.deleteFrom(POSTBOX_LOGIN_FAILURE)
                .where(POSTBOX_LOGIN_FAILURE.THROTTLE_KEY.eq(key))
                .execute());
    }

    @Override
    public int purgeBefore(Instant before, int batchSize) {
        Objects.requireNonNull(before, "before");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        // ORDER BY + LIMIT walks the time index from the oldest, so each batch locks few rows
        return router.write(dsl -> dsl.deleteFrom(POSTBOX_LOGIN_FAILURE)
                .where(POSTBOX_LOGIN_FAILURE.FAILED_AT.lt(Times.toDb(before)))
                .orderBy(POSTBOX_LOGIN_FAILURE.FAILED_AT)
                .limit(batchSize)
                .execute());
    }
}
