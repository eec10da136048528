package dev.postbox.launcher;

import dev.postbox.launcher.config.Env;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a command takes from its surroundings: the environment, standard input, whether a terminal
 * is attached, and how a serving command learns it should stop. The program uses the real ones;
 * tests pass their own, so nothing has to change the process environment.
 *
 * @param handleSignals whether {@code serve}/{@code run} take over SIGTERM/SIGINT (a test JVM keeps its own)
 * @param onStarted     told about a serving Postbox once it answers requests (tests use it to stop it)
 */
record Context(Map<String, String> env, InputStream stdin, boolean terminal, boolean handleSignals,
               Consumer<Running> onStarted) {
    Context {
        env = Map.copyOf(env);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(onStarted, "onStarted");
    }

    static Context system() {
        return new Context(System.getenv(), System.in, System.console() != null, true, running -> { });
    }

    Env vars() {
        return new Env(env);
    }
}
