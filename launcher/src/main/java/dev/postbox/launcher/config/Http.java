package dev.postbox.launcher.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the web server listens and how it stops: the launcher's own settings, with their rules
 * here. Each rule refuses at start what Jetty would refuse only when it binds, after the stores
 * were opened.
 *
 * @param host           address or host name to listen on (an IPv6 literal without brackets)
 * @param unixSocket     listen on this unix socket instead of TCP
 * @param unixSocketMode its file mode, three octal digits
 * @param drainTimeout   on a stop, how long requests in flight may take to finish
 */
public record Http(String host, int port, Optional<Path> unixSocket, String unixSocketMode, Duration drainTimeout) {
    /** sun_path holds 108 bytes on Linux, the last a NUL. */
    static final int MAX_SOCKET_PATH_BYTES = 107;
    private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";

    static Http from(Env env) {
        return new Http(
                env.parsed("POSTBOX_HTTP_HOST", "127.0.0.1", Http::host),
                env.port("POSTBOX_HTTP_PORT", 29000),
                env.parsedOptional("POSTBOX_HTTP_UNIX_SOCKET", Http::unixSocket),
                env.parsed("POSTBOX_HTTP_UNIX_SOCKET_MODE", "664", Http::socketMode),
                env.duration("POSTBOX_HTTP_DRAIN_TIMEOUT", Duration.ofSeconds(20)));
    }

    /** An IP literal or a host name, checked without asking DNS (which only the bind will). */
    static String host(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean valid;
        if (host.contains(":")) {
            valid = host.matches("[0-9A-Fa-f:.]+") && isIpv6Literal(host);
        } else if (host.matches("[0-9.]+")) {
            valid = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") && Arrays.stream(host.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
        } else {
            valid = host.length() <= 253 && host.matches(LABEL + "(\\." + LABEL + ")*\\.?");
        }
        if (!valid) {
            throw new IllegalArgumentException("must be an IP address or a host name, got " + Env.quote(text));
        }
        return host;
    }

    /** In brackets Java parses the text as an IPv6 literal or refuses it, never looking it up. */
    private static boolean isIpv6Literal(String host) {
        try {
            InetAddress.getByName("[" + host + "]");
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Its folder must exist (the server does not create it), and the path must fit a socket address. */
    static Path unixSocket(String text) {
        Path path = Path.of(text).toAbsolutePath();
        if (path.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            throw new IllegalArgumentException("is longer than a unix socket path may be (" + MAX_SOCKET_PATH_BYTES
                    + " bytes), got " + Env.quote(text));
        }
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            throw new IllegalArgumentException("names a socket in a folder that does not exist, got " + Env.quote(text));
        }
        return Path.of(text);
    }

    static String socketMode(String mode) {
        if (!mode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("must be an octal file mode such as 660 or 664, got " + Env.quote(mode));
        }
        return mode.length() == 4 ? mode.substring(1) : mode;
    }
}
