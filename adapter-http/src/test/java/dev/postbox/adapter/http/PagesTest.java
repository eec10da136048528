package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTest extends AppTest {
    @Test
    void rootRedirectsToPosts() {
        HttpResponse<String> response = app.browser().get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/posts/");
    }

    @Test
    void welcomePageLinksToListAndForm() {
        HttpResponse<String> response = app.browser().get("/posts/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).contains("href=\"/posts/list\"", "href=\"/posts/create\"", "Welcome to Postbox");
    }

    @Test
    void listNeedsLoginAndComesBackAfterIt() {
        Browser browser = app.browser();
        HttpResponse<String> response = browser.get("/posts/list");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/accounts/login/?next=%2Fposts%2Flist");

        String name = app.register("pages");
        browser.get("/accounts/login/?next=%2Fposts%2Flist");
        HttpResponse<String> login = browser.post("/accounts/login/",
                Map.of("username", name, "password", TestApp.PASSWORD, "next", "/posts/list"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/posts/list");
        HttpResponse<String> list = browser.get("/posts/list");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("No posts yet");
    }

    @Test
    void createFormNeedsLogin() {
        HttpResponse<String> response = app.browser().get("/posts/create");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/accounts/login/?next=%2Fposts%2Fcreate");
    }

    @Test
    void createShowsThePostNewestFirstWithLineBreaksKept() {
        String name = app.register("writer");
        Browser browser = app.loggedIn(name);
        HttpResponse<String> form = browser.get("/posts/create");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<textarea", "data-max=\"10000\"", StaticAssets.url("postbox.js"));

        assertThat(browser.post("/posts/create", Map.of("content", "first")).statusCode()).isEqualTo(303);
        HttpResponse<String> created = browser.post("/posts/create", Map.of("content", "second\r\nline two"));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/posts/list");

        String list = browser.get("/posts/list").body();
        assertThat(list).contains("second\nline two");
        assertThat(list.indexOf("second\nline two")).isLessThan(list.indexOf(">first<"));
        assertThat(list).contains("<time datetime=\"");
    }

    @Test
    void invalidPostReRendersTheFormWithTheTextAndTheMessage() {
        Browser browser = app.loggedIn(app.register("invalid"));
        browser.get("/posts/create");
        String tooLong = "x".repeat(10_001);
        HttpResponse<String> response = browser.post("/posts/create", Map.of("content", tooLong));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Posts are at most 10000 characters (this one has 10001)", tooLong,
                "aria-invalid=\"true\"");

        HttpResponse<String> blank = browser.post("/posts/create", Map.of("content", "   "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Write something first.");
    }

    @Test
    void pagesBackWithTheOlderThanCursor() {
        String name = app.register("pager");
        Browser browser = app.loggedIn(name);
        for (int i = 1; i <= 23; i++) {
            assertThat(browser.post("/posts/create", Map.of("content", "post number " + i + ".")).statusCode()).isEqualTo(303);
        }
        String first = browser.get("/posts/list").body();
        assertThat(first).contains("post number 23.", "post number 4.").doesNotContain("post number 3.");
        Matcher older = Pattern.compile("href=\"(/posts/list\\?before=[0-9a-f-]{36})\"").matcher(first);
        assertThat(older.find()).isTrue();
        String second = browser.get(older.group(1)).body();
        assertThat(second).contains("post number 3.", "post number 1.").doesNotContain("post number 4.");
        assertThat(second).doesNotContain("Older posts");

        // the public page pages the same way, for anyone
        String page = app.browser().get("/u/" + name).body();
        Matcher publicOlder = Pattern.compile("href=\"(/u/" + name + "\\?before=[0-9a-f-]{36})\"").matcher(page);
        assertThat(publicOlder.find()).isTrue();
        assertThat(app.browser().get(publicOlder.group(1)).body()).contains("post number 1.");
    }

    @Test
    void limitChoosesThePageSizeUpTo100() {
        String name = app.register("limit");
        Browser browser = app.loggedIn(name);
        for (int i = 1; i <= 25; i++) {
            assertThat(browser.post("/posts/create", Map.of("content", "post number " + i + ".")).statusCode()).isEqualTo(303);
        }
        String all = browser.get("/posts/list?limit=100").body();
        assertThat(all).contains("post number 25.", "post number 1.").doesNotContain("Older posts");
        assertThat(browser.get("/posts/list?limit=5").body()).contains("post number 21.")
                .doesNotContain("post number 20.").contains("Older posts");
        assertThat(app.browser().get("/u/" + name + "?limit=100").body()).contains("post number 1.");
        for (String bad : new String[]{"0", "101", "x"}) {
            HttpResponse<String> response = browser.get("/posts/list?limit=" + bad);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("Exception", "at dev.");
        }
    }

    @Test
    void pagesOfPlainTextAreLatin1SoTheyStayCompactStrings() {
        Browser browser = app.loggedIn(app.register("latin"));
        assertThat(browser.post("/posts/create", Map.of("content", "plain text")).statusCode()).isEqualTo(303);
        for (String path : new String[]{"/posts/list", "/posts/create", "/posts/"}) {
            String body = browser.get(path).body();
            assertThat(body.chars().filter(c -> c > 0xFF).count()).as(path).isZero();
        }
        assertThat(app.browser().get("/accounts/login/").body().chars().filter(c -> c > 0xFF).count()).isZero();
    }

    @Test
    void badCursorIs400AndNotATrace() {
        Browser browser = app.loggedIn(app.register("cursor"));
        HttpResponse<String> response = browser.get("/posts/list?before=not-a-uuid");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("That page link is not valid.").doesNotContain("Exception", "at dev.");
    }

    @Test
    void userPageIsPublicAndUnknownUsersAre404() {
        String name = app.register("public");
        Browser author = app.loggedIn(name);
        author.post("/posts/create", Map.of("content", "hello world"));
        HttpResponse<String> page = app.browser().get("/u/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hello world", name).doesNotContain("/delete\"");

        HttpResponse<String> missing = app.browser().get("/u/nobody-" + name);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No such user.");
    }

    @Test
    void authorDeletesOwnPostOthersCannot() {
        String name = app.register("deleter");
        Browser author = app.loggedIn(name);
        author.post("/posts/create", Map.of("content", "delete me"));
        String list = author.get("/posts/list").body();
        Matcher id = Pattern.compile("action=\"/posts/([0-9a-f-]{36})/delete\"").matcher(list);
        assertThat(id.find()).isTrue();

        Browser other = app.loggedIn(app.register("other"));
        HttpResponse<String> forbidden = other.post("/posts/" + id.group(1) + "/delete", Map.of("author", name));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("You can only delete your own posts.");

        HttpResponse<String> deleted = author.post("/posts/" + id.group(1) + "/delete", Map.of("next", "/posts/list"));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(author.get("/posts/list").body()).doesNotContain("delete me").contains("No posts yet");

        HttpResponse<String> again = author.post("/posts/" + id.group(1) + "/delete", Map.of());
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void superuserDeletesAnyPostFromTheUsersPage() {
        String name = app.register("victim");
        app.loggedIn(name).post("/posts/create", Map.of("content", "spam spam"));
        Browser admin = app.loggedIn(app.superuser("root"));
        String page = admin.get("/u/" + name).body();
        Matcher id = Pattern.compile("action=\"/posts/([0-9a-f-]{36})/delete\"").matcher(page);
        assertThat(id.find()).isTrue();
        HttpResponse<String> deleted = admin.post("/posts/" + id.group(1) + "/delete", Map.of("author", name, "next", "/u/" + name));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue("/u/" + name);
        assertThat(app.browser().get("/u/" + name).body()).doesNotContain("spam spam");
    }

    @Test
    void unknownPathIsAFriendly404() {
        HttpResponse<String> response = app.browser().get("/no/such/page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found", StaticAssets.url("postbox.css"));
    }
}
