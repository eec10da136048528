package dev.postbox.adapter.http;

import dev.postbox.domain.DomainException;
import dev.postbox.domain.ErrorKind;
import dev.postbox.domain.ThrottledException;
import io.javalin.http.Context;

import java.util.OptionalLong;

/** The one place that says when a client, or a load balancer, should try again ({@code Retry-After}). */
final class RetryAfter {
    static final String HEADER = "Retry-After";
    /** Seconds to wait when a store is down or every request slot is taken. */
    static final int UNAVAILABLE_SECONDS = 5;

    private RetryAfter() {
    }

    /** Whole seconds, at least one, for the errors that have a time to come back. */
    static OptionalLong seconds(DomainException e) {
        if (e.kind() == ErrorKind.UNAVAILABLE) {
            return OptionalLong.of(UNAVAILABLE_SECONDS);
        }
        if (e instanceof ThrottledException throttled && throttled.retryAfter() != null) {
            return OptionalLong.of(Math.max(1, throttled.retryAfter().toSeconds()));
        }
        return OptionalLong.empty();
    }

    /** Sets the header when the error has a time to come back; otherwise does nothing. */
    static void set(Context ctx, DomainException e) {
        seconds(e).ifPresent(s -> ctx.header(HEADER, Long.toString(s)));
    }
}
