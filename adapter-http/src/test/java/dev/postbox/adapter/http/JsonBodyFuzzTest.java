package dev.postbox.adapter.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postbox.domain.InvalidInputException;
import io.javalin.json.JavalinJackson;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of the JSON-body parser: any bytes give a JSON object or a 400 (deep nesting,
 * bad UTF-8, huge numbers included); fields are strings, null, or a 422 naming the field.
 * Replays {@code JsonBodyFuzzTestInputs/} without JAZZER_FUZZ.
 */
class JsonBodyFuzzTest {
    private static final ObjectMapper JSON = JavalinJackson.defaultMapper();

    @FuzzTest(maxDuration = "30s")
    void jsonBodiesAreAnObjectOrA400(byte[] body) {
        JsonNode node;
        try {
            node = JsonBody.object(JSON, body);
        } catch (WebException e) {
            assertThat(e.status()).isEqualTo(400);
            return;
        }
        assertThat(node.isObject()).isTrue();
        for (String field : List.of("username", "password", "email", "content")) {
            try {
                String value = JsonBody.text(node, field);
                assertThat(value == null || node.get(field).isTextual()).isTrue();
            } catch (InvalidInputException e) {
                assertThat(e.code()).isEqualTo("json.not_a_string");
                assertThat(e.getMessage()).isEqualTo("'" + field + "' must be a string.");
            }
        }
    }
}
