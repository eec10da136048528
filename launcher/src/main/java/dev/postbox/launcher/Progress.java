package dev.postbox.launcher;

import java.io.PrintWriter;

/** Start-up progress for people watching a terminal: what we wait for and for how long. */
interface Progress {
    void step(String message);

    static Progress quiet() {
        return message -> { };
    }

    static Progress to(PrintWriter out) {
        long started = System.nanoTime();
        return message -> {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            out.printf("[%3ds] %s%n", seconds, message);
            out.flush();
        };
    }
}
