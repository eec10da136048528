package dev.postbox.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends bytes no well-behaved client would, and reads the raw answer. */
final class RawHttp {
    private RawHttp() {
    }

    static String exchange(int port, byte[] request) {
        return exchange(port, request, Duration.ZERO);
    }

    /** Waits {@code beforeReading} after sending, so that whatever the server does on close has happened. */
    static String exchange(int port, byte[] request, Duration beforeReading) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException serverClosedEarly) {
                // the server may answer and close before reading everything we send
            }
            Thread.sleep(beforeReading.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException reset) {
                // a reset after the response still leaves what was read
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
