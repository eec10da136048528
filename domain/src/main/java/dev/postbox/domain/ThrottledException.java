package dev.postbox.domain;

import java.time.Duration;

/** Too many attempts; {@link #retryAfter()} says when to try again. */
public final class ThrottledException extends DomainException {
    private final Duration retryAfter;

    public ThrottledException(String code, String message, Duration retryAfter) {
        super(code, message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.THROTTLED;
    }
}
