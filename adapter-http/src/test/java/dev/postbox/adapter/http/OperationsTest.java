package dev.postbox.adapter.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.postbox.domain.PageRequest;
import dev.postbox.domain.Post;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.StoreUnavailableException;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.HealthCheck;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationsTest {
    private static HealthCheck check(String name, AtomicBoolean up) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Status check() {
                return new Status(name, up.get(), up.get() ? "ok" : "connection refused");
            }
        };
    }

    @Test
    void liveAndReadyReportEachCheck() {
        AtomicBoolean db = new AtomicBoolean(true);
        AtomicBoolean cassandra = new AtomicBoolean(true);
        HealthCheck throwing = new HealthCheck() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Status check() {
                throw new IllegalStateException("secret detail");
            }
        };
        try (TestApp app = TestApp.start(TestApp.config("ops"), List.of(check("mysql-primary", db), check("cassandra", cassandra)), p -> p)) {
            HttpResponse<String> live = app.browser().get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(Api.json(live).get("status").asText()).isEqualTo("up");

            HttpResponse<String> ready = app.browser().get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(Api.json(ready).get("checks").findValuesAsText("name")).containsExactly("mysql-primary", "cassandra");

            cassandra.set(false);
            HttpResponse<String> down = app.browser().get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode body = Api.json(down);
            assertThat(body.get("status").asText()).isEqualTo("down");
            assertThat(body.get("down").get(0).asText()).isEqualTo("cassandra");
            Browser head = app.browser();
            assertThat(head.send(head.request("/health/ready").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(503);
            assertThat(head.send(head.request("/health/live").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode()).isEqualTo(200);
            assertThat(live.statusCode()).isEqualTo(200);
        }
        try (TestApp app = TestApp.start(TestApp.config("ops"), List.of(throwing), p -> p)) {
            HttpResponse<String> down = app.browser().get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("broken").doesNotContain("secret detail");
        }
    }

    @Test
    void metricsShowRequestsByRouteTemplateAndJvm() {
        try (TestApp app = TestApp.start()) {
            String name = app.register("metrics");
            app.browser().get("/u/" + name);
            app.browser().get("/u/" + name);
            app.browser().get("/no/such/thing");
            HttpResponse<String> metrics = app.browser().get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            String text = metrics.body();
            assertThat(text).contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/u/{username}\"} 2",
                    "uri=\"NOT_FOUND\"", "http_server_requests_seconds_bucket{", "jvm_memory_used_bytes", "jvm_threads_live_threads");
            assertThat(text).doesNotContain("/u/" + name);
        }
    }

    @Test
    void metricsAreForTheAllowedClientsOnly() {
        try (TestApp app = TestApp.start(TestApp.config("ops").withMetricsClients(List.of("127.0.0.1/32", "10.9.0.0/16")))) {
            // loopback is a trusted proxy here, as nginx on the same host is: the visitor it reports counts
            HttpResponse<String> visitor = app.browser().send(app.browser().request("/metrics").header("X-Forwarded-For", "203.0.113.7"));
            assertThat(visitor.statusCode()).isEqualTo(404);
            assertThat(visitor.body()).doesNotContain("jvm_", "http_server_requests");
            assertThat(visitor.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            HttpResponse<String> prometheus = app.browser().send(app.browser().request("/metrics").header("X-Forwarded-For", "10.9.4.2"));
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
            // a visitor cannot claim to be Prometheus: HAProxy's own header is the last hop nginx adds to
            HttpResponse<String> spoofed = app.browser().send(app.browser().request("/metrics")
                    .header("X-Forwarded-For", "10.9.4.2, 203.0.113.7"));
            assertThat(spoofed.statusCode()).isEqualTo(404);
            assertThat(app.browser().get("/metrics").statusCode()).as("loopback itself").isEqualTo(200);
        }
        assertThatThrownBy(() -> TestApp.config("ops").withMetricsClients(List.of("prometheus.internal")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'prometheus.internal' is not an IP address or CIDR block");
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutSecrets() {
        Logger access = (Logger) LoggerFactory.getLogger("dev.postbox.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level before = access.getLevel();
        access.setLevel(Level.INFO);
        access.addAppender(lines);
        try (TestApp app = TestApp.start(TestApp.config("node-a"))) {
            String name = app.register("logged");
            Browser browser = app.browser();
            browser.send(browser.request("/accounts/login/?next=/secret-query").header("X-Request-Id", "rid-42").GET());
            browser.post("/accounts/login/", Map.of("username", name, "password", TestApp.PASSWORD));
            browser.get("/posts/list");
            List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(messages).anySatisfy(line -> assertThat(line)
                    .startsWith("GET /accounts/login/ 200 ").contains("rid=rid-42", "instance=node-a", "ms", "B "));
            assertThat(messages).anySatisfy(line -> assertThat(line).startsWith("POST /accounts/login/ 303 "));
            assertThat(messages).anySatisfy(line -> assertThat(line).matches("GET /posts/list 200 [1-9][0-9]*B .*"));
            assertThat(String.join("\n", messages)).doesNotContain(TestApp.PASSWORD, browser.session(), "secret-query", name);
        } finally {
            access.detachAppender(lines);
            access.setLevel(before);
        }
    }

    /** A post store that has gone away: the in-memory adapter cannot be made to fail. */
    private static PostRepository unreachable() {
        return new PostRepository() {
            @Override
            public void insert(Post post) {
                throw new StoreUnavailableException("posts", new java.io.IOException("connect to 10.0.0.9:9042 refused"));
            }

            @Override
            public PostPage listByAuthor(Username author, Optional<PostId> olderThan, PageRequest page) {
                throw new StoreUnavailableException("posts", new java.io.IOException("connect to 10.0.0.9:9042 refused"));
            }

            @Override
            public Optional<Post> find(Username author, PostId id) {
                throw new StoreUnavailableException("posts", new java.io.IOException("refused"));
            }

            @Override
            public boolean delete(Username author, PostId id) {
                throw new StoreUnavailableException("posts", new java.io.IOException("refused"));
            }
        };
    }

    @Test
    void unavailableStoreIs503WithRetryAfterAndNoDetail() {
        try (TestApp app = TestApp.start(TestApp.config("ops"), List.of(), posts -> unreachable())) {
            String name = app.register("down");
            Browser browser = app.loggedIn(name);
            HttpResponse<String> page = browser.get("/posts/list");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("Service unavailable", "try again").doesNotContain("10.0.0.9", "Exception");

            Api api = new Api(app.browser());
            api.logIn(name, TestApp.PASSWORD);
            HttpResponse<String> json = api.call("POST", "/api/v1/posts", "{\"content\":\"x\"}");
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(json.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(Api.json(json).get("code").asText()).isEqualTo("store.unavailable");
            assertThat(json.body()).doesNotContain("10.0.0.9");
        }
    }
}
