package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsTest extends AppTest {
    private static HttpResponse<String> logInWithNext(String next) {
        String name = app.register("next");
        Browser browser = app.browser();
        browser.get("/accounts/login/");
        return browser.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD, "next", next));
    }

    @Test
    void loginFormHasTokenAndNext() {
        Browser browser = app.browser();
        HttpResponse<String> form = browser.get("/accounts/login/?next=/u/someone");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"csrfmiddlewaretoken\"", "name=\"next\" value=\"/u/someone\"");
        assertThat(Browser.setCookies(form)).anySatisfy(c -> assertThat(c).startsWith(Csrf.COOKIE + "=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/"));
    }

    @Test
    void loginRedirectsToASafeNext() {
        HttpResponse<String> response = logInWithNext("/u/friend?before=x");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/u/friend?before=x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)",
            "\\\\evil.example", "http:evil.example", "/\t/evil.example", " //evil.example", "//evil.example/%2F..",
            "/%2Fevil.example", "/%5cevil.example", "data:text/html,hi", "evil.example", "///evil.example",
            "/\r\nLocation: https://evil.example"})
    void openRedirectVectorsFallBackToPosts(String next) {
        HttpResponse<String> response = logInWithNext(next);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/posts/");
    }

    @Test
    void openRedirectInTheLoginFormIsNotEchoed() {
        HttpResponse<String> form = app.browser().get("/accounts/login/?next=" + URLEncoder.encode("//evil.example", StandardCharsets.UTF_8));
        assertThat(form.body()).contains("name=\"next\" value=\"/posts/\"").doesNotContain("evil.example");
    }

    @Test
    void unknownUserAndWrongPasswordFailTheSameWay() {
        String name = app.register("victim");
        Browser browser = app.browser();
        browser.get("/accounts/login/");
        HttpResponse<String> wrongPassword = browser.post("/accounts/login/", Map.of("username", name, "password", "wrong-password-123"));
        HttpResponse<String> unknownUser = browser.post("/accounts/login/", Map.of("username", "ghost" + name, "password", "wrong-password-123"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
        String message = "Please enter a correct username and password. Note that both fields may be case-sensitive.";
        assertThat(wrongPassword.body()).contains(message);
        assertThat(unknownUser.body()).contains(message);
        assertThat(browser.session()).isNull();
        assertThat(wrongPassword.body()).contains("value=\"" + name + "\"").doesNotContain("wrong-password-123");
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndNewOnEveryLogin() {
        String name = app.register("fixation");
        Browser browser = app.browser();
        // an attacker-planted cookie from before the login
        browser.cookies.put(Sessions.COOKIE, "A".repeat(43));
        browser.get("/accounts/login/");
        HttpResponse<String> login = browser.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD));
        assertThat(Browser.setCookies(login)).anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=")
                .contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure"));
        String first = browser.session();
        assertThat(first).isNotNull().isNotEqualTo("A".repeat(43));

        // logging in again (same browser) gives yet another token and ends the previous session
        browser.get("/accounts/login/");
        browser.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD));
        String second = browser.session();
        assertThat(second).isNotNull().isNotEqualTo(first);
        Browser stale = app.browser();
        stale.cookies.put(Sessions.COOKIE, first);
        assertThat(stale.get("/posts/list").statusCode()).isEqualTo(302);
    }

    @Test
    void logoutConfirmsOnGetAndEndsTheSessionOnPost() {
        String name = app.register("leaver");
        Browser browser = app.loggedIn(name);
        String token = browser.session();
        HttpResponse<String> confirm = browser.get("/accounts/logout/");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Log out?", "method=\"post\" action=\"/accounts/logout/\"");
        assertThat(browser.session()).isEqualTo(token);

        HttpResponse<String> out = browser.post("/accounts/logout/", Map.of());
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("Logged out");
        assertThat(Browser.setCookies(out)).anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=;").contains("Max-Age=0"));
        assertThat(browser.session()).isNull();

        Browser replay = app.browser();
        replay.cookies.put(Sessions.COOKIE, token);
        assertThat(replay.get("/posts/list").statusCode()).isEqualTo(302);
    }

    @Test
    void signupShowsEachRuleNextToItsField() {
        Browser browser = app.browser();
        browser.get("/accounts/signup/");
        HttpResponse<String> response = browser.post("/accounts/signup/",
                Map.of("username", "bad name!", "email", "not-an-email", "password1", "short", "password2", "short"));
        assertThat(response.statusCode()).isEqualTo(400);
        String body = response.body();
        assertThat(body).contains("id=\"id_username_error\"", "Usernames may contain only letters",
                "id=\"id_email_error\"", "Enter a valid e-mail address.",
                "id=\"id_password1_error\"", "This password is too short.");
        assertThat(body).contains("value=\"bad name!\"", "value=\"not-an-email\"").doesNotContain("value=\"short\"");
    }

    @Test
    void signupRejectsMismatchedAndTakenAndCommonPasswords() {
        Browser browser = app.browser();
        browser.get("/accounts/signup/");
        String name = TestApp.uniqueName("newbie");
        HttpResponse<String> mismatch = browser.post("/accounts/signup/",
                Map.of("username", name, "email", "a@example.com", "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD + "x"));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("id=\"id_password2_error\"", "The two password fields didn");

        HttpResponse<String> common = browser.post("/accounts/signup/",
                Map.of("username", name, "email", "a@example.com", "password1", "password1234", "password2", "password1234"));
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("This password is too common.");

        String taken = app.register("taken");
        HttpResponse<String> conflict = browser.post("/accounts/signup/",
                Map.of("username", taken.toUpperCase(), "email", "a@example.com", "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"id_username_error\"");
    }

    @Test
    void signupLogsTheNewUserIn() {
        Browser browser = app.browser();
        browser.get("/accounts/signup/");
        String name = TestApp.uniqueName("joiner");
        HttpResponse<String> response = browser.post("/accounts/signup/",
                Map.of("username", name, "email", name + "@example.com", "password1", TestApp.PASSWORD, "password2", TestApp.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/posts/list");
        assertThat(browser.get("/posts/list").body()).contains(name, "No posts yet");
    }

    @Test
    void passwordChangeNeedsTheOldOneAndLogsOutOtherDevices() {
        String name = app.register("changer");
        Browser laptop = app.loggedIn(name);
        Browser phone = app.loggedIn(name);
        assertThat(app.browser().get("/accounts/password_change/").statusCode()).isEqualTo(302);

        HttpResponse<String> form = laptop.get("/accounts/password_change/");
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = laptop.post("/accounts/password_change/",
                Map.of("old_password", "not-it-at-all", "new_password1", "brand-new-secret-77", "new_password2", "brand-new-secret-77"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"id_old_password_error\"", "Your old password was entered incorrectly.");

        HttpResponse<String> mismatch = laptop.post("/accounts/password_change/",
                Map.of("old_password", TestApp.PASSWORD, "new_password1", "brand-new-secret-77", "new_password2", "other"));
        assertThat(mismatch.body()).contains("id=\"id_new_password2_error\"");

        HttpResponse<String> weak = laptop.post("/accounts/password_change/",
                Map.of("old_password", TestApp.PASSWORD, "new_password1", "short", "new_password2", "short"));
        assertThat(weak.body()).contains("id=\"id_new_password1_error\"", "too short");

        String before = laptop.session();
        HttpResponse<String> done = laptop.post("/accounts/password_change/",
                Map.of("old_password", TestApp.PASSWORD, "new_password1", "brand-new-secret-77", "new_password2", "brand-new-secret-77"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/accounts/password_change/done/");
        assertThat(laptop.session()).isNotEqualTo(before);
        assertThat(laptop.get("/accounts/password_change/done/").body()).contains("Password changed");
        assertThat(phone.get("/posts/list").statusCode()).isEqualTo(302);

        Browser again = app.browser();
        again.logIn(name, "brand-new-secret-77");
    }
}
