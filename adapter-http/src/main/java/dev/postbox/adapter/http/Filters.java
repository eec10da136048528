package dev.postbox.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * What runs around every handler: request id and client facts, security headers, request limits,
 * body parsing and the CSRF check for unsafe methods, and writing queued cookies.
 */
final class Filters {
    static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebConfig config;
    private final AddressBlocks proxies;
    private final Csrf csrf;
    private final Sessions sessions;

    Filters(WebConfig config, Csrf csrf, Sessions sessions) {
        this.config = config;
        this.proxies = AddressBlocks.parse(config.trustedProxies());
        this.csrf = csrf;
        this.sessions = sessions;
    }

    /** Every request, matched or not. */
    void before(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        boolean trusted = proxies.contains(peer);
        Exchange exchange = new Exchange(requestId(ctx.header("X-Request-Id")), System.nanoTime(),
                secure(ctx, trusted), clientAddress(ctx, peer, trusted));
        Exchange.attach(ctx, exchange);

        ctx.header("X-Request-Id", exchange.requestId);
        ctx.header("X-Postbox-Instance", config.instanceName());
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (!ctx.path().startsWith("/static/")) {
            ctx.header("Cache-Control", "no-store");
        }

        String method = ctx.req().getMethod().toUpperCase(Locale.ROOT);
        if (!KNOWN_METHODS.contains(method)) {
            throw new HttpResponseException(405, "Method not allowed");
        }
        if (ctx.req().getContentLengthLong() > config.maxBodyBytes()) {
            throw WebException.tooLarge(config.maxBodyBytes());
        }
    }

    /** Requests that reached a route: read and check the body, then the CSRF token. */
    void beforeMatched(Context ctx) {
        if (!UNSAFE.contains(ctx.req().getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        Exchange exchange = Exchange.of(ctx);
        try {
            exchange.body = FormBody.read(ctx.req().getInputStream(), config.maxBodyBytes());
        } catch (java.io.IOException clientGone) {
            // cut off mid-body (too slow, or gone): the client's problem, not a server error
            throw WebException.badRequest("request.incomplete", "The request body did not arrive in time.");
        }
        String type = mediaType(ctx.contentType());
        boolean api = ctx.path().startsWith(ApiV1.PREFIX + "/");
        if (api) {
            if (exchange.body.length > 0 && !type.equals("application/json")) {
                throw WebException.unsupportedMediaType("application/json");
            }
            if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
                throw WebException.csrf();
            }
            // a request without a session acts as nobody; JSON bodies cannot be sent cross-site without CORS
            if (sessions.current(ctx).isPresent() && !ApiV1.anonymousEntry(ctx)) {
                csrf.verify(ctx);
            }
            return;
        }
        if (exchange.body.length > 0 && !type.equals("application/x-www-form-urlencoded")) {
            throw WebException.unsupportedMediaType("application/x-www-form-urlencoded");
        }
        exchange.form = FormBody.parse(exchange.body);
        csrf.verify(ctx);
    }

    void after(Context ctx) {
        Cookies.flush(ctx);
        if (ctx.resultInputStream() instanceof java.io.ByteArrayInputStream result) {
            Exchange.of(ctx).resultBytes = result.available();
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private boolean secure(Context ctx, boolean trusted) {
        return switch (config.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> ctx.req().isSecure()
                    || (trusted && "https".equalsIgnoreCase(firstValue(ctx.header("X-Forwarded-Proto"))));
        };
    }

    /** The client's address: the peer, or the last untrusted hop a trusted proxy reported. */
    private String clientAddress(Context ctx, String peer, boolean trusted) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (!trusted || forwarded == null || forwarded.isBlank()) {
            return peer == null || peer.isEmpty() ? "unix" : peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (AddressBlocks.literal(hop) == null) {
                return "invalid";
            }
            if (i == 0 || !proxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private static String firstValue(String header) {
        if (header == null) {
            return "";
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).strip();
    }

    /** Keeps a caller's id when it is short and plain, so it cannot forge log lines. */
    static String requestId(String given) {
        if (given != null && !given.isEmpty() && given.length() <= 64
                && given.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.')) {
            return given;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
