package dev.postbox.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as the pages see it: keeps cookies, never follows redirects, and sends back the CSRF
 * token of the last form it fetched.
 */
final class WebClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern TOKEN = Pattern.compile("name=\"csrfmiddlewaretoken\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    WebClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Fetches the form page first (for its token), then posts the fields with the token. */
    HttpResponse<String> submit(String formPath, String postPath, Map<String, String> fields) {
        assertThat(get(formPath).statusCode()).as("GET %s", formPath).isEqualTo(200);
        assertThat(csrf).as("CSRF token on %s", formPath).isNotNull();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrfmiddlewaretoken", csrf);
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + postPath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> signUp(String username, String password) {
        return submit("/accounts/signup/", "/accounts/signup/", Map.of("username", username,
                "email", username + "@example.com", "password1", password, "password2", password));
    }

    HttpResponse<String> logIn(String username, String password) {
        return submit("/accounts/login/", "/accounts/login/", Map.of("username", username, "password", password));
    }

    HttpResponse<String> post(String content) {
        return submit("/posts/create", "/posts/create", Map.of("content", content));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        builder.timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || header.contains("Max-Age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
            Matcher m = TOKEN.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
