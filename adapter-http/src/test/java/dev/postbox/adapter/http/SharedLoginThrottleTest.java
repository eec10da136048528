package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postbox.ports.service.Postbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances over the same stores, as two servers behind a round-robin balancer share
 * one database: failed logins sent alternately to each add up, and both refuse alike.
 */
class SharedLoginThrottleTest {
    private static final String WRONG = "wrong-password-123";
    static final String THROTTLED_TEXT = "Too many failed login attempts. Please wait a few minutes and try again.";

    private static TestApp a;
    private static TestApp b;

    @BeforeAll
    static void start() {
        Postbox.Storage shared = Postbox.Storage.inMemory();
        a = TestApp.over(TestApp.config("a"), List.of(), shared);
        b = TestApp.over(TestApp.config("b"), List.of(), shared);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    /** A failed page login through one instance, claiming to come from {@code client} via the local (trusted) proxy. */
    static HttpResponse<String> pageLogin(TestApp app, String username, String password, String client) {
        Browser browser = app.browser();
        browser.send(browser.request("/accounts/login/").header("X-Forwarded-For", client).GET());
        return browser.send(browser.request("/accounts/login/").header("X-Forwarded-For", client)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of(
                        "username", username, "password", password, "csrfmiddlewaretoken", browser.csrf)))));
    }

    @Test
    void tenFailuresSpreadOverTwoInstancesGive429WithRetryAfterOnBoth() {
        String name = a.register("shared");
        for (int i = 0; i < 10; i++) {
            assertThat(pageLogin(i % 2 == 0 ? a : b, name, WRONG, "198.51.100." + i).statusCode()).isEqualTo(401);
        }

        for (TestApp app : List.of(a, b)) {
            HttpResponse<String> refused = pageLogin(app, name, TestApp.PASSWORD, "198.51.100.99");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                    assertThat(Long.parseLong(v)).isBetween(1L, 900L));
            assertThat(refused.body()).contains(THROTTLED_TEXT).doesNotContain(TestApp.PASSWORD);
            assertThat(Browser.setCookies(refused)).noneMatch(c -> c.startsWith(Sessions.COOKIE + "=") && !c.contains("Max-Age=0"));
        }
        HttpResponse<String> api = new Api(b.browser()).logIn(name, TestApp.PASSWORD);
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = Api.json(api);
        assertThat(problem.get("code").asText()).isEqualTo("login.throttled");
        assertThat(problem.get("detail").asText()).isEqualTo(THROTTLED_TEXT);
    }

    @Test
    void theRefusalLooksTheSameForAnUnknownUser() {
        String known = a.register("known");
        String unknown = "ghost" + known;
        for (int i = 0; i < 10; i++) {
            pageLogin(i % 2 == 0 ? a : b, known, WRONG, "198.51.100.20");
            pageLogin(i % 2 == 0 ? b : a, unknown, WRONG, "198.51.100.21");
        }
        HttpResponse<String> knownPage = pageLogin(a, known, WRONG, "198.51.100.22");
        HttpResponse<String> unknownPage = pageLogin(b, unknown, WRONG, "198.51.100.22");

        assertThat(knownPage.statusCode()).isEqualTo(429).isEqualTo(unknownPage.statusCode());
        assertThat(knownPage.body()).contains(THROTTLED_TEXT);
        assertThat(knownPage.headers().firstValue("Retry-After")).isPresent();
        assertThat(unknownPage.headers().firstValue("Retry-After")).isPresent();
        assertThat(strip(knownPage.body(), known)).isEqualTo(strip(unknownPage.body(), unknown));
    }

    /** The page without the things that differ by nature: the typed username and the per-page CSRF token. */
    private static String strip(String page, String username) {
        return page.replace(username, "NAME").replaceAll("name=\"csrfmiddlewaretoken\" value=\"[^\"]+\"", "TOKEN");
    }

    @Test
    void theAddressLimitFollowsTheForwardedClientAndASuccessResetsOnlyTheUsername() {
        String name = a.register("addr");
        for (int i = 0; i < 50; i++) {
            assertThat(pageLogin(i % 2 == 0 ? a : b, "spray" + i + name, WRONG, "203.0.113.50").statusCode()).isEqualTo(401);
        }
        assertThat(pageLogin(a, name, TestApp.PASSWORD, "203.0.113.50").statusCode()).isEqualTo(429);
        assertThat(pageLogin(b, name, TestApp.PASSWORD, "203.0.113.51").statusCode()).isEqualTo(303);
    }

    @Test
    void anUntrustedPeerCannotDodgeTheAddressLimitWithForgedForwardedFor() {
        Postbox.Storage shared = Postbox.Storage.inMemory();
        WebConfig untrusting = TestApp.config("u").withTrustedProxies(List.of("10.0.0.0/8"));
        try (TestApp one = TestApp.over(untrusting, List.of(), shared); TestApp two = TestApp.over(untrusting, List.of(), shared)) {
            String name = one.register("forge");
            for (int i = 0; i < 50; i++) {
                pageLogin(i % 2 == 0 ? one : two, "spray" + i + name, WRONG, "192.0.2." + i);
            }
            // every forged X-Forwarded-For was ignored: all 50 counted for the real peer, 127.0.0.1
            assertThat(pageLogin(two, name, TestApp.PASSWORD, "192.0.2.200").statusCode()).isEqualTo(429);
        }
    }
}
