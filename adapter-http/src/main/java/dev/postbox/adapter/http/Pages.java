package dev.postbox.adapter.http;

import dev.postbox.ports.in.ResolveSessionUseCase.CurrentUser;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Renders a page with what every page shows: who is logged in and their form token. */
final class Pages {
    private static final Map<String, String> ASSETS = StaticAssets.urls();

    private final PebbleRenderer renderer;
    private final Sessions sessions;
    private final Csrf csrf;

    Pages(PebbleRenderer renderer, Sessions sessions, Csrf csrf) {
        this.renderer = renderer;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    Csrf csrf() {
        return csrf;
    }

    void render(Context ctx, int status, String template, Map<String, ?> model) {
        Optional<CurrentUser> me = sessions.current(ctx);
        Map<String, Object> all = new HashMap<>(model);
        all.put("assets", ASSETS);
        me.ifPresent(user -> {
            all.put("me", Views.user(user.user()));
            all.putIfAbsent("csrf", csrf.token(ctx));
        });
        write(ctx, status, renderer.render(template, all));
    }

    /** For error pages: never asks a store again (it may be the reason for the error). */
    void renderError(Context ctx, int status, Map<String, ?> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("assets", ASSETS);
        Exchange.of(ctx).current().ifPresent(user -> {
            all.put("me", Views.user(user.user()));
            all.put("csrf", Csrf.tokenFor(user.session().csrfSecret()));
        });
        write(ctx, status, renderer.render("error", all));
    }

    private static void write(Context ctx, int status, String html) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html.getBytes(StandardCharsets.UTF_8));
    }
}
