package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postbox.domain.Post;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole session of use and abuse with distinctive passwords, then a search of everything the
 * server said to others (all log events of every logger, console output, /metrics, every error
 * page and problem) for those passwords and for every session and CSRF token it handed out.
 */
class SecretsNeverLeakTest {
    private final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String password = "Pw1-alpha-" + tag;
    private final String newPassword = "Pw2-bravo-" + tag;
    private final String apiPassword = "Pw3-charlie-" + tag;
    private final List<String> wrongPasswords = List.of("Wrong-delta-" + tag, "Wrong-echo-" + tag, "Wrong-fox-" + tag);

    private final Set<String> secrets = new LinkedHashSet<>();
    /** Masked per-page CSRF tokens: a form page must carry its own, so only logs and metrics are searched for them. */
    private final Set<String> formTokens = new LinkedHashSet<>();
    private final List<String> errorPages = new ArrayList<>();

    @Test
    void noPasswordSessionTokenOrCsrfTokenReachesLogsMetricsOrErrorPages() {
        secrets.add(password);
        secrets.add(newPassword);
        secrets.add(apiPassword);
        secrets.addAll(wrongPasswords);
        String metrics;
        String logs;
        int events;
        try (LogCapture capture = new LogCapture();
             TestApp app = TestApp.start(TestApp.config("leak"), List.of(), FailingPosts::new)) {
            pageFlow(app);
            apiFlow(app);
            abuse(app);
            metrics = app.browser().get("/metrics").body();
            logs = capture.text();
            events = capture.events();
        }

        assertThat(events).as("the capture saw the access log").isGreaterThan(20);
        assertThat(logs).contains("/accounts/login/", "POST", "boom-" + tag);
        assertThat(metrics).contains("http_server_requests");
        assertThat(secrets).hasSizeGreaterThan(10).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThanOrEqualTo(12));
        for (String secret : secrets) {
            assertThat(logs).as("logs").doesNotContain(secret);
            assertThat(metrics).as("metrics").doesNotContain(secret);
            for (String page : errorPages) {
                assertThat(page).as("an error page").doesNotContain(secret);
            }
        }
        assertThat(formTokens).hasSizeGreaterThan(10);
        for (String token : formTokens) {
            assertThat(logs).as("logs").doesNotContain(token);
            assertThat(metrics).as("metrics").doesNotContain(token);
        }
        assertThat(errorPages).hasSizeGreaterThan(8);
    }

    private HttpResponse<String> seen(HttpResponse<String> response) {
        for (String cookie : Browser.setCookies(response)) {
            String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
            if (!value.isEmpty()) {
                secrets.add(value);
            }
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"")
                .matcher(response.body());
        while (token.find()) {
            formTokens.add(token.group(1));
        }
        if (response.statusCode() >= 400) {
            // the body only: Set-Cookie on an error response gives the client its own cookie, by design
            errorPages.add(response.body());
        }
        return response;
    }

    private void pageFlow(TestApp app) {
        String name = TestApp.uniqueName("leak");
        Browser browser = app.browser();
        seen(browser.get("/accounts/signup/"));
        seen(browser.post("/accounts/signup/", Map.of("username", name, "email", name + "@example.com",
                "password1", password, "password2", password + "x")));
        seen(browser.post("/accounts/signup/", Map.of("username", name, "email", name + "@example.com",
                "password1", password, "password2", password)));
        seen(browser.get("/posts/create"));
        seen(browser.post("/posts/create", Map.of("content", "hello from " + name)));
        seen(browser.get("/posts/list"));
        // the store fails on this one: a 500 with a logged stack trace, while cookies and tokens are in the request
        seen(browser.post("/posts/create", Map.of("content", "boom-" + tag)));
        seen(browser.get("/accounts/password_change/"));
        seen(browser.post("/accounts/password_change/", Map.of("old_password", wrongPasswords.get(0),
                "new_password1", newPassword, "new_password2", newPassword)));
        seen(browser.post("/accounts/password_change/", Map.of("old_password", password,
                "new_password1", newPassword, "new_password2", newPassword + "y")));
        seen(browser.post("/accounts/password_change/", Map.of("old_password", password,
                "new_password1", newPassword, "new_password2", newPassword)));
        seen(browser.get("/posts/list"));
        seen(browser.post("/accounts/logout/", Map.of()));

        Browser again = app.browser();
        seen(again.get("/accounts/login/?next=/posts/list"));
        for (String wrong : wrongPasswords) {
            seen(again.post("/accounts/login/", Map.of("username", name, "password", wrong)));
        }
        seen(again.post("/accounts/login/", Map.of("username", "ghost" + name, "password", newPassword)));
        seen(again.post("/accounts/login/", Map.of("username", name, "password", newPassword, "next", "/posts/list")));
        assertThat(again.session()).isNotNull();
        secrets.add(again.session());
        // a forged CSRF token and a form without one
        secrets.add("forged" + tag + "token");
        seen(again.post("/posts/create", Map.of("content", "x", "csrfmiddlewaretoken", "forged" + tag + "token")));
        seen(again.postRaw("/posts/create", "content=y"));
    }

    private void apiFlow(TestApp app) {
        String name = TestApp.uniqueName("leakapi");
        Api api = new Api(app.browser());
        seen(api.call("POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\""
                + apiPassword + "\"}"));
        seen(api.logIn(name, wrongPasswords.get(1)));
        HttpResponse<String> in = seen(api.logIn(name, apiPassword));
        assertThat(in.statusCode()).isEqualTo(200);
        formTokens.add(api.csrf);
        secrets.add(api.browser.session());
        HttpResponse<String> created = seen(api.call("POST", "/api/v1/posts", "{\"content\":\"api post\"}"));
        JsonNode post = Api.json(created);
        seen(api.call("GET", "/api/v1/me", null));
        seen(api.call("GET", "/api/v1/users/" + name + "/posts?limit=500", null));
        seen(api.call("POST", "/api/v1/posts", "{\"content\":\"boom-" + tag + "\"}"));
        String goodToken = api.csrf;
        api.csrf = "forged-" + tag + "-csrf";
        secrets.add(api.csrf);
        seen(api.call("DELETE", "/api/v1/posts/" + post.get("id").asText(), null));
        api.csrf = goodToken;
        seen(api.call("DELETE", "/api/v1/posts/" + post.get("id").asText(), null));
        // malformed JSON that carries a password
        seen(api.call("POST", "/api/v1/session", "{\"username\":\"" + name + "\",\"password\":\"" + apiPassword));
        seen(api.call("POST", "/api/v1/session", "{\"username\":\"" + name + "\",\"password\":[\"" + apiPassword + "\"]}"));
        seen(api.call("DELETE", "/api/v1/session", null));
    }

    private void abuse(TestApp app) {
        String victim = app.register("victim");
        for (int i = 0; i < 12; i++) {
            Browser b = app.browser();
            seen(b.get("/accounts/login/"));
            seen(b.post("/accounts/login/", Map.of("username", victim, "password", wrongPasswords.get(i % 3))));
        }
        Api api = new Api(app.browser());
        HttpResponse<String> throttled = seen(api.logIn(victim, wrongPasswords.get(2)));
        assertThat(throttled.statusCode()).isEqualTo(429);
        // a password in a query string and in a header, where careless code might log them
        Browser b = app.browser();
        seen(b.send(b.request("/nope?password=" + wrongPasswords.get(0)).header("Authorization", "Basic " + wrongPasswords.get(1)).GET()));
        seen(b.send(b.request("/accounts/login/").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + victim + "&password=" + wrongPasswords.get(2) + "&%zz"))));
    }

    /** Fails every write of a post whose content starts with "boom-", like a store with a bug. */
    private record FailingPosts(PostRepository delegate) implements ForwardingPosts {
        @Override
        public void insert(Post post) {
            if (post.content().value().startsWith("boom-")) {
                throw new IllegalStateException("store bug while writing " + post.content().value());
            }
            delegate.insert(post);
        }
    }
}
