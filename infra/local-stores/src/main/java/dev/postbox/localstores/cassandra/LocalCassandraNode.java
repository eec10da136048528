package dev.postbox.localstores.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real Cassandra 5.0 node in its own JDK 17 process, for tests, benchmarks and the embedded
 * run. Its files live under one directory ({@code cassandra.yaml}, {@code logback.xml},
 * {@code node.log}, data, commit log, hints), so starting it again on the same directory (same
 * cluster name) finds the posts written before. Ready means a driver connected to it, never a
 * sleep. It is stopped by its own {@link Process} (SIGTERM, then SIGKILL after a grace period),
 * by a shutdown hook of this JVM, and, should this JVM die without running hooks, by the node
 * itself when its standard input (a pipe from this JVM) closes.
 */
public final class LocalCassandraNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCassandraNode.class);

    private final Path directory;
    private final String clusterName;
    private final String address;
    private final int nativePort;
    private final int storagePort;
    private final int jmxPort;
    private final List<String> seeds;
    private final String heap;
    private final boolean passwordAuthentication;
    private final List<String> initialTokens;
    private final Path serverLib;
    private final Path javaLauncher;
    private final Duration stopGrace;

    private Process process;
    private Thread shutdownHook;

    LocalCassandraNode(NodeBuilder b) {
        this.directory = b.directory.toAbsolutePath();
        this.clusterName = b.clusterName;
        this.address = b.address;
        this.nativePort = b.nativePort > 0 ? b.nativePort : FreePorts.onAll(List.of(b.address));
        this.storagePort = b.storagePort > 0 ? b.storagePort : FreePorts.onAll(List.of(b.address));
        this.jmxPort = b.jmxPort > 0 ? b.jmxPort : FreePorts.onAll(List.of("127.0.0.1"));
        this.seeds = b.seeds.isEmpty() ? List.of(b.address) : List.copyOf(b.seeds);
        this.heap = b.heap;
        this.passwordAuthentication = b.passwordAuthentication;
        this.initialTokens = List.copyOf(b.initialTokens);
        this.serverLib = b.serverLib != null ? b.serverLib : CassandraServerLib.locate();
        this.javaLauncher = b.java != null ? b.java : CassandraServerLib.java17();
        this.stopGrace = b.stopGrace;
    }

    /** @param directory the node's home; reuse it (with the same cluster name) to keep the data */
    public static NodeBuilder builder(Path directory) {
        return new NodeBuilder(directory);
    }

    /** Starts the process and returns at once; see {@link #awaitReady(Duration)}. */
    public synchronized LocalCassandraNode start() {
        if (isRunning()) {
            throw new IllegalStateException("node " + address + " is already running");
        }
        try {
            Files.createDirectories(directory.resolve("triggers"));
            Files.writeString(directory.resolve("cassandra.yaml"), launch().yaml(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("logback.xml"), NodeLaunch.LOGBACK, StandardCharsets.UTF_8);
            Path launcherDir = launch().writeServerMain();
            Path log = logFile();
            Files.writeString(log, "---- " + Instant.now() + " starting " + address + " native " + nativePort
                    + " storage " + storagePort + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(launch().command(launcherDir))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // stdin stays a pipe from this JVM on purpose: ServerMain exits when it closes
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Cassandra node " + address, e);
        }
        shutdownHook = new Thread(this::stopQuietly, "postbox-cassandra-stop-" + address);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        LOG.info("Started Cassandra node {} (pid {}, CQL port {}, log {})", address, process.pid(), nativePort, logFile());
        return this;
    }

    /** {@link #start()} then {@link #awaitReady(Duration)}. */
    public LocalCassandraNode startAndAwaitReady(Duration timeout) {
        start();
        awaitReady(timeout);
        return this;
    }

    /**
     * Waits until a driver session connects to this node and reads {@code system.local}.
     *
     * @throws IllegalStateException when the process exits or the time runs out (the message
     *                               carries the end of the node's log)
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Instant started = Instant.now();
        while (true) {
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException("Cassandra node " + address + " exited"
                        + (p == null ? "" : " with code " + p.exitValue()) + "; end of its log:\n" + logTail(40));
            }
            if (portOpen() && cqlAnswers()) {
                LOG.info("Cassandra node {} ready after {} ms", address, Duration.between(started, Instant.now()).toMillis());
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Cassandra node " + address + " not ready within " + timeout
                        + "; end of its log:\n" + logTail(40));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Cassandra", e);
            }
        }
    }

    private boolean portOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, nativePort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean cqlAnswers() {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.SESSION_NAME, "postbox-readiness-" + address)
                .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(2))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(5))
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                .withString(DefaultDriverOption.METRICS_FACTORY_CLASS, "NoopMetricsFactory")
                .withInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE, 1)
                .build();
        var builder = CqlSession.builder()
                .addContactPoint(nativeAddress())
                .withLocalDatacenter(datacenter())
                .withConfigLoader(config);
        if (passwordAuthentication) {
            builder.withAuthCredentials("cassandra", "cassandra");
        }
        try (CqlSession session = builder.build()) {
            var node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> n.getEndPoint().resolve() instanceof InetSocketAddress a
                            && a.getPort() == nativePort && a.getAddress().getHostAddress().equals(address))
                    .findFirst();
            SimpleStatement probe = SimpleStatement.newInstance("SELECT release_version FROM system.local");
            if (node.isPresent()) {
                probe = probe.setNode(node.get());
            }
            return session.execute(probe).one() != null;
        } catch (RuntimeException e) {
            LOG.debug("Cassandra node {} not answering CQL yet: {}", address, e.toString());
            return false;
        }
    }

    /** SIGTERM (Cassandra drains and flushes), then SIGKILL after the grace period. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running or ran
            }
            shutdownHook = null;
        }
    }

    private void stopQuietly() {
        try {
            synchronized (this) {
                if (process != null) {
                    stopProcess();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Stopping Cassandra node {} failed: {}", address, e.toString());
        }
    }

    private void stopProcess() {
        Process p = process;
        process = null;
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Cassandra node {} did not stop within {}; killing it", address, stopGrace);
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("Stopped Cassandra node {}", address);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id while running. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("node " + address + " is not running");
        }
        return process.pid();
    }

    public InetSocketAddress nativeAddress() {
        return new InetSocketAddress(address, nativePort);
    }

    /** Always {@code datacenter1}: nodes use SimpleSnitch. */
    public String datacenter() {
        return "datacenter1";
    }

    public String address() {
        return address;
    }

    public int nativePort() {
        return nativePort;
    }

    public int storagePort() {
        return storagePort;
    }

    public String clusterName() {
        return clusterName;
    }

    public Path directory() {
        return directory;
    }

    public Path logFile() {
        return directory.resolve("node.log");
    }

    /** Deletes data, commit log, hints and caches (the log stays); only while stopped. */
    public synchronized void deleteData() {
        if (isRunning()) {
            throw new IllegalStateException("stop node " + address + " before deleting its data");
        }
        for (String sub : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw")) {
            deleteRecursively(directory.resolve(sub));
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The last lines of the node's log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The cassandra.yaml this node is started with. */
    String yaml() {
        return launch().yaml();
    }

    private NodeLaunch launch() {
        return new NodeLaunch(directory, clusterName, address, nativePort, storagePort, jmxPort, seeds, heap,
                passwordAuthentication, initialTokens, serverLib, javaLauncher);
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
