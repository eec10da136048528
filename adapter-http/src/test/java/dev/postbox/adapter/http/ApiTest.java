package dev.postbox.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest extends AppTest {
    private static Api api() {
        return new Api(app.browser());
    }

    private static Api loggedIn(String name) {
        Api api = api();
        assertThat(api.logIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(200);
        return api;
    }

    private static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Api.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("urn:postbox:problem:" + code);
        assertThat(problem.has("title")).isTrue();
        assertThat(response.body()).doesNotContain("Exception", "at dev.");
        return problem;
    }

    @Test
    void signUpLogInMeAndLogOut() {
        Api api = api();
        String name = TestApp.uniqueName("api");
        HttpResponse<String> created = api.call("POST", "/api/v1/users",
                "{\"username\":\"" + name + "\",\"email\":\"" + name + "@Example.COM\",\"password\":\"" + TestApp.PASSWORD + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Api.json(created).get("email").asText()).isEqualTo(name + "@example.com");

        HttpResponse<String> session = api.logIn(name, TestApp.PASSWORD);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(Api.json(session).get("username").asText()).isEqualTo(name);
        assertThat(api.csrf).isNotBlank();
        assertThat(Browser.setCookies(session)).anySatisfy(c -> assertThat(c).startsWith(Sessions.COOKIE + "=").contains("HttpOnly"));

        HttpResponse<String> me = api.call("GET", "/api/v1/me", null);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode user = Api.json(me);
        assertThat(user.get("username").asText()).isEqualTo(name);
        assertThat(user.get("superuser").asBoolean()).isFalse();
        assertThat(user.get("lastLogin").isTextual()).isTrue();
        assertThat(me.body()).doesNotContain("password", "argon2");

        assertThat(api.call("DELETE", "/api/v1/session", null).statusCode()).isEqualTo(204);
        problem(api.call("GET", "/api/v1/me", null), 401, "session.required");
        // logging out without a session is a harmless no-op
        assertThat(api().call("DELETE", "/api/v1/session", null).statusCode()).isEqualTo(204);
    }

    @Test
    void validationIs422WithEveryFieldAndConflictIs409() {
        JsonNode invalid = problem(api().call("POST", "/api/v1/users",
                "{\"username\":\"no spaces\",\"email\":\"nope\",\"password\":\"short\"}"), 422, "username.invalid");
        assertThat(invalid.get("errors")).hasSize(3);
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("username", "email", "password");
        assertThat(invalid.get("errors").findValuesAsText("code")).contains("email.invalid", "password.too_short");

        String taken = app.register("taken");
        problem(api().call("POST", "/api/v1/users",
                "{\"username\":\"" + taken + "\",\"email\":\"a@example.com\",\"password\":\"" + TestApp.PASSWORD + "\"}"), 409, "username.taken");
        problem(api().call("POST", "/api/v1/users", "{\"username\":42}"), 422, "json.not_a_string");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreRefused() {
        problem(api().call("POST", "/api/v1/session", "{not json"), 400, "request.json");
        problem(api().call("POST", "/api/v1/session", "[1,2]"), 400, "request.json");
        Browser browser = app.browser();
        HttpResponse<String> form = browser.postRaw("/api/v1/session", "username=a&password=b");
        problem(form, 415, "request.media_type");
        HttpResponse<String> badUtf8 = browser.send(browser.request("/api/v1/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})));
        problem(badUtf8, 400, "request.encoding");
        HttpResponse<String> big = browser.send(browser.request("/api/v1/session").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + "a".repeat(70_000) + "\"}")));
        problem(big, 413, "request.too_large");
    }

    @Test
    void failedLoginIs401WithTheGenericMessage() {
        String name = app.register("apifail");
        JsonNode wrong = problem(api().logIn(name, "wrong-password-99"), 401, "login.failed");
        JsonNode unknown = problem(api().logIn("ghost" + name, "wrong-password-99"), 401, "login.failed");
        assertThat(wrong.get("detail")).isEqualTo(unknown.get("detail"));
    }

    @Test
    void createListPageAndDeletePosts() {
        String name = app.register("poster");
        Api api = loggedIn(name);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> created = api.call("POST", "/api/v1/posts", "{\"content\":\"post " + i + " 🎉\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(Api.json(created).get("author").asText()).isEqualTo(name);
        }
        HttpResponse<String> first = api().call("GET", "/api/v1/users/" + name + "/posts?limit=3", null);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page = Api.json(first);
        assertThat(page.get("posts").findValuesAsText("content")).containsExactly("post 5 🎉", "post 4 🎉", "post 3 🎉");
        String cursor = page.get("olderThan").asText();
        JsonNode second = Api.json(api().call("GET", "/api/v1/users/" + name + "/posts?limit=3&before=" + cursor, null));
        assertThat(second.get("posts").findValuesAsText("content")).containsExactly("post 2 🎉", "post 1 🎉");
        assertThat(second.get("olderThan").isNull()).isTrue();

        String id = page.get("posts").get(0).get("id").asText();
        Api other = loggedIn(app.register("intruder"));
        problem(other.call("DELETE", "/api/v1/posts/" + id + "?author=" + name, null), 403, "post.forbidden");
        assertThat(api.call("DELETE", "/api/v1/posts/" + id, null).statusCode()).isEqualTo(204);
        problem(api.call("DELETE", "/api/v1/posts/" + id, null), 404, "post.not_found");
        problem(api.call("DELETE", "/api/v1/posts/not-a-uuid", null), 404, "post.not_found");

        Api admin = loggedIn(app.superuser("apiroot"));
        String another = page.get("posts").get(1).get("id").asText();
        assertThat(admin.call("DELETE", "/api/v1/posts/" + another + "?author=" + name, null).statusCode()).isEqualTo(204);
    }

    @Test
    void listErrors() {
        String name = app.register("lister");
        problem(api().call("GET", "/api/v1/users/" + name + "/posts?limit=0", null), 422, "limit.out_of_range");
        problem(api().call("GET", "/api/v1/users/" + name + "/posts?limit=abc", null), 422, "limit.out_of_range");
        problem(api().call("GET", "/api/v1/users/" + name + "/posts?limit=101", null), 422, "limit.out_of_range");
        JsonNode cursor = problem(api().call("GET", "/api/v1/users/" + name + "/posts?before=zzz", null), 422, "cursor.invalid");
        assertThat(cursor.get("errors").get(0).get("field").asText()).isEqualTo("before");
        problem(api().call("GET", "/api/v1/users/nobody" + name + "/posts", null), 404, "user.not_found");
    }

    @Test
    void writesNeedASessionAndTheCsrfHeader() {
        problem(api().call("POST", "/api/v1/posts", "{\"content\":\"anonymous\"}"), 401, "session.required");
        Api api = loggedIn(app.register("csrfapi"));
        String token = api.csrf;
        api.csrf = null;
        problem(api.call("POST", "/api/v1/posts", "{\"content\":\"no token\"}"), 403, "csrf.failed");
        problem(api.call("DELETE", "/api/v1/session", null), 403, "csrf.failed");
        Api other = loggedIn(app.register("othertoken"));
        api.csrf = other.csrf;
        problem(api.call("POST", "/api/v1/posts", "{\"content\":\"wrong token\"}"), 403, "csrf.failed");
        api.csrf = token;
        assertThat(api.call("POST", "/api/v1/posts", "{\"content\":\"with token\"}").statusCode()).isEqualTo(201);
        JsonNode invalid = problem(api.call("POST", "/api/v1/posts", "{\"content\":\"  \"}"), 422, "content.required");
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("content");
    }

    @Test
    void unknownApiRoutesAndMethodsAreProblems() {
        problem(api().call("GET", "/api/v1/nothing", null), 404, "not_found");
        problem(api().call("PUT", "/api/v1/me", "{}"), 405, "method_not_allowed");
    }

    @Test
    void aPlantedSessionCookieIsNeverAdoptedByTheApi() {
        String name = app.register("fixapi");
        Browser browser = app.browser();
        String planted = "B".repeat(43);
        browser.cookies.put(Sessions.COOKIE, planted);
        Api api = new Api(browser);
        assertThat(api.logIn(name, TestApp.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(browser.session()).isNotNull().isNotEqualTo(planted);

        Browser attacker = app.browser();
        attacker.cookies.put(Sessions.COOKIE, planted);
        assertThat(new Api(attacker).call("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    }
}
