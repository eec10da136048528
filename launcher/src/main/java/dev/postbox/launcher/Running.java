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
 * {@link #requestStop()}, SIGTERM/Ctrl-C, or a JVM shutdown hook.
 */
final class Running implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Running.class);

    /** Work between opening the stores and serving: migrations, the first administrator. */
    interface Preparation {
        void prepare(Stack stack);
    }

    private final Stack stack;
    private final Postbox core;
    private final WebServer web;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread hook;
    private boolean closed;

    private Running(Stack stack, Postbox core, WebServer web, boolean handleSignals) {
        this.stack = stack;
        this.core = core;
        this.web = web;
        this.hook = new Thread(this::close, "postbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (handleSignals) {
            // before anyone is told we serve: a SIGTERM right after the banner must drain too
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> requestStop());
            }
        }
    }

    /**
     * Opens the stores, runs {@code preparation}, then serves. Whatever was started is stopped
     * again when a later step fails. A signal before this returns ends the JVM the ordinary way;
     * the embedded stores' own shutdown hooks stop their processes then.
     */
    static Running start(Settings settings, Progress progress, Preparation preparation, boolean handleSignals) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Stack stack = Stacks.open(settings, registry, progress);
        try {
            preparation.prepare(stack);
            Postbox core = Core.of(stack, settings);
            return new Running(stack, core, WebServer.start(core, stack, settings, registry), handleSignals);
        } catch (RuntimeException e) {
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

    /** Asks {@link #awaitShutdown()} to stop everything and return. */
    void requestStop() {
        stopRequested.countDown();
    }

    /**
     * Blocks until a stop is requested, then stops everything and returns 0. With signal handling
     * on, SIGTERM and SIGINT request the stop: they are handled here rather than left to shutdown
     * hooks, so a requested stop exits 0 (not 143) after the drain.
     */
    int awaitShutdown() {
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
            web.close();
        } catch (RuntimeException e) {
            LOG.warn("the web server did not stop cleanly: {}", Main.causes(e));
        } finally {
            try {
                stack.close();
            } finally {
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
