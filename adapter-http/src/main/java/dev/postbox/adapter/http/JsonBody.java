package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postbox.domain.InvalidInputException;

import java.io.IOException;

/** JSON request bodies: strict UTF-8, one object, string fields; anything else is a 400 or 422. */
final class JsonBody {
    private JsonBody() {
    }

    /** The body as a JSON object, or a {@link WebException} 400. */
    static JsonNode object(ObjectMapper json, byte[] bytes) {
        JsonNode node;
        try {
            node = bytes == null || bytes.length == 0 ? null : json.readTree(FormBody.utf8(bytes));
        } catch (IOException e) {
            // includes Jackson's nesting and size limits (StreamConstraintsException)
            throw WebException.badRequest("request.json", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw WebException.badRequest("request.json", "The body must be a JSON object.");
        }
        return node;
    }

    /** A string field; absent or null is null (the use case reports it), any other type is invalid. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "json.not_a_string", "'" + field + "' must be a string.");
        }
        return value.textValue();
    }
}
