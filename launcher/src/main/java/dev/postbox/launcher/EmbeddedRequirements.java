package dev.postbox.launcher;

import java.util.Locale;

/**
 * What embedded storage needs beyond the app: the local store runners (the {@code run-lib/}
 * folder of the distribution, which {@code bin/postbox} puts on the classpath for the embedded run
 * only; the app image has none) and Linux x86-64, the one platform of the MariaDB binaries they
 * carry. Checked before {@link EmbeddedStack} is loaded, so that a missing piece is a usage error
 * naming the way out, not a {@code NoClassDefFoundError}.
 */
final class EmbeddedRequirements {
    /** A class of postbox-local-stores, named rather than referenced: a reference would load it. */
    static final String RUNNER_CLASS = "dev.postbox.localstores.mariadb.LocalMariaDb";
    private static final String INSTEAD =
            "; use memory storage (run --storage memory, or POSTBOX_STORAGE=memory) or external stores (postbox serve)";

    private EmbeddedRequirements() {
    }

    static void check() {
        check(EmbeddedRequirements.class.getClassLoader(), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static void check(ClassLoader loader, String os, String arch) {
        String cpu = arch.toLowerCase(Locale.ROOT);
        if (!"linux".equalsIgnoreCase(os) || !(cpu.equals("amd64") || cpu.equals("x86_64"))) {
            throw new UsageException("embedded storage runs MariaDB's Linux x86-64 binaries, and this is " + os + " on "
                    + arch + INSTEAD);
        }
        try {
            Class.forName(RUNNER_CLASS, false, loader);
        } catch (ClassNotFoundException e) {
            throw new UsageException("embedded storage needs the local MariaDB and Cassandra runners (run-lib/ of the"
                    + " distribution), which this installation does not have" + INSTEAD);
        }
    }
}
