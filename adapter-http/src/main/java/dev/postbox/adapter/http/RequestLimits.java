package dev.postbox.adapter.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one instance lets clients take: request header bytes (more is 431), how long a
 * connection may sit idle, how long one request may take to arrive (headers and body; a client
 * trickling bytes is disconnected), and how many requests run at once (more wait in a bounded
 * queue for at most {@code maxQueueWait}; beyond that, 503 with Retry-After).
 *
 * @param maxHeaderBytes        request line plus headers
 * @param idleTimeout           a connection with nothing to do is closed after this
 * @param requestReadTimeout    a request still arriving after this (checked every such period,
 *                              so dropped within twice it) is cut off
 * @param maxConcurrentRequests requests handled at the same time
 * @param maxQueuedRequests     requests waiting for a slot; more are refused at once
 * @param maxQueueWait          how long a request may wait for a slot
 */
public record RequestLimits(int maxHeaderBytes, Duration idleTimeout, Duration requestReadTimeout,
                            int maxConcurrentRequests, int maxQueuedRequests, Duration maxQueueWait) {
    /** 8 KiB of headers, 30 s idle, 15 s to send a request, 64 at once, 256 waiting up to 5 s. */
    public static final RequestLimits DEFAULT = new RequestLimits(8 * 1024, Duration.ofSeconds(30),
            Duration.ofSeconds(15), 64, 256, Duration.ofSeconds(5));

    public RequestLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestReadTimeout, "requestReadTimeout");
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("the header limit must be at least 1024 bytes");
        }
        requireConcurrentRequests(maxConcurrentRequests);
        requireQueuedRequests(maxQueuedRequests);
        if (!positive(idleTimeout) || !positive(requestReadTimeout) || maxQueueWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static final int MAX_CONCURRENT_REQUESTS = 10_000;
    public static final int MAX_QUEUED_REQUESTS = 100_000;

    /** Requests handled at once: at least one, at most {@link #MAX_CONCURRENT_REQUESTS}. */
    public static int requireConcurrentRequests(int n) {
        if (n < 1 || n > MAX_CONCURRENT_REQUESTS) {
            throw new IllegalArgumentException("concurrent requests " + n + " is not between 1 and " + MAX_CONCURRENT_REQUESTS);
        }
        return n;
    }

    /** Requests waiting for a slot: zero (refuse at once) to {@link #MAX_QUEUED_REQUESTS}. */
    public static int requireQueuedRequests(int n) {
        if (n < 0 || n > MAX_QUEUED_REQUESTS) {
            throw new IllegalArgumentException("queued requests " + n + " is not between 0 and " + MAX_QUEUED_REQUESTS);
        }
        return n;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    public RequestLimits withMaxConcurrentRequests(int max, int queued) {
        return new RequestLimits(maxHeaderBytes, idleTimeout, requestReadTimeout, max, queued, maxQueueWait);
    }

    public RequestLimits withTimeouts(Duration idle, Duration requestRead) {
        return new RequestLimits(maxHeaderBytes, idle, requestRead, maxConcurrentRequests, maxQueuedRequests, maxQueueWait);
    }

    public RequestLimits withMaxQueueWait(Duration wait) {
        return new RequestLimits(maxHeaderBytes, idleTimeout, requestReadTimeout, maxConcurrentRequests, maxQueuedRequests, wait);
    }
}
