package dev.postbox.adapter.http;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** Pebble templates from the classpath, compiled once and cached, HTML-escaped by default. */
final class PebbleRenderer implements FileRenderer {
    private static final String PREFIX = "dev/postbox/adapter/http/templates";

    private final PebbleEngine engine;

    PebbleRenderer() {
        ClasspathLoader loader = new ClasspathLoader(PebbleRenderer.class.getClassLoader());
        loader.setPrefix(PREFIX);
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .cacheActive(true)
                .strictVariables(false)
                .newLineTrimming(true)
                .defaultLocale(Locale.ROOT)
                .build();
    }

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        return render(filePath, model);
    }

    @SuppressWarnings("unchecked")
    String render(String template, Map<String, ?> model) {
        StringWriter out = new StringWriter(8192);
        try {
            engine.getTemplate(template).evaluate(out, (Map<String, Object>) model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
