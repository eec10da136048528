package dev.postbox.launcher;

import dev.postbox.launcher.config.Settings;
import dev.postbox.ports.service.Postbox;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/**
 * One running Postbox: stores, core and web server, stopped in reverse order exactly once, on
 * {@link #close()} or on SIGTERM/Ctrl-C (a shutdown hook).
 */
final class Running implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Running.class);

    private final Stack stack;
    private final Postbox core;
    private final WebServer web;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private boolean closed;

    private Running(Stack stack, Postbox core, WebServer web) {
        this.stack = stack;
        this.core = core;
        this.web = web;
        this.hook = new Thread(this::close, "postbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What runs between opening the stores and serving: migrations, the first administrator. */
    interface Preparation {
        Preparation NONE = (stack, core) -> { };

        void prepare(Stack stack, java.util.function.Supplier<Postbox> core);
    }

    /**
     * Opens the stores, runs the preparation, then serves. Whatever was started is stopped again
     * when a later step fails.
     */
    static Running start(Settings settings, Progress progress, Preparation preparation) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Stack stack = Stacks.open(settings, registry, progress);
        WebServer web = null;
        try {
            // the core is built only after the preparation, which may create the schema it needs
            Postbox[] core = new Postbox[1];
            preparation.prepare(stack, () -> core[0] == null ? core[0] = Core.of(stack, settings) : core[0]);
            Postbox ready = core[0] == null ? Core.of(stack, settings) : core[0];
            web = WebServer.start(ready, stack, settings, registry);
            return new Running(stack, ready, web);
        } catch (RuntimeException e) {
            if (web != null) {
                web.close();
            }
            stack.close();
            throw e;
        }
    }

    Stack stack() {
        return stack;
    }

    Postbox core() {
        return core;
    }

    WebServer web() {
        return web;
    }

    /**
     * Blocks until SIGTERM or SIGINT, then stops everything and returns 0. The signals are
     * handled here rather than left to shutdown hooks, so a requested stop exits 0 (not 143)
     * after the drain, and the remaining hooks still run.
     */
    int awaitShutdown() {
        for (String name : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Stop requested");
        close();
        return 0;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (web != null) {
                web.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("the web server did not stop cleanly", e);
        } finally {
            try {
                stack.close();
            } finally {
                stopped.countDown();
                LOG.info("Postbox stopped");
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running or has run
            }
        }
    }
}
