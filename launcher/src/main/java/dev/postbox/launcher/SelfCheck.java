package dev.postbox.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The steps of {@code postbox selfcheck}: a browser's visit, over HTTP, with its cookies. */
final class SelfCheck {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");
    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"");

    /** A step that did not answer as expected; the message names it. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private final URI base;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    SelfCheck(URI base, PrintWriter out) {
        this.base = base;
        this.out = out;
    }

    void run() {
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String name = "selfcheck-" + suffix;
        String password = "Self-check " + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String content = "Self-check post " + suffix + " <b>&</b>";

        expect("ready", get("/health/ready"), 200, null);
        String signup = expect("sign-up page", get("/accounts/signup/"), 200, null);
        expect("sign up", post("/accounts/signup/", form(token(signup), "username", name, "email", name + "@example.com",
                "password1", password, "password2", password)), 303, null);
        String create = expect("new post page", get("/posts/create"), 200, null);
        expect("write a post", post("/posts/create", form(token(create), "content", content)), 303, null);
        String list = expect("list page", get("/posts/list"), 200, "Self-check post " + suffix + " &lt;b&gt;&amp;&lt;/b&gt;");
        expect("API list", get("/api/v1/users/" + name + "/posts"), 200, "Self-check post " + suffix);
        Matcher css = STYLESHEET.matcher(list);
        if (!css.find()) {
            throw new Failure("list page: no stylesheet link");
        }
        expect("stylesheet", get(css.group(1)), 200, null);
        expect("log out", post("/accounts/logout/", form(token(list))), 200, "Logged out");
        expect("list page, logged out", get("/posts/list"), 302, null);
        String login = expect("login page", get("/accounts/login/"), 200, null);
        expect("log in", post("/accounts/login/", form(token(login), "username", name, "password", password)), 303, null);
        expect("unknown page", get("/no/such/page"), 404, null);
    }

    private String expect(String step, HttpResponse<String> response, int status, String contains) {
        if (response.statusCode() != status) {
            throw new Failure(step + ": expected " + status + ", got " + response.statusCode());
        }
        if (contains != null && !response.body().contains(contains)) {
            throw new Failure(step + ": the answer does not show \"" + contains + "\"");
        }
        out.println("ok  " + step + " (" + status + ")");
        out.flush();
        return response.body();
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        if (!m.find()) {
            throw new Failure("the page has no form token");
        }
        return m.group(1);
    }

    private static String form(String token, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrfmiddlewaretoken", token);
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), path);
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), path);
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(request.method() + " " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(request.method() + " " + path + ": interrupted");
        }
    }
}
