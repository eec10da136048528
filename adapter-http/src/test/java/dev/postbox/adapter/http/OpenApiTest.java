package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postbox.domain.PageRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void documentAndRoutesMatchBothWays() {
        try (TestApp app = TestApp.start()) {
            HttpResponse<String> response = app.browser().get("/api/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode doc = Api.json(response);
            assertThat(doc.get("openapi").asText()).startsWith("3.1");

            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<String> ops = path.getValue().fieldNames(); ops.hasNext(); ) {
                    String op = ops.next();
                    if (METHODS.contains(op)) {
                        documented.add(op.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
            Set<String> served = app.web.routes().stream()
                    .filter(route -> route.path().startsWith(ApiV1.PREFIX + "/"))
                    .map(route -> route.method() + " " + route.path())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(served).hasSize(7);
            assertThat(documented).as("every documented route exists").isSubsetOf(served);
            assertThat(served).as("every route is documented").isSubsetOf(documented);
        }
    }

    @Test
    void everyReferenceResolves() {
        try (TestApp app = TestApp.start()) {
            JsonNode doc = Api.json(app.browser().get("/api/openapi.json"));
            for (String ref : doc.findValuesAsText("$ref")) {
                assertThat(ref).startsWith("#/");
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    @Test
    void theDocumentedLimitIsThePageRequestRule() {
        try (TestApp app = TestApp.start()) {
            JsonNode doc = Api.json(app.browser().get("/api/openapi.json"));
            JsonNode limit = null;
            for (JsonNode parameter : doc.findValues("parameters")) {
                for (JsonNode one : parameter) {
                    if ("limit".equals(one.path("name").asText())) {
                        limit = one.get("schema");
                    }
                }
            }
            assertThat(limit).as("the limit parameter is documented").isNotNull();
            assertThat(limit.get("minimum").asInt()).isEqualTo(1);
            assertThat(limit.get("maximum").asInt()).isEqualTo(PageRequest.MAX_SIZE);
            assertThat(limit.get("default").asInt()).isEqualTo(PageRequest.DEFAULT_SIZE);
        }
    }
}
