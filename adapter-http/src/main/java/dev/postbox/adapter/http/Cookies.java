package dev.postbox.adapter.http;

import io.javalin.http.Context;

/** Writes our cookies with every attribute spelled out (HttpOnly, SameSite=Lax, Path=/, Secure when due). */
final class Cookies {
    private Cookies() {
    }

    /** Queues a cookie; a later call for the same name replaces it, so each name is sent once. */
    static void set(Context ctx, String name, String value, long maxAgeSeconds) {
        Exchange exchange = Exchange.of(ctx);
        StringBuilder header = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; Max-Age=").append(Math.max(0, maxAgeSeconds));
        if (maxAgeSeconds <= 0) {
            header.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
        header.append("; HttpOnly; SameSite=Lax");
        if (exchange.secure) {
            header.append("; Secure");
        }
        exchange.cookies.put(name, header.toString());
    }

    static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    /** Called once, after the handlers, before the response is written. */
    static void flush(Context ctx) {
        for (String header : Exchange.of(ctx).cookies.values()) {
            ctx.res().addHeader("Set-Cookie", header);
        }
        Exchange.of(ctx).cookies.clear();
    }

    /** A cookie's value, or null. Cookies with a name repeated keep the first. */
    static String read(Context ctx, String name) {
        return ctx.cookie(name);
    }
}
