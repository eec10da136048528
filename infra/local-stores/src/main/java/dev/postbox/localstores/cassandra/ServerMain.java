package dev.postbox.localstores.cassandra;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of a local Cassandra JVM. It exits when its standard input closes, which happens
 * when the JVM that started it ends in any way, even {@code kill -9}: no orphaned nodes. Copied
 * as a single class file next to the node (never with the app's jars, whose Netty or Guava would
 * clash with Cassandra's), so it uses nothing but the JDK.
 */
public final class ServerMain {
    /** The class whose main runs under the watchdog; only tests change it. */
    static final String MAIN_CLASS_PROPERTY = "postbox.cassandra.main";

    private ServerMain() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; only the end of the stream matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as its end
            }
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // halting anyway
                }
                Runtime.getRuntime().halt(1);
            }, "postbox-parent-gone-halt");
            killer.setDaemon(true);
            killer.start();
            System.exit(0);
        }, "postbox-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(System.getProperty(MAIN_CLASS_PROPERTY, "org.apache.cassandra.service.CassandraDaemon"))
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
