package dev.postbox.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The stylesheet, script and icon under {@code /static/}; the launcher's collectstatic copies them out. */
public final class StaticAssets {
    /** Where they live on the classpath. */
    public static final String CLASSPATH_DIR = "/dev/postbox/adapter/http/static";
    /** Every file, relative to {@code /static/}. */
    public static final List<String> FILES = List.of("postbox.css", "postbox.js", "favicon.svg");

    private StaticAssets() {
    }

    /** Copies every asset into {@code dir} (created when missing), replacing older copies. */
    public static List<Path> copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new java.util.ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(CLASSPATH_DIR + "/" + name)) {
                if (in == null) {
                    throw new IOException("static asset " + name + " is missing from the jar");
                }
                Path target = dir.resolve(name);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
            }
        }
        return written;
    }
}
