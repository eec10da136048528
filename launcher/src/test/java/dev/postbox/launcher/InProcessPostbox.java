package dev.postbox.launcher;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@code postbox serve} or {@code run} running in this JVM, through {@link Main} exactly as on
 * the command line, with a given environment. {@link #stop()} asks it to stop as SIGTERM would
 * and returns its exit code.
 */
final class InProcessPostbox implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Running> started = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private Running running;

    private InProcessPostbox() {
    }

    static InProcessPostbox start(Duration timeout, Map<String, String> env, String... args) {
        InProcessPostbox postbox = new InProcessPostbox();
        // WebClient's pooled java.net.http client keeps connections far longer than the app's 30 s
        // idle timeout and does not retry a POST sent on one the app is just closing (TestApp, in
        // adapter-http, says more); a test that wants the real idle timeout sets it
        Map<String, String> withIdle = new HashMap<>(env);
        withIdle.putIfAbsent("POSTBOX_HTTP_IDLE_TIMEOUT", "10m");
        Context context = new Context(Map.copyOf(withIdle), new ByteArrayInputStream(new byte[0]), false, false, postbox.started::complete);
        Thread thread = new Thread(() -> {
            try {
                postbox.exit.complete(Main.execute(context, new PrintWriter(postbox.out, true),
                        new PrintWriter(postbox.err, true), args));
            } catch (Throwable e) {
                postbox.exit.completeExceptionally(e);
            }
        }, "postbox-under-test");
        thread.setDaemon(true);
        thread.start();
        try {
            postbox.running = CompletableFuture.anyOf(postbox.started, postbox.exit)
                    .thenApply(first -> first instanceof Running r ? r : null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("postbox did not start within " + timeout + "; stdout:\n" + postbox.out()
                    + "\nstderr:\n" + postbox.err());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (postbox.running == null) {
            throw new IllegalStateException("postbox exited with " + postbox.exit.join() + " before serving; stdout:\n"
                    + postbox.out() + "\nstderr:\n" + postbox.err());
        }
        return postbox;
    }

    Running running() {
        return running;
    }

    /** {@code http://127.0.0.1:PORT} of a TCP listener. */
    String base() {
        return "http://127.0.0.1:" + running.web().port();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Requests the stop and waits for the command to return; its exit code. */
    int stop() {
        running.requestStop();
        try {
            return exit.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("postbox did not stop: " + e, e);
        }
    }

    boolean stopped() {
        return exit.isDone();
    }

    @Override
    public void close() {
        if (!exit.isDone()) {
            stop();
        }
    }
}
