package dev.postbox.adapter.http;

import dev.postbox.domain.PageRequest;
import dev.postbox.domain.PostId;
import dev.postbox.domain.PostPage;
import dev.postbox.domain.Username;
import dev.postbox.ports.out.PostRepository;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request limits against hostile clients: oversized headers, trickling and idle connections,
 * more concurrent requests than allowed. Nothing here measures time: the slow-client tests only
 * check that the server hangs up before the client has finished (a bound, with a wide margin).
 */
class HardeningTest {
    private static final RequestLimits FAST = RequestLimits.DEFAULT.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));

    @Test
    void headersOverEightKibAre431WithOurPage() {
        try (TestApp app = TestApp.start()) {
            String ok = RawHttp.exchange(app.web.port(), "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(6000)
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(ok)).isEqualTo(200);
            String big = RawHttp.exchange(app.web.port(), "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Pad: " + "a".repeat(9000)
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(big)).isEqualTo(431);
            assertThat(big).contains("X-Frame-Options: DENY").doesNotContain("Exception", "jetty", "Server: Jetty");
            String manyCookies = RawHttp.exchange(app.web.port(), "GET /posts/ HTTP/1.1\r\nHost: x\r\n"
                    + "Cookie: a=" + "b".repeat(4000) + "\r\nCookie: c=" + "d".repeat(5000) + "\r\nConnection: close\r\n\r\n");
            assertThat(RawHttp.status(manyCookies)).isEqualTo(431);
        }
    }

    @Test
    void aTooLargeBodyIsRefusedWithA413TheClientCanRead() throws InterruptedException {
        try (TestApp app = TestApp.start()) {
            // the client sends the whole body before it reads; had the server closed with the body
            // unread in its socket, the kernel's reset could throw the 413 away before it was read
            for (int size : new int[]{70_000, 1_500_000}) {
                for (String path : new String[]{"/api/v1/session", "/accounts/login/"}) {
                    String request = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + size + "\r\nConnection: close\r\n\r\n" + "a".repeat(size);
                    String answer = RawHttp.exchange(app.web.port(), request.getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(300));
                    assertThat(answer).as("%s with %d bytes", path, size).startsWith("HTTP/1.1 413 ");
                }
            }
            // chunked: the length is only known while reading
            String chunked = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + ("1000\r\n" + "a".repeat(4096) + "\r\n").repeat(20) + "0\r\n\r\n";
            String answer = RawHttp.exchange(app.web.port(), chunked.getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(300));
            assertThat(answer).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void aClientSendingOneHeaderByteASecondIsCutOff() throws IOException {
        try (TestApp app = TestApp.start(TestApp.config("test").withLimits(FAST));
             Socket socket = new Socket("127.0.0.1", app.web.port())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /posts/ HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // at one byte a second, 120 bytes would take two minutes; the limit is 2 s (cut within 4 s)
            int sent = 0;
            boolean closed = false;
            while (sent < 120 && !closed) {
                try {
                    out.write('a');
                    out.flush();
                    sent++;
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    // nothing to read yet: the server still waits for the rest
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("closed after %d bytes", sent).isTrue();
            assertThat(sent).isLessThan(120);
        }
    }

    @Test
    void aSlowBodyIsCutOffToo() throws IOException {
        try (TestApp app = TestApp.start(TestApp.config("test").withLimits(FAST));
             Socket socket = new Socket("127.0.0.1", app.web.port())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 200\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(trickleUntilClosed(socket, 120)).isLessThan(120);
        }
    }

    /** Sends one byte a second until the server closes; returns how many were sent. */
    private static int trickleUntilClosed(Socket socket, int max) throws IOException {
        int sent = 0;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (sent < max) {
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
                sent++;
                int n = in.read(buffer);
                if (n == -1) {
                    return sent;
                }
                // an answer (e.g. 408) is as good as a close: the server gave up on the request
                return sent;
            } catch (SocketTimeoutException stillOpen) {
                // keep trickling
            } catch (IOException reset) {
                return sent;
            }
        }
        return sent;
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (TestApp app = TestApp.start(TestApp.config("test").withLimits(FAST));
             Socket socket = new Socket("127.0.0.1", app.web.port())) {
            // idle timeout 3 s; reading gives up after 60 s, which would fail the test
            socket.setSoTimeout(60_000);
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (IOException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void beyondTheConcurrencyLimitAndTheQueueRequestsGet503WithRetryAfter() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        RequestLimits limits = RequestLimits.DEFAULT.withMaxConcurrentRequests(2, 1).withMaxQueueWait(Duration.ofSeconds(60));
        try (TestApp app = TestApp.start(TestApp.config("test").withLimits(limits), List.of(),
                posts -> new BlockingPosts(posts, entered, release))) {
            String name = app.register("busy");
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    slow.add(CompletableFuture.supplyAsync(() -> app.browser().get("/u/" + name)));
                }
                assertThat(entered.await(30, TimeUnit.SECONDS)).as("two requests inside the handler").isTrue();
                CompletableFuture<HttpResponse<String>> queued = CompletableFuture.supplyAsync(() -> app.browser().get("/accounts/login/"));
                awaitQueued(app, 1);

                // the load balancer's checks and the metrics scrape pass the limit: an instance
                // that is busy is not down, and taking it out of rotation moves its load onto the rest
                for (String path : List.of("/health/live", "/health/ready", "/metrics")) {
                    assertThat(app.browser().get(path).statusCode()).as(path).isEqualTo(200);
                }
                HttpResponse<String> refused = app.browser().get("/accounts/login/");
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.headers().firstValue("X-Frame-Options")).hasValue("DENY");
                assertThat(refused.body()).doesNotContain("Exception", "jetty");

                release.countDown();
                assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                for (CompletableFuture<HttpResponse<String>> f : slow) {
                    assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
                assertThat(app.web.meterRegistry().get("postbox.http.requests.rejected").functionCounter().count()).isEqualTo(1.0);
            } finally {
                release.countDown();
            }
        }
    }

    private static void awaitQueued(TestApp app, int count) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (app.web.meterRegistry().get("postbox.http.requests.queued").gauge().value() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request was queued within 30 s");
    }

    /** Holds list requests inside the handler until released, so they occupy the concurrency slots. */
    private record BlockingPosts(PostRepository delegate, CountDownLatch entered, CountDownLatch release) implements ForwardingPosts {
        @Override
        public PostPage listByAuthor(Username author, Optional<PostId> olderThan, PageRequest page) {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.listByAuthor(author, olderThan, page);
        }
    }
}
