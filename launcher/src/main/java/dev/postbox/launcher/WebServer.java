package dev.postbox.launcher;

import dev.postbox.adapter.http.PostboxWebApp;
import dev.postbox.adapter.http.UseCases;
import dev.postbox.launcher.config.Http;
import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.service.Postbox;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The HTTP side of a running Postbox: the web app on TCP or on a unix socket, with a graceful
 * stop (no new connections; requests in flight may finish within the drain timeout).
 */
final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final PostboxWebApp app;
    private final Optional<Path> socket;
    private final String where;

    private WebServer(PostboxWebApp app, Optional<Path> socket, String where) {
        this.app = app;
        this.socket = socket;
        this.where = where;
    }

    static WebServer start(Postbox core, Stack stack, Settings settings, MeterRegistry registry) {
        Http http = settings.http();
        Consumer<JavalinConfig> jetty = cfg -> {
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(http.drainTimeout().toMillis());
                server.insertHandler(new GracefulHandler());
            });
            http.unixSocket().ifPresent(path -> cfg.jetty.addConnector((server, httpConfig) -> {
                UnixDomainServerConnector connector = new UnixDomainServerConnector(server, new HttpConnectionFactory(httpConfig));
                connector.setUnixDomainPath(path.toAbsolutePath());
                return connector;
            }));
        };
        PostboxWebApp app = new PostboxWebApp(settings.web(), UseCases.from(core), stack.healthChecks(), registry, jetty);
        if (http.unixSocket().isPresent()) {
            Path path = http.unixSocket().get().toAbsolutePath();
            removeStaleSocket(path);
            app.javalin().start();
            setMode(path, http.unixSocketMode());
            return new WebServer(app, Optional.of(path), "unix:" + path);
        }
        app.start(http.host(), http.port());
        return new WebServer(app, Optional.empty(), "http://" + hostForUrl(http.host()) + ":" + app.port() + "/");
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** A socket file left by a killed process would make the bind fail; a regular file is not ours to delete. */
    private static void removeStaleSocket(Path path) {
        try {
            if (Files.exists(path) && !Files.isRegularFile(path) && !Files.isDirectory(path)) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old socket file " + path, e);
        }
    }

    private static void setMode(Path path, String octal) {
        int mode = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, perms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set mode " + octal + " on " + path, e);
        }
    }

    /** Where it listens, for the banner: {@code http://127.0.0.1:29000/} or {@code unix:/path}. */
    String where() {
        return where;
    }

    int port() {
        return app.port();
    }

    /** Jetty's connectors, so tests can see that socket mode opens no TCP port. */
    List<Connector> connectors() {
        return List.of(app.javalin().jettyServer().server().getConnectors());
    }

    @Override
    public void close() {
        LOG.info("Stopping the web server: finishing requests in flight");
        app.stop();
        socket.ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("could not remove the socket file {}", path);
            }
        });
    }
}
