package dev.postbox.localstores.cassandra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Ports free right now on every given loopback address (others run servers on this machine too). */
final class FreePorts {
    private FreePorts() {
    }

    static int onAll(List<String> addresses) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = anyFree(addresses.get(0));
            if (addresses.stream().allMatch(a -> isFree(a, port))) {
                return port;
            }
        }
        throw new IllegalStateException("no port free on all of " + addresses);
    }

    private static int anyFree(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind on " + address, e);
        }
    }

    static boolean isFree(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
