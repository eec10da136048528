package dev.postbox.adapter.http;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
        // templates hold only Latin-1 (other characters as entities), so a page of plain text stays
        // a compact one-byte string, cheap to build and to encode; see docs/performance.md
        Text out = new Text();
        try {
            engine.getTemplate(template).evaluate(out, (Map<String, Object>) model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A StringWriter without StringBuffer's locking: one page is written by one thread. */
    private static final class Text extends Writer {
        private final StringBuilder text = new StringBuilder(16_384);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
