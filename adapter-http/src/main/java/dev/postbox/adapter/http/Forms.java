package dev.postbox.adapter.http;

import dev.postbox.domain.InvalidInputException;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading parsed form fields and turning violations into per-field messages. */
final class Forms {
    private Forms() {
    }

    /** The first value of a field, or an empty string. */
    static String field(Context ctx, String name) {
        List<String> values = Exchange.of(ctx).form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /**
     * One message per field, keyed by the form's field names; {@code aliases} maps a domain field
     * (such as {@code password}) to the form's ({@code password1}). Unknown fields go under "form".
     */
    static Map<String, String> errors(InvalidInputException e, Map<String, String> aliases, List<String> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.Violation v : e.violations()) {
            String field = v.field() == null ? "form" : aliases.getOrDefault(v.field(), v.field());
            if (!fields.contains(field)) {
                field = "form";
            }
            errors.putIfAbsent(field, v.message());
        }
        return errors;
    }
}
