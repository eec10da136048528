package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StaticAssetsTest {
    @Test
    void collectWritesPlainAndHashedNamesAndTheManifest(@TempDir Path dir) throws IOException {
        Map<String, String> written = StaticAssets.collectTo(dir.resolve("static"));
        assertThat(written.keySet()).containsExactlyElementsOf(StaticAssets.FILES);
        assertThat(written.get("postbox.css")).matches("postbox\\.[0-9a-f]{12}\\.css");
        for (Map.Entry<String, String> e : written.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve("static").resolve(e.getKey())))
                    .isEqualTo(Files.readAllBytes(dir.resolve("static").resolve(e.getValue())));
        }
        String manifest = Files.readString(dir.resolve("static").resolve(StaticAssets.MANIFEST));
        assertThat(Api.JSON.readTree(manifest).get("paths").get("postbox.js").asText()).isEqualTo(written.get("postbox.js"));
    }

    @Test
    void pagesLinkHashedNamesThatAreServedForGood() {
        try (TestApp app = TestApp.start()) {
            String page = app.browser().get("/posts/").body();
            String css = StaticAssets.url("postbox.css");
            assertThat(page).contains("href=\"" + css + "\"", "src=\"" + StaticAssets.url("postbox.js") + "\"");
            HttpResponse<String> hashed = app.browser().get(css);
            assertThat(hashed.statusCode()).isEqualTo(200);
            assertThat(hashed.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(hashed.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
            assertThat(app.browser().get("/static/postbox.000000000000.css").statusCode()).isEqualTo(404);
            assertThat(app.browser().get("/static/..%2Fopenapi.json").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aCollectedFolderIsServedFromDisk(@TempDir Path dir) throws IOException {
        Map<String, String> written = StaticAssets.collectTo(dir);
        try (TestApp app = TestApp.start(TestApp.config("disk").withServeStatic(true, Optional.of(dir)))) {
            assertThat(app.browser().get("/static/" + written.get("postbox.css")).body()).contains("--brand");
            assertThat(app.browser().get("/static/postbox.js").statusCode()).isEqualTo(200);
            assertThat(app.browser().get("/static/" + StaticAssets.MANIFEST).statusCode()).isEqualTo(200);
            assertThat(app.browser().get("/static/nothing.css").statusCode()).isEqualTo(404);
        }
    }
}
