package dev.postbox.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stylesheet, script and icon under {@code /static/}. Each has a content-hashed name
 * ({@code postbox.3f2a9c1b7d4e.css}) that pages link to, so a cache may keep it forever and a new
 * release is fetched at once; collectstatic writes both names and a Django-style
 * {@code staticfiles.json} manifest for nginx.
 */
public final class StaticAssets {
    /** Where they live on the classpath. */
    public static final String CLASSPATH_DIR = "/dev/postbox/adapter/http/static";
    /** Every file, relative to {@code /static/}. */
    public static final List<String> FILES = List.of("postbox.css", "postbox.js", "favicon.svg");
    public static final String MANIFEST = "staticfiles.json";

    /** An asset in memory: they are a few KiB, so serving from memory beats touching the disk. */
    record Asset(String name, String hashedName, byte[] bytes, String contentType) {
    }

    private static final Map<String, Asset> BY_NAME = load();

    private StaticAssets() {
    }

    /** Plain name to hashed name, e.g. {@code postbox.css -> postbox.3f2a9c1b7d4e.css}. */
    public static Map<String, String> manifest() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : FILES) {
            result.put(name, BY_NAME.get(name).hashedName());
        }
        return result;
    }

    /** The asset asked for by its plain or hashed name, if it is one of ours. */
    static Optional<Asset> find(String name) {
        Asset asset = BY_NAME.get(name);
        return Optional.ofNullable(asset);
    }

    /** Writes every asset under both names plus {@code staticfiles.json} into {@code dir}; returns the manifest. */
    public static Map<String, String> collectTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> manifest = manifest();
        StringBuilder json = new StringBuilder("{\"version\": \"1.1\", \"paths\": {");
        String separator = "";
        for (String name : FILES) {
            Asset asset = BY_NAME.get(name);
            write(dir.resolve(asset.hashedName()), asset.bytes());
            write(dir.resolve(name), asset.bytes());
            json.append(separator).append('"').append(name).append("\": \"").append(asset.hashedName()).append('"');
            separator = ", ";
        }
        json.append("}}\n");
        write(dir.resolve(MANIFEST), json.toString().getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        // write then rename, so nginx never serves a half-written file
        Path temp = Files.createTempFile(target.getParent(), ".collect", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Asset> load() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(CLASSPATH_DIR + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("static asset " + name + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                int dot = name.lastIndexOf('.');
                String hashed = name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
                Asset asset = new Asset(name, hashed, bytes, contentType(name));
                assets.put(name, asset);
                assets.put(hashed, asset);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(assets);
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String contentType(String name) {
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
}
