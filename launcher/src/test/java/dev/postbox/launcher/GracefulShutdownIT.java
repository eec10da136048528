package dev.postbox.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real distribution ({@code target/postbox/bin/postbox serve}) as a child process: a slow
 * request that is in the handler when SIGTERM arrives still gets its 200, new connections are
 * refused meanwhile, and the process then exits 0.
 */
class GracefulShutdownIT {
    private static final Path DIST = Path.of(System.getProperty("postbox.distribution", "target/postbox")).toAbsolutePath();
    private static final Duration WAIT = Duration.ofMinutes(2);

    private Path log;
    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void requestInFlightAtSigtermCompletesWith200AndTheProcessExits0() throws Exception {
        int port = freePort();
        // to a file, not a pipe: Process.destroy() closes our end of the pipes along with the SIGTERM
        log = Path.of("target", "graceful-" + UUID.randomUUID().toString().substring(0, 8) + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(DIST.resolve("bin/postbox").toString(), "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("POSTBOX_STORAGE", "memory");
        builder.environment().put("POSTBOX_HTTP_PORT", Integer.toString(port));
        builder.environment().put("POSTBOX_HTTP_DRAIN_TIMEOUT", "2m");
        assertThat(DIST.resolve("bin/postbox")).as("the distribution is built by 'package', before failsafe runs").exists();
        process = builder.start();
        awaitLine("Postbox is serving on http://127.0.0.1:" + port + "/");

        String user = "drain" + UUID.randomUUID().toString().substring(0, 8);
        String password = "graceful-passphrase-42";
        HttpResponse<String> signUp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"email\":\"" + user
                        + "@example.com\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).isEqualTo(201);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // "Expect: 100-continue": the server answers 100 only once the handler reads the body,
            // so the 100 proves the request is being handled before the signal is sent
            out.write(("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHead(in)).startsWith("HTTP/1.1 100");
            chunk(out, "{");

            // a slow upload: a byte of JSON whitespace every 100 ms keeps the request alive (a
            // client silent for over a second during a drain is cut by Jetty's shutdown idle timeout)
            AtomicBoolean drainSeen = new AtomicBoolean();
            AtomicReference<IOException> trickleFailure = new AtomicReference<>();
            Thread trickle = new Thread(() -> {
                try {
                    while (!drainSeen.get()) {
                        chunk(out, " ");
                        Thread.sleep(100);
                    }
                } catch (IOException e) {
                    trickleFailure.set(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "slow-upload");
            trickle.setDaemon(true);
            trickle.start();
            try {
                process.destroy(); // SIGTERM
                awaitLine("Stopping the web server: finishing requests in flight");
                awaitRefused(port);
            } finally {
                drainSeen.set(true);
                trickle.join();
            }
            assertThat(trickleFailure.get()).isNull();

            chunk(out, "\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(readBody(head, in)).contains("\"username\":\"" + user + "\"");
        }
        assertThat(process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code after a drained stop; output:\n%s", String.join("\n", output())).isZero();
        assertThat(output()).anyMatch(line -> line.contains("POST /api/v1/session 200"))
                .anyMatch(line -> line.contains("Postbox stopped"));
        assertThat(String.join("\n", output())).doesNotContain(password).doesNotContain("Exception");
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private List<String> output() {
        try {
            return java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitLine(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (output().stream().noneMatch(line -> line.contains(text))) {
            assertThat(Instant.now()).as("waiting for \"%s\"; output so far:\n%s", text, String.join("\n", output()))
                    .isBefore(deadline);
            assertThat(process.isAlive() || output().stream().anyMatch(line -> line.contains(text)))
                    .as("process ended early; output:\n%s", String.join("\n", output())).isTrue();
            Thread.sleep(50);
        }
    }

    /** Waits until the listening socket is closed: the drain has begun. */
    private static void awaitRefused(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // a timeout: keep trying
            }
            assertThat(Instant.now()).as("new connections refused during the drain").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String readBody(String head, InputStream in) throws IOException {
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("transfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                in.readNBytes(2);
            }
            return body.toString();
        }
        int length = lower.lines().filter(l -> l.startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int chunkSize(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            line.append((char) b);
        }
        return Integer.parseInt(line.toString().strip().split(";")[0], 16);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
