package dev.postbox.adapter.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Serves the jar's own assets from memory when the app serves {@code /static/} itself (local
 * runs). A hashed name never changes content, so it may be cached for a year; a plain name
 * only briefly.
 */
final class StaticRoutes {
    void register(RoutesConfig routes) {
        routes.get("/static/{name}", this::serve);
        routes.head("/static/{name}", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        StaticAssets.Asset asset = StaticAssets.find(name).orElseThrow(NotFoundResponse::new);
        boolean hashed = name.equals(asset.hashedName());
        ctx.header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "public, max-age=300");
        ctx.contentType(asset.contentType());
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            ctx.header("Content-Length", Integer.toString(asset.bytes().length));
            return;
        }
        ctx.result(asset.bytes());
    }
}
