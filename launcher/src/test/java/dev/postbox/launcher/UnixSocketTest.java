package dev.postbox.launcher;

import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code postbox serve} on a unix domain socket, as nginx would talk to it. */
class UnixSocketTest {
    @TempDir
    Path dir;

    @Test
    void servesPagesOnTheSocketWithItsModeAndRemovesItOnStop() throws IOException {
        Path socket = dir.resolve("app.sock");
        try (InProcessPostbox postbox = InProcessPostbox.start(Duration.ofMinutes(1), Map.of(
                "POSTBOX_STORAGE", "memory",
                "POSTBOX_HTTP_UNIX_SOCKET", socket.toString(),
                "POSTBOX_HTTP_UNIX_SOCKET_MODE", "660"), "serve")) {
            assertThat(postbox.out()).contains("Postbox is serving on unix:" + socket.toAbsolutePath());
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
            assertThat(postbox.running().web().connectors()).as("no TCP connector besides the socket")
                    .singleElement().isInstanceOf(UnixDomainServerConnector.class);

            String response = get(socket, "/posts/");
            assertThat(response).startsWith("HTTP/1.1 200 ").contains("<!doctype html>", "Postbox");
            assertThat(get(socket, "/health/live")).startsWith("HTTP/1.1 200 ");

            assertThat(postbox.stop()).isZero();
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void replacesAStaleSocketFileLeftByAKilledProcess() throws IOException {
        Path socket = dir.resolve("stale.sock");
        // a socket file nobody listens on, as a SIGKILLed server leaves behind
        try (var channel = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        try (InProcessPostbox postbox = InProcessPostbox.start(Duration.ofMinutes(1), Map.of(
                "POSTBOX_STORAGE", "memory", "POSTBOX_HTTP_UNIX_SOCKET", socket.toString()), "serve")) {
            assertThat(get(socket, "/health/live")).startsWith("HTTP/1.1 200 ");
            assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
        }
        assertThat(socket).doesNotExist();
    }

    /** One HTTP/1.1 request over the socket (the JDK has no unix-socket HTTP client). */
    static String get(Path socket, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                received.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
