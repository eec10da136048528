package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.postbox.domain.PostContent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any valid text survives the whole web layer: created through the JSON API or the form, it is
 * listed once by the API with the same text (as the domain normalises it), and the page shows it
 * HTML-escaped.
 */
class ContentRoundTripPropertiesTest {
    private static TestApp app;
    private static Api api;
    private static Browser browser;
    private static String name;

    @BeforeContainer
    static void start() {
        app = TestApp.start();
        name = app.register("prop");
        api = new Api(app.browser());
        assertThat(api.logIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(200);
        browser = app.loggedIn(name);
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    @Provide
    Arbitrary<String> contents() {
        Arbitrary<Integer> printable = Arbitraries.integers().between(0x20, 0x10FFFF)
                .filter(cp -> !Character.isISOControl(cp) && !(cp >= 0xD800 && cp <= 0xDFFF));
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, printable),
                Tuple.of(3, Arbitraries.of((int) '<', (int) '>', (int) '&', (int) '"', (int) '\'', (int) '%', (int) '+', (int) '=')),
                Tuple.of(2, Arbitraries.integers().between('a', 'z')),
                Tuple.of(1, Arbitraries.of((int) '\n', (int) '\t', (int) ' ', (int) '\r')));
        return codePoint.list().ofMinSize(1).ofMaxSize(120).map(cps -> {
            StringBuilder s = new StringBuilder();
            cps.forEach(s::appendCodePoint);
            return s.toString();
        }).filter(s -> !s.strip().isEmpty());
    }

    @Property(tries = 60)
    void contentCreatedThroughTheApiIsListedUnchanged(@ForAll("contents") String text) {
        String body = JsonNodeFactory.instance.objectNode().put("content", text).toString();
        HttpResponse<String> created = api.call("POST", "/api/v1/posts", body);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Api.json(created).get("id").asText();

        JsonNode listed = Api.json(api.call("GET", "/api/v1/users/" + name + "/posts?limit=1", null)).get("posts").get(0);

        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("content").asText()).isEqualTo(new PostContent(text).value());
    }

    @Property(tries = 40)
    void contentPostedThroughTheFormIsShownEscaped(@ForAll("contents") String text) {
        assertThat(browser.post("/posts/create", Map.of("content", text)).statusCode()).isEqualTo(303);

        String page = browser.get("/posts/list").body();
        JsonNode listed = Api.json(api.call("GET", "/api/v1/users/" + name + "/posts?limit=1", null)).get("posts").get(0);

        String expected = new PostContent(text).value();
        assertThat(listed.get("content").asText()).isEqualTo(expected);
        assertThat(page).contains("<div class=\"content\">" + escape(expected) + "</div>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
