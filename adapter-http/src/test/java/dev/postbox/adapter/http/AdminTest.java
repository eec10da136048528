package dev.postbox.adapter.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTest extends AppTest {
    @Test
    void anonymousVisitorsAreSentToLogin() {
        HttpResponse<String> response = app.browser().get("/admin/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/accounts/login/?next=%2Fadmin%2F");
    }

    @Test
    void ordinaryUsersAreForbidden() {
        Browser browser = app.loggedIn(app.register("plain"));
        HttpResponse<String> response = browser.get("/admin/");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Only administrators");
        assertThat(browser.get("/posts/").body()).doesNotContain("href=\"/admin/\"");
        HttpResponse<String> toggle = browser.post("/admin/users/1/active", Map.of("value", "false"));
        assertThat(toggle.statusCode()).isEqualTo(403);
    }

    @Test
    void superuserSearchesByPrefixAndTogglesFlags() {
        String prefix = TestApp.uniqueName("zz");
        String target = prefix + "target";
        app.core.register().register(new dev.postbox.ports.in.RegisterUserUseCase.RegisterUser(target, "t@example.com", TestApp.PASSWORD));
        app.register("elsewhere");
        Browser admin = app.loggedIn(app.superuser("admin"));
        assertThat(admin.get("/posts/").body()).contains("href=\"/admin/\"");

        HttpResponse<String> page = admin.get("/admin/?q=" + prefix.toUpperCase());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(target, "t@example.com").doesNotContain("elsewhere");
        Matcher id = Pattern.compile("action=\"/admin/users/(\\d+)/active\"").matcher(page.body());
        assertThat(id.find()).isTrue();

        Browser targetBrowser = app.loggedIn(target);
        HttpResponse<String> off = admin.post("/admin/users/" + id.group(1) + "/active", Map.of("value", "false", "q", prefix));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.headers().firstValue("Location")).hasValue("/admin/?q=" + prefix);
        assertThat(admin.get("/admin/?q=" + prefix).body()).contains("class=\"inactive\"", ">Activate<");
        // deactivation ends the user's sessions and stops logins
        assertThat(targetBrowser.get("/posts/list").statusCode()).isEqualTo(302);

        assertThat(admin.post("/admin/users/" + id.group(1) + "/staff", Map.of("value", "true")).statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/?q=" + prefix).body()).contains(">Remove staff<");
        assertThat(admin.post("/admin/users/" + id.group(1) + "/active", Map.of("value", "true")).statusCode()).isEqualTo(303);
        app.loggedIn(target);

        assertThat(admin.post("/admin/users/999999999/active", Map.of("value", "true")).statusCode()).isEqualTo(404);
        assertThat(admin.post("/admin/users/abc/active", Map.of("value", "true")).statusCode()).isEqualTo(404);
    }

    @Test
    void pagesThroughManyUsers() {
        String prefix = TestApp.uniqueName("pg");
        for (int i = 0; i < AdminPages.PAGE.size() + 3; i++) {
            app.core.register().register(new dev.postbox.ports.in.RegisterUserUseCase.RegisterUser(
                    prefix + String.format("%03d", i), "p@example.com", TestApp.PASSWORD));
        }
        Browser admin = app.loggedIn(app.superuser("pager"));
        String first = admin.get("/admin/?q=" + prefix).body();
        assertThat(first).contains(prefix + "000", prefix + "049").doesNotContain(prefix + "050");
        Matcher next = Pattern.compile("href=\"(/admin/\\?q=[^\"]+&amp;after=[^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = admin.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(second).contains(prefix + "050", prefix + "052").doesNotContain(prefix + "049<");
    }
}
