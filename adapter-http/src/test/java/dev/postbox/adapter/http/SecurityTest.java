package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityTest extends AppTest {
    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Postbox-Instance")).hasValue("test");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/posts/", "/posts/list", "/accounts/login/", "/nope", "/static/postbox.css",
            "/api/v1/me", "/health/live", "/api/openapi.json", "/admin/"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        assertSecurityHeaders(app.browser().get(path));
    }

    @Test
    void privatePagesAreNotCachedStaticFilesAre() {
        Browser browser = app.loggedIn(app.register("cache"));
        assertThat(browser.get("/posts/list").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(browser.get("/api/v1/me").headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> css = browser.get("/static/postbox.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        assertThat(css.body()).contains("--brand");
        assertThat(browser.get("/static/postbox.js").body()).contains("data-max");
    }

    @Test
    void requestIdIsEchoedWhenPlainAndReplacedWhenNot() {
        Browser browser = app.browser();
        HttpResponse<String> kept = browser.send(browser.request("/posts/").header("X-Request-Id", "abc-123.X").GET());
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123.X");
        HttpResponse<String> replaced = browser.send(browser.request("/posts/").header("X-Request-Id", "evil\" id=forged").GET());
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f]{24}"));
    }

    @Test
    void postContentIsRenderedEscaped() {
        String name = app.register("xss");
        Browser browser = app.loggedIn(name);
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)> \"quoted\" & </textarea>";
        assertThat(browser.post("/posts/create", Map.of("content", payload)).statusCode()).isEqualTo(303);
        for (String body : List.of(browser.get("/posts/list").body(), app.browser().get("/u/" + name).body())) {
            assertThat(body).doesNotContain("<script>alert", "<img src=x", "</textarea>\"")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
                            "&quot;quoted&quot; &amp; &lt;/textarea&gt;");
        }
        // re-rendered into the textarea on a validation error, still escaped
        String tooLong = payload + "x".repeat(10_000);
        String form = browser.post("/posts/create", Map.of("content", tooLong)).body();
        assertThat(form).doesNotContain("<script>alert", "</textarea>\"").contains("&lt;/textarea&gt;");
    }

    @Test
    void usernamesAndPathsAreRenderedEscaped() {
        HttpResponse<String> response = app.browser().get("/u/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<script>alert");
        // a letter-only name that is still odd HTML-wise stays text
        String login = app.browser().get("/accounts/login/?next=/u/%22%3E%3Cscript%3E").body();
        assertThat(login).doesNotContain("\"><script>").contains("value=\"/u/&quot;&gt;&lt;script&gt;\"");
        Browser signup = app.browser();
        signup.get("/accounts/signup/");
        String form = signup.post("/accounts/signup/", Map.of("username", "\"><script>alert(1)</script>", "email", "e@example.com",
                "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD)).body();
        assertThat(form).doesNotContain("<script>alert(1)").contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void oversizedBodyIs413AndNeverReachesTheService() {
        String name = app.register("big");
        Browser browser = app.loggedIn(name);
        String huge = "content=" + "a".repeat(70_000) + "&csrfmiddlewaretoken=" + browser.csrf;
        HttpResponse<String> response = browser.postRaw("/posts/create", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request too large");
        assertSecurityHeaders(response);
        assertThat(browser.get("/posts/list").body()).contains("No posts yet");
    }

    @Test
    void oversizedChunkedBodyIs413() {
        Browser browser = app.loggedIn(app.register("chunky"));
        StringBuilder request = new StringBuilder()
                .append("POST /posts/create HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n")
                .append("Cookie: ").append(Sessions.COOKIE).append('=').append(browser.session()).append("\r\n\r\n");
        String chunk = "a".repeat(8192);
        request.append(Integer.toHexString("content=".length())).append("\r\ncontent=\r\n");
        for (int i = 0; i < 9; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        String response = RawHttp.exchange(app.web.port(), request.toString());
        assertThat(RawHttp.status(response)).isEqualTo(413);
        assertThat(browser.get("/posts/list").body()).contains("No posts yet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"content=%zz", "content=%4", "content=%", "content=%C3%28", "content=%ED%A0%80",
            "content=%FF%FE"})
    void malformedFormEncodingIs400(String body) {
        Browser browser = app.loggedIn(app.register("enc"));
        HttpResponse<String> response = browser.postRaw("/posts/create", body + "&csrfmiddlewaretoken=" + browser.csrf);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Bad request").doesNotContain("Exception");
        assertThat(browser.get("/posts/list").body()).contains("No posts yet");
    }

    @Test
    void rawInvalidUtf8BodyIs400() {
        Browser browser = app.loggedIn(app.register("raw"));
        byte[] prefix = ("csrfmiddlewaretoken=" + browser.csrf + "&content=").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[prefix.length + 2];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        HttpResponse<String> response = browser.send(browser.request("/posts/create")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8");
    }

    @Test
    void otherMediaTypesAre415ForForms() {
        Browser browser = app.loggedIn(app.register("media"));
        HttpResponse<String> response = browser.send(browser.request("/posts/create")
                .header("Content-Type", "text/plain").header(Csrf.HEADER, browser.csrf)
                .POST(HttpRequest.BodyPublishers.ofString("content=x")));
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void unknownMethodsAre405() {
        Browser browser = app.browser();
        for (String method : List.of("FOO", "PROPFIND", "TRACE")) {
            HttpResponse<String> response = browser.send(browser.request("/posts/").method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertSecurityHeaders(response);
        }
    }

    @Test
    void wrongMethodOnAKnownRouteIs405WithAllow() {
        Browser browser = app.browser();
        HttpResponse<String> response = browser.send(browser.request("/posts/list").method("PUT", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("Method not allowed");
        HttpResponse<String> delete = browser.send(browser.request("/accounts/login/").DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET", "POST"));
    }

    @Test
    void malformedRequestLinesGetAPlainErrorWithoutDetails() {
        String response = RawHttp.exchange(app.web.port(), "GET /posts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(response)).isEqualTo(400);
        assertThat(response).doesNotContain("Exception", "at org.", "jetty", "badMessage")
                .contains("X-Frame-Options: DENY", "Content-Security-Policy: default-src 'self'", "Bad request");
        String traversal = RawHttp.exchange(app.web.port(), "GET /static/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(traversal)).isEqualTo(400);
        assertThat(traversal).doesNotContain("root:");
    }

    @Test
    void secureCookiesFollowTheTrustedProxyOnly() {
        String name = app.register("tls");
        Browser viaProxy = app.browser();
        HttpResponse<String> form = viaProxy.send(viaProxy.request("/accounts/login/").header("X-Forwarded-Proto", "https").GET());
        assertThat(Browser.setCookies(form)).anySatisfy(c -> assertThat(c).startsWith(Csrf.COOKIE).contains("; Secure"));
        HttpResponse<String> login = viaProxy.send(viaProxy.request("/accounts/login/").header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of("username", name, "password", TestApp.PASSWORD,
                        "csrfmiddlewaretoken", viaProxy.csrf)))));
        assertThat(Browser.setCookies(login)).anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE).contains("; Secure"));

        try (TestApp untrusting = TestApp.start(TestApp.config("test").withTrustedProxies(List.of("10.0.0.0/8")))) {
            Browser direct = untrusting.browser();
            HttpResponse<String> page = direct.send(direct.request("/accounts/login/").header("X-Forwarded-Proto", "https").GET());
            assertThat(Browser.setCookies(page)).allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
        }
        try (TestApp always = TestApp.start(TestApp.config("test").withSecureCookies(WebConfig.SecureCookies.ALWAYS))) {
            assertThat(Browser.setCookies(always.browser().get("/accounts/login/"))).allSatisfy(c -> assertThat(c).contains("; Secure"));
        }
    }

    @Test
    void staticFilesCanBeTurnedOff() {
        try (TestApp noStatic = TestApp.start(TestApp.config("test").withServeStatic(false, java.util.Optional.empty()))) {
            assertThat(noStatic.browser().get("/static/postbox.css").statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"><svg onload=alert(1)>", "'><img src=x onerror=alert(1)>",
            "javascript:alert(1)", "</textarea><script>x</script>"})
    void reflectedInputIsEscapedEverywhere(String payload) {
        Browser browser = app.browser();
        browser.get("/accounts/login/");
        String login = browser.post("/accounts/login/", Map.of("username", payload, "password", "x")).body();
        String signup = app.browser().get("/accounts/signup/").body();
        String userPage = app.browser().get("/u/" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8)).body();
        String next = app.browser().get("/accounts/login/?next=/" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8)).body();
        for (String page : List.of(login, signup, userPage, next)) {
            // an escaped payload has none of < > " ' left, so finding it raw means it was not escaped
            if (payload.chars().anyMatch(c -> "<>\"'".indexOf(c) >= 0)) {
                assertThat(page).doesNotContain(payload);
            }
            assertThat(page).doesNotContain("<script>alert", "<svg onload", "<img src=x", "href=\"javascript:");
        }
        JsonNode problem = Api.json(new Api(app.browser()).call("GET", "/api/v1/users/" + java.net.URLEncoder.encode(payload,
                java.nio.charset.StandardCharsets.UTF_8) + "/posts", null));
        assertThat(problem.toString()).doesNotContain("<script>");
    }

    @Test
    void sqlAndCqlMetacharactersAreStoredVerbatim() {
        String name = app.register("meta");
        Api api = new Api(app.browser());
        assertThat(api.logIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(200);
        List<String> payloads = List.of("'; DROP TABLE auth_user; --", "\" OR 1=1 --", "\\'; TRUNCATE posts; --",
                "%_%", "x'); APPLY BATCH; --", "$$ || $$", "semi;colon", "😀 ' \" ` \\ %");
        for (String payload : payloads) {
            String body = JsonNodeFactory.instance.objectNode().put("content", payload).toString();
            assertThat(api.call("POST", "/api/v1/posts", body).statusCode()).as(payload).isEqualTo(201);
        }
        JsonNode listed = Api.json(api.call("GET", "/api/v1/users/" + name + "/posts?limit=20", null)).get("posts");
        List<String> contents = new ArrayList<>();
        listed.forEach(p -> contents.add(p.get("content").asText()));
        assertThat(contents).containsExactlyInAnyOrderElementsOf(payloads);
        // metacharacters in credentials are just wrong credentials
        assertThat(new Api(app.browser()).logIn("admin' --", "' OR '1'='1").statusCode()).isEqualTo(401);
        assertThat(new Api(app.browser()).logIn(name + "' --", TestApp.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void malformedAndOversizedInputNeverGives500() {
        Browser browser = app.loggedIn(app.register("junk"));
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(browser.postRaw("/posts/create", "content=" + "%".repeat(3) + "&csrfmiddlewaretoken=" + browser.csrf));
        answers.add(browser.postRaw("/posts/create", "a=1&".repeat(100) + "csrfmiddlewaretoken=" + browser.csrf));
        answers.add(browser.get("/posts/list?before=not-a-uuid"));
        answers.add(browser.get("/api/v1/users/x/posts?limit=999999999999"));
        answers.add(browser.get("/u/" + "a".repeat(5000)));
        Api api = new Api(browser);
        api.csrf = browser.csrf;
        answers.add(api.call("POST", "/api/v1/posts", "{\"content\":" + "[".repeat(5000) + "}"));
        answers.add(api.call("POST", "/api/v1/posts", "{\"content\":1e999999}"));
        answers.add(api.call("DELETE", "/api/v1/posts/" + "z".repeat(300), null));
        String raw = RawHttp.exchange(app.web.port(), "GET /posts/ HTTP/1.1\r\nHost: x\r\nX-Bad: \u0001\u0002\r\nConnection: close\r\n\r\n");
        assertThat(RawHttp.status(raw)).isLessThan(500);
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.uri().toString()).isBetween(200, 499);
            assertThat(r.body()).doesNotContain("Exception", "at dev.postbox", "at org.");
        });
    }
}
