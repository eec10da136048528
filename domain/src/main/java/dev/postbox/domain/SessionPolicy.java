package dev.postbox.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sliding expiry: a session lives {@code maxIdle} past its last use. "Last seen" is written at
 * most once per {@code touchInterval}, so a busy user costs one write per interval, not one per
 * request; a session may therefore expire up to {@code touchInterval} early, never late.
 */
public record SessionPolicy(Duration maxIdle, Duration touchInterval) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofDays(14), Duration.ofMinutes(5));

    public SessionPolicy {
        Objects.requireNonNull(maxIdle, "maxIdle");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (maxIdle.isNegative() || maxIdle.isZero()) {
            throw new IllegalArgumentException("the session age must be positive");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(maxIdle) >= 0) {
            throw new IllegalArgumentException("the touch interval must be shorter than the session age");
        }
    }

    public Session start(SessionTokenHash hash, UserId user, Instant now, String csrfSecret) {
        return new Session(hash, user, now, now, now.plus(maxIdle), csrfSecret);
    }

    /** True when the stored "last seen" is old enough that this use should be written. */
    public boolean needsTouch(Session session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(touchInterval));
    }

    public Session touch(Session session, Instant now) {
        return session.touched(now, now.plus(maxIdle));
    }
}
