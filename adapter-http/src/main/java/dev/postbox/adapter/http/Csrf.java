package dev.postbox.adapter.http;

import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Synchronizer tokens. A logged-in visitor's forms carry the session's {@code csrfSecret}; an
 * anonymous visitor's (login, sign-up) carry a random secret kept in an HttpOnly cookie (double
 * submit), so no shared server key is needed across instances. Every token is masked with fresh
 * random bytes per page, so compressed responses do not leak the secret (BREACH), as Django does.
 */
final class Csrf {
    static final String COOKIE = "postbox_csrf";
    static final String FIELD = "csrfmiddlewaretoken";
    static final String HEADER = "X-CSRF-Token";
    private static final long ANONYMOUS_MAX_AGE = 7L * 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Sessions sessions;

    Csrf(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A masked token for a form on this page; sets the anonymous cookie when it is needed. */
    String token(Context ctx) {
        Optional<CurrentUser> user = sessions.current(ctx);
        if (user.isPresent()) {
            return mask(user.get().session().csrfSecret());
        }
        String secret = anonymousSecret(ctx).orElse(null);
        if (secret == null) {
            secret = newSecret();
        }
        // re-sent each time so a long-open tab keeps a live cookie
        Cookies.set(ctx, COOKIE, secret, ANONYMOUS_MAX_AGE);
        return mask(secret);
    }

    /** A token for an API client that just logged in. */
    static String tokenFor(String sessionSecret) {
        return mask(sessionSecret);
    }

    /** Throws a 403 unless the request carries a token matching this visitor's secret. */
    void verify(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            throw WebException.csrf();
        }
        String submitted = ctx.header(HEADER);
        if (submitted == null || submitted.isEmpty()) {
            List<String> field = Exchange.of(ctx).form.get(FIELD);
            submitted = field == null || field.isEmpty() ? null : field.get(0);
        }
        if (submitted == null || submitted.isEmpty()) {
            throw WebException.csrf();
        }
        Optional<CurrentUser> user = sessions.current(ctx);
        String expected = user.isPresent()
                ? user.get().session().csrfSecret()
                : anonymousSecret(ctx).orElseThrow(WebException::csrf);
        if (!matches(submitted, expected)) {
            throw WebException.csrf();
        }
    }

    private static Optional<String> anonymousSecret(Context ctx) {
        String value = Cookies.read(ctx, COOKIE);
        if (value == null || value.length() != 43 || !value.chars().allMatch(Csrf::base64url)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    static String mask(String secret) {
        byte[] plain = secret.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[plain.length * 2];
        byte[] pad = new byte[plain.length];
        RANDOM.nextBytes(pad);
        for (int i = 0; i < plain.length; i++) {
            out[i] = pad[i];
            out[plain.length + i] = (byte) (pad[i] ^ plain[i]);
        }
        return ENCODER.encodeToString(out);
    }

    /** Constant-time comparison of the unmasked token with the expected secret. */
    static boolean matches(String token, String secret) {
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != expected.length * 2) {
            return false;
        }
        byte[] plain = new byte[expected.length];
        for (int i = 0; i < expected.length; i++) {
            plain[i] = (byte) (raw[i] ^ raw[expected.length + i]);
        }
        return MessageDigest.isEqual(plain, expected);
    }
}
