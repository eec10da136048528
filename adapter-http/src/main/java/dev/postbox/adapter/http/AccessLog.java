package dev.postbox.adapter.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One line per request (method, path without the query, status, bytes, duration, request id,
 * instance) and the request timer by route template. Never cookies, bodies or query strings,
 * so no password or token can land here.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.postbox.access");

    private final String instance;
    private final MeterRegistry registry;

    AccessLog(String instance, MeterRegistry registry) {
        this.instance = instance;
        this.registry = registry;
    }

    void log(Context ctx, Float millis) {
        Exchange exchange = Exchange.of(ctx);
        int status = ctx.statusCode();
        long nanos = System.nanoTime() - exchange.startNanos;
        String route = route(ctx, exchange, status);
        Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tag("method", Filters.KNOWN_METHODS.contains(ctx.method().name()) ? ctx.method().name() : "OTHER")
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {}B {}ms rid={} ip={} instance={}", ctx.method().name(), printable(ctx.path()), status,
                    bytes(ctx), millis(nanos),
                    exchange.requestId, exchange.clientAddress, instance);
        }
    }

    /** Milliseconds with one decimal; String.format would build a Formatter on every request. */
    static String millis(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static String route(Context ctx, Exchange exchange, int status) {
        if (exchange.route != null) {
            return exchange.route;
        }
        if (ctx.path().startsWith("/static/")) {
            return "/static/*";
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }

    /**
     * Bytes of the body: what Jetty has counted, else the declared length, else the size of the
     * result as the last filter saw it (the logger may run before Jetty flushes).
     */
    private static long bytes(Context ctx) {
        long written = 0;
        try {
            if (ctx.res() instanceof org.eclipse.jetty.ee10.servlet.ServletApiResponse api) {
                written = org.eclipse.jetty.server.Response.getContentBytesWritten(api.getResponse());
            }
        } catch (RuntimeException | LinkageError e) {
            // a Jetty change must not break logging
        }
        if (written > 0) {
            return written;
        }
        String declared = ctx.res().getHeader("Content-Length");
        if (declared != null) {
            try {
                return Long.parseLong(declared);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return Math.max(0, Exchange.of(ctx).resultBytes);
    }

    /** Paths are attacker-chosen: keep one line per request by dropping control characters. */
    private static String printable(String path) {
        StringBuilder out = new StringBuilder(Math.min(path.length(), 300));
        for (int i = 0; i < path.length() && out.length() < 300; i++) {
            char c = path.charAt(i);
            out.append(Character.isISOControl(c) || c == ' ' ? '_' : c);
        }
        return out.toString();
    }
}
