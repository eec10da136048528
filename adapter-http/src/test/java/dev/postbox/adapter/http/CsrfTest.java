package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CsrfTest extends AppTest {
    private static void assertCsrfPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("security token", "Forbidden").doesNotContain("Exception");
    }

    @Test
    void postWithoutTokenIsRefused() {
        Browser browser = app.loggedIn(app.register("csrf"));
        assertCsrfPage(browser.postRaw("/posts/create", "content=hello"));
        assertThat(browser.get("/posts/list").body()).doesNotContain("hello");
    }

    @Test
    void wrongTokenIsRefused() {
        Browser browser = app.loggedIn(app.register("csrf"));
        assertCsrfPage(browser.post("/posts/create", Map.of("content", "hi", "csrfmiddlewaretoken", "A".repeat(86))));
        assertCsrfPage(browser.post("/posts/create", Map.of("content", "hi", "csrfmiddlewaretoken", "not base64 !")));
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        Browser alice = app.loggedIn(app.register("alice"));
        Browser mallory = app.loggedIn(app.register("mallory"));
        assertCsrfPage(alice.post("/posts/create", Map.of("content", "forged", "csrfmiddlewaretoken", mallory.csrf)));
        assertCsrfPage(alice.post("/accounts/logout/", Map.of("csrfmiddlewaretoken", mallory.csrf)));
        assertThat(alice.get("/posts/list").statusCode()).isEqualTo(200);
    }

    @Test
    void tokensAreMaskedPerPageButAllValid() {
        Browser browser = app.loggedIn(app.register("masked"));
        browser.get("/posts/create");
        String first = browser.csrf;
        browser.get("/posts/create");
        String second = browser.csrf;
        assertThat(first).isNotEqualTo(second);
        assertThat(browser.post("/posts/create", Map.of("content", "one", "csrfmiddlewaretoken", first)).statusCode()).isEqualTo(303);
        assertThat(browser.post("/posts/create", Map.of("content", "two", "csrfmiddlewaretoken", second)).statusCode()).isEqualTo(303);
    }

    @Test
    void headerTokenWorksLikeTheField() {
        Browser browser = app.loggedIn(app.register("header"));
        HttpResponse<String> response = browser.send(browser.request("/posts/create")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(Csrf.HEADER, browser.csrf)
                .POST(HttpRequest.BodyPublishers.ofString("content=via+header")));
        assertThat(response.statusCode()).isEqualTo(303);
    }

    @Test
    void anonymousLoginNeedsTheCookieAndTheMatchingToken() {
        String name = app.register("anon");
        Browser noCookie = app.browser();
        assertCsrfPage(noCookie.postRaw("/accounts/login/", Browser.encode(Map.of("username", name, "password", TestApp.PASSWORD))));
        assertThat(noCookie.session()).isNull();

        Browser victim = app.browser();
        victim.get("/accounts/login/");
        Browser attacker = app.browser();
        attacker.get("/accounts/login/");
        // login CSRF: the attacker's token does not match the victim's cookie
        assertCsrfPage(victim.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD,
                "csrfmiddlewaretoken", attacker.csrf)));
        assertThat(victim.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void signupNeedsAToken() {
        Browser browser = app.browser();
        browser.get("/accounts/signup/");
        String name = TestApp.uniqueName("nosign");
        assertCsrfPage(browser.post("/accounts/signup/", Map.of("username", name, "email", "x@example.com",
                "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD, "csrfmiddlewaretoken", "")));
        // nothing was created: the name is still free
        assertThat(browser.post("/accounts/signup/", Map.of("username", name, "email", "x@example.com",
                "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void crossSiteFetchesAreRefusedEvenWithAToken() {
        Browser browser = app.loggedIn(app.register("cross"));
        HttpResponse<String> response = browser.send(browser.request("/posts/create")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of("content", "x", "csrfmiddlewaretoken", browser.csrf)))));
        assertCsrfPage(response);
    }

    @Test
    void maskingRoundTrips() {
        String secret = "abcDEF123_-xyz";
        assertThat(Csrf.matches(Csrf.mask(secret), secret)).isTrue();
        assertThat(Csrf.matches(Csrf.mask(secret), secret + "x")).isFalse();
        assertThat(Csrf.matches(secret, secret)).isFalse();
    }
}
