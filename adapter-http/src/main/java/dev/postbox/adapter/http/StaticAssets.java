package dev.postbox.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stylesheet, script and icon under {@code /static/}. Each also has a content-hashed name
 * ({@code postbox.3f2a9c1b7d4e.css}, as Django's ManifestStaticFilesStorage does) that pages link,
 * so nginx may cache it for a year; the launcher's collectstatic writes both names and a
 * {@code staticfiles.json} manifest.
 */
public final class StaticAssets {
    /** Where they live on the classpath. */
    public static final String CLASSPATH_DIR = "/dev/postbox/adapter/http/static";
    /** Every file, relative to {@code /static/}. */
    public static final List<String> FILES = List.of("postbox.css", "postbox.js", "favicon.svg");
    /** The manifest collectstatic writes beside the files. */
    public static final String MANIFEST = "staticfiles.json";

    private record Asset(String name, String hashedName, byte[] bytes) {
    }

    private static final Map<String, Asset> BY_NAME = load();

    private StaticAssets() {
    }

    /** Plain name to hashed name, for every asset, in {@link #FILES} order. */
    public static Map<String, String> manifest() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : FILES) {
            names.put(name, BY_NAME.get(name).hashedName());
        }
        return names;
    }

    /**
     * Writes every asset under its plain and its hashed name into {@code dir} (created when
     * missing) and the manifest {@code staticfiles.json}; returns plain name to hashed name.
     */
    public static Map<String, String> collectTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder json = new StringBuilder("{\n  \"version\": \"1.1\",\n  \"paths\": {");
        String separator = "\n";
        for (String name : FILES) {
            Asset asset = BY_NAME.get(name);
            Files.write(dir.resolve(name), asset.bytes());
            Files.write(dir.resolve(asset.hashedName()), asset.bytes());
            json.append(separator).append("    \"").append(name).append("\": \"").append(asset.hashedName()).append('"');
            separator = ",\n";
        }
        json.append("\n  }\n}\n");
        Files.writeString(dir.resolve(MANIFEST), json, StandardCharsets.UTF_8);
        return manifest();
    }

    /** The URL pages use for an asset: its hashed name under {@code /static/}. */
    static String url(String name) {
        return "/static/" + BY_NAME.get(name).hashedName();
    }

    /** URLs of every asset by plain name, for templates. */
    static Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : FILES) {
            urls.put(name, url(name));
        }
        return Map.copyOf(urls);
    }

    /** The bytes for a plain or hashed name, and whether the name was the hashed (immutable) one. */
    static Optional<Map.Entry<byte[], Boolean>> find(String requested) {
        for (Asset asset : BY_NAME.values()) {
            if (asset.name().equals(requested)) {
                return Optional.of(Map.entry(asset.bytes(), false));
            }
            if (asset.hashedName().equals(requested)) {
                return Optional.of(Map.entry(asset.bytes(), true));
            }
        }
        return Optional.empty();
    }

    static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static Map<String, Asset> load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(CLASSPATH_DIR + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("static asset " + name + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                assets.put(name, new Asset(name, hashed(name, bytes), bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(assets);
    }

    private static String hashed(String name, byte[] bytes) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + "." + hash + name.substring(dot);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
