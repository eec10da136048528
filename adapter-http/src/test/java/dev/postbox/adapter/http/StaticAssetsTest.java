package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StaticAssetsTest {
    @Test
    void everyAssetHasAContentHashedName() {
        Map<String, String> manifest = StaticAssets.manifest();
        assertThat(manifest).containsOnlyKeys(StaticAssets.FILES);
        assertThat(manifest.get("postbox.css")).matches("postbox\\.[0-9a-f]{12}\\.css");
        assertThat(manifest.get("favicon.svg")).matches("favicon\\.[0-9a-f]{12}\\.svg");
    }

    @Test
    void collectWritesBothNamesAndADjangoStyleManifest(@TempDir Path dir) throws Exception {
        Map<String, String> manifest = StaticAssets.collectTo(dir);
        for (Map.Entry<String, String> e : manifest.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey()))).isEqualTo(Files.readAllBytes(dir.resolve(e.getValue())));
        }
        assertThat(Files.readString(dir.resolve("staticfiles.json")))
                .contains("\"paths\"", "\"postbox.css\": \"" + manifest.get("postbox.css") + "\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        StaticAssets.collectTo(dir);
    }

    @Test
    void theAppServesHashedNamesForeverAndPlainNamesBriefly() throws Exception {
        try (TestApp app = TestApp.start()) {
            String hashed = "/static/" + StaticAssets.manifest().get("postbox.css");
            var forever = app.browser().get(hashed);
            assertThat(forever.statusCode()).isEqualTo(200);
            assertThat(forever.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(forever.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
            var brief = app.browser().get("/static/postbox.css");
            assertThat(brief.headers().firstValue("Cache-Control")).contains("public, max-age=300");
            assertThat(brief.body()).isEqualTo(forever.body());
            assertThat(app.browser().get("/static/other.css").statusCode()).isEqualTo(404);
        }
    }
}
