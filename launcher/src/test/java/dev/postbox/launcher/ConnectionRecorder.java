package dev.postbox.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port standing in for a store: it accepts every connection, counts it and closes it
 * at once (so a client fails fast instead of waiting for a greeting). {@link #connectionsSoFar()}
 * is exact: it sends a marker connection of its own and waits until the acceptor has taken it, and
 * since a listening socket hands out connections in the order they arrived, every connection made
 * before the call has been counted by then.
 */
final class ConnectionRecorder implements AutoCloseable {
    private static final Duration MARKER_WAIT = Duration.ofMinutes(1);

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Integer> markerPorts = ConcurrentHashMap.newKeySet();
    private final Set<Integer> markersSeen = ConcurrentHashMap.newKeySet();

    ConnectionRecorder(String name) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptAll, "recorder-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                int peerPort = socket.getPort();
                if (markerPorts.contains(peerPort)) {
                    markersSeen.add(peerPort);
                } else {
                    connections.incrementAndGet();
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a client that vanished mid-accept still counted as nothing; keep listening
            }
        }
    }

    /** Connections from anyone but this recorder's own markers, up to this call. */
    int connectionsSoFar() {
        try (Socket marker = new Socket()) {
            marker.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = marker.getLocalPort();
            markerPorts.add(port);
            marker.connect(server.getLocalSocketAddress());
            long deadline = System.nanoTime() + MARKER_WAIT.toNanos();
            while (!markersSeen.contains(port)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the acceptor did not take the marker connection within " + MARKER_WAIT);
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
            return connections.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(MARKER_WAIT.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
