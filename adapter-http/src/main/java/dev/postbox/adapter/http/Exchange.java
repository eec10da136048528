package dev.postbox.adapter.http;

import dev.postbox.domain.SessionToken;
import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the web layer learns about one request, kept on the Javalin context. */
final class Exchange {
    private static final String KEY = "postbox.exchange";

    final String requestId;
    final long startNanos;
    final boolean secure;
    final String clientAddress;

    /** The route template that handled the request, for metrics (null when none matched). */
    String route;
    /** The raw body of an unsafe request, read once within the size limit. */
    byte[] body;
    /** Size of the response body as set by the handlers (-1 when unknown). */
    long resultBytes = -1;
    /** Parsed form fields of a page POST. */
    Map<String, List<String>> form = Map.of();
    /** The session cookie's token when it was well-formed. */
    Optional<SessionToken> token = Optional.empty();
    /** Resolved at most once per request. */
    private Optional<CurrentUser> current;
    /** Cookies to send, by name, so a cookie is never set twice in one response. */
    final Map<String, String> cookies = new LinkedHashMap<>();

    Exchange(String requestId, long startNanos, boolean secure, String clientAddress) {
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.secure = secure;
        this.clientAddress = clientAddress;
    }

    static void attach(Context ctx, Exchange exchange) {
        ctx.attribute(KEY, exchange);
    }

    /** The exchange of this request; requests that missed the before handler get a bare one. */
    static Exchange of(Context ctx) {
        Exchange exchange = ctx.attribute(KEY);
        if (exchange == null) {
            exchange = new Exchange("-", System.nanoTime(), false, "-");
            ctx.attribute(KEY, exchange);
        }
        return exchange;
    }

    boolean resolved() {
        return current != null;
    }

    Optional<CurrentUser> current() {
        return current == null ? Optional.empty() : current;
    }

    void current(Optional<CurrentUser> user) {
        this.current = user;
    }
}
