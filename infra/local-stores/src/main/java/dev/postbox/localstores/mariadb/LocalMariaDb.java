package dev.postbox.localstores.mariadb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One local MariaDB server process for tests and the embedded run: listens on 127.0.0.1 only,
 * keeps its data in the given directory (a restart with the same directory keeps the data) and
 * is stopped by its own process handle, never by name. A JVM shutdown hook stops servers that
 * are still running when the JVM exits.
 */
public final class LocalMariaDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMariaDb.class);
    // MariaDB 11.4 makes itself a TLS key at every start: 1 to 15 s of CPU here (random prime
    // search), which a loaded 2-core machine stretched past the 90 s this was, twice in a day
    private static final Duration START_WAIT = Duration.ofMinutes(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Set<LocalMariaDb> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(LocalMariaDb::stop),
                "local-mariadb-shutdown"));
    }

    /**
     * How to run one server.
     *
     * @param dataDir   kept between runs; initialised on first use
     * @param port      0 picks a free port on the first start (later starts reuse it)
     * @param serverId  replication server id
     * @param extraArgs more mariadbd options, e.g. {@code --log-bin=mysql-bin}
     */
    public record Options(MariaDbBinaries binaries, Path dataDir, int port, int serverId, List<String> extraArgs) {
        public Options {
            Objects.requireNonNull(binaries, "binaries");
            Objects.requireNonNull(dataDir, "dataDir");
            extraArgs = List.copyOf(extraArgs);
        }

        public static Options of(MariaDbBinaries binaries, Path dataDir) {
            return new Options(binaries, dataDir, 0, 1, List.of());
        }

        public Options withPort(int value) {
            return new Options(binaries, dataDir, value, serverId, extraArgs);
        }

        public Options withServerId(int value) {
            return new Options(binaries, dataDir, port, value, extraArgs);
        }

        public Options withArgs(String... args) {
            List<String> all = new ArrayList<>(extraArgs);
            all.addAll(List.of(args));
            return new Options(binaries, dataDir, port, serverId, all);
        }
    }

    private final Options options;
    private final Path dataDir;
    private final Path socketDir;
    private final Path logFile;
    private final int port;
    private volatile Process process;

    private LocalMariaDb(Options options) throws IOException {
        this.options = options;
        this.dataDir = options.dataDir().toAbsolutePath();
        // unix socket paths are limited to about 100 bytes, so the socket gets a short path of its own
        this.socketDir = Files.createTempDirectory("pbx-mdb");
        this.logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = options.port() == 0 ? freePort() : options.port();
    }

    /** Initialises the data directory when it is new, then starts the server and waits until it answers. */
    public static LocalMariaDb start(Options options) {
        try {
            LocalMariaDb db = new LocalMariaDb(options);
            db.install();
            db.start();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install() throws IOException {
        if (Files.isDirectory(dataDir.resolve("mysql"))) {
            return;
        }
        Files.createDirectories(dataDir);
        List<String> command = List.of(options.binaries().installer().toString(), "--no-defaults",
                "--basedir=" + options.binaries().baseDir(), "--datadir=" + dataDir, "--user=root",
                "--auth-root-authentication-method=normal", "--skip-name-resolve", "--skip-test-db",
                // a private temp dir: two installs at once must not share temporary table files
                "--tmpdir=" + socketDir);
        int exit = runToLog(command, Duration.ofMinutes(3));
        if (exit != 0) {
            throw new IllegalStateException("mariadb-install-db failed with exit code " + exit + "; see " + logFile);
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port and data directory. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(options.binaries().server().toString(), "--no-defaults",
                "--user=root", "--basedir=" + options.binaries().baseDir(), "--datadir=" + dataDir,
                "--tmpdir=" + socketDir, "--socket=" + socket(), "--port=" + port,
                "--bind-address=127.0.0.1", "--skip-name-resolve", "--server-id=" + options.serverId(),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=16M", "--max-connections=300",
                "--pid-file=" + socketDir.resolve("mariadbd.pid"), "--log-error=" + logFile));
        command.addAll(options.extraArgs());
        try {
            process = baseProcess(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd", e);
        }
        RUNNING.add(this);
        awaitReady();
        LOG.info("MariaDB {} started on 127.0.0.1:{} (pid {}, data {})", MariaDbBinaries.VERSION, port, process.pid(), dataDir);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                RUNNING.remove(this);
                throw new IllegalStateException("mariadbd exited with code " + process.exitValue() + "; see " + logFile);
            }
            if (acceptsTcp() && clientAnswers()) {
                return;
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("mariadbd did not answer within " + START_WAIT + "; see " + logFile);
    }

    private boolean acceptsTcp() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean clientAnswers() {
        try {
            return "1".equals(query("SELECT 1").strip());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Stops the server by its own process (SIGTERM, a clean shutdown) and waits for it. */
    public synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            p.destroy();
            if (!p.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("mariadbd (pid {}) did not stop within {}; killing it", p.pid(), STOP_WAIT);
                p.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process = null;
            RUNNING.remove(this);
        }
    }

    /** Stops the server and removes its socket directory; the data directory stays. */
    @Override
    public void close() {
        stop();
        try (java.util.stream.Stream<Path> files = Files.list(socketDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            LOG.debug("could not remove {}: {}", socketDir, e.toString());
        }
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public int port() {
        return port;
    }

    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A Connector/J URL for {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Creates the database (utf8mb4) and a user with every privilege on it, reachable from
     * 127.0.0.1; sets the password again when the user exists. Safe to repeat.
     */
    public void createDatabase(String database, String user, String password) {
        requireIdentifier(database);
        requireIdentifier(user);
        String pw = quote(password);
        execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + "CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY " + pw + ";"
                + "ALTER USER '" + user + "'@'%' IDENTIFIED BY " + pw + ";"
                + "GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'%';");
    }

    /** Runs SQL as the server's root user over its unix socket. */
    public void execute(String sql) {
        query(sql);
    }

    /** Runs SQL as root and returns the client's tab-separated output without column names. */
    public String query(String sql) {
        List<String> command = List.of(options.binaries().client().toString(), "--no-defaults",
                "--socket=" + socket(), "--user=root", "--batch", "--skip-column-names",
                "--default-character-set=utf8mb4", "--connect-timeout=5");
        try {
            Path out = Files.createTempFile(socketDir, "query", ".out");
            try {
                ProcessBuilder builder = baseProcess(command);
                builder.redirectOutput(out.toFile());
                builder.redirectError(ProcessBuilder.Redirect.appendTo(out.toFile()));
                Process client = builder.start();
                client.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().close();
                if (!client.waitFor(60, TimeUnit.SECONDS)) {
                    client.destroyForcibly();
                    throw new IllegalStateException("the mariadb client did not finish within 60 s");
                }
                String output = Files.readString(out);
                if (client.exitValue() != 0) {
                    throw new IllegalStateException("SQL failed on local MariaDB: " + output.strip());
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ProcessBuilder baseProcess(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LD_LIBRARY_PATH", options.binaries().libraries().toString());
        builder.environment().put("TMPDIR", socketDir.toString());
        builder.directory(options.binaries().baseDir().toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return builder;
    }

    private int runToLog(List<String> command, Duration timeout) throws IOException {
        Process p = baseProcess(command).start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Path socket() {
        return socketDir.resolve("mysqld.sock");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void requireIdentifier(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database and user names must be 1 to 64 of A-Z, a-z, 0-9, _");
        }
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "LocalMariaDb[127.0.0.1:" + port + ", " + dataDir + "]";
    }
}
